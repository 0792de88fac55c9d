package org.zhufang.teams;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Caller;
import org.zhufang.shared.UserError;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;
import org.zhufang.teams.TeamInputs.ActivityLogInput;
import org.zhufang.teams.TeamInputs.AttendanceEntryInput;
import org.zhufang.teams.TeamInputs.ParticipantInput;
import org.zhufang.teams.TeamInputs.ShiftAttendanceRecordInput;
import org.zhufang.teams.TeamInputs.ShiftScheduleInput;
import org.zhufang.teams.TeamInputs.ShiftSignUpInput;
import org.zhufang.teams.TeamInputs.TeamCreateInput;
import org.zhufang.teams.TeamInputs.TeamDisbandInput;
import org.zhufang.teams.TeamInputs.TeamMemberAddInput;
import org.zhufang.teams.TeamInputs.TeamMemberRemoveInput;
import org.zhufang.teams.TeamInputs.VolunteerRegisterInput;
import org.zhufang.teams.TeamInputs.WeeklyPatternInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * What the teams module tells other modules: each change publishes its past-tense event with the
 * ids and facts a listener needs, and a refused command publishes nothing.
 * <p>
 * Scenarios record the events published on the test's thread, so the facades are called
 * directly rather than over HTTP.
 */
@IntegrationTest
@EnableScenarios
class TeamEventsTests {

	@Autowired
	TestWorld world;

	@Autowired
	TeamFixtures fixtures;

	TestWorld.Tree tree;

	AreaView town;

	AreaView village;

	Caller admin;

	TeamView team;

	/** 19:00 on the Monday after next, Asia/Shanghai. */
	ZonedDateTime monday;

	@BeforeEach
	void buildTeam() {
		tree = world.county("团队事件测试县");
		town = tree.child(tree.county(), "小冀镇");
		village = tree.child(town, "小冀村");
		admin = TestWorld.system(tree.county().id());
		team = fixtures.team(tree.county(), town, "夜市巡逻队", TeamKind.PATROL);
		monday = LocalDate.now(BureauClock.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1)
			.atTime(19, 0).atZone(BureauClock.ZONE);
	}

	@Test
	void announcesANewTeamWithItsKindAndHomeArea(Scenario scenario) {
		scenario.stimulate(() -> fixtures.teams.createTeam(admin,
				new TeamCreateInput("五老街长团队", TeamKind.MEDIATION, village.id(), "平安微信群", null)))
			.andWaitForEventOfType(TeamCreated.class)
			.matchingMappedValue(TeamCreated::areaId, village.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(outcome.isOk()).isTrue();
				assertThat(event.teamId()).isEqualTo(outcome.value().id());
				assertThat(event.kind()).isEqualTo(TeamKind.MEDIATION);
			});
	}

	@Test
	void announcesADisbandedTeamWithItsHomeAreaAndDayAndTheMembershipsItEnded(Scenario scenario) {
		VolunteerView wang = member("王散伙");
		LocalDate today = LocalDate.now(BureauClock.ZONE);
		scenario.stimulate(() -> fixtures.teams.disbandTeam(admin, new TeamDisbandInput(team.id(), null)))
			.andWaitForEventOfType(TeamDisbanded.class)
			.matchingMappedValue(TeamDisbanded::teamId, team.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(outcome.value().status()).isEqualTo(TeamStatus.DISBANDED);
				assertThat(event.areaId()).isEqualTo(town.id());
				assertThat(event.disbandedOn()).isEqualTo(today);
			});
		scenario.stimulate(() -> fixtures.teams.disbandTeam(admin, new TeamDisbandInput(team.id(), null)))
			.andWaitForStateChange(() -> fixtures.count("SELECT COUNT(*) FROM team WHERE id = ? AND status = 'DISBANDED'",
					team.id()), count -> count == 1)
			.andVerifyEvents(events -> {
				assertThat(events.ofType(TeamDisbanded.class).matching(e -> e.teamId() == team.id()))
					.as("announced once: disbanding again is ALREADY_DISBANDED").hasSize(1);
				assertThat(events.ofType(VolunteerLeftTeam.class).matching(e -> e.teamId() == team.id()))
					.singleElement().satisfies(e -> {
						assertThat(e.volunteerId()).isEqualTo(wang.id());
						assertThat(e.leftOn()).isEqualTo(today);
					});
			});
	}

	@Test
	void announcesARegisteredVolunteerWithTheHomeAreaAndNothingForADuplicatePhone(Scenario scenario) {
		String phone = TeamFixtures.phone();
		VolunteerRegisterInput input = new VolunteerRegisterInput("李志愿", phone, Gender.FEMALE, 1975, village.id(),
				List.of(VolunteerTag.TEACHER), List.of(Skill.FIRST_AID));
		scenario.stimulate(() -> fixtures.teams.registerVolunteer(admin, input))
			.andWaitForEventOfType(VolunteerRegistered.class)
			.matchingMappedValue(VolunteerRegistered::areaId, village.id())
			.toArriveAndVerify((event, outcome) -> assertThat(event.volunteerId()).isEqualTo(outcome.value().id()));
		scenario.stimulate(() -> codes(fixtures.teams.registerVolunteer(admin, new VolunteerRegisterInput("李志愿二", phone,
				Gender.FEMALE, 1976, town.id(), List.of(), List.of())).userErrors()))
			.andWaitForStateChange(() -> fixtures.count("SELECT COUNT(*) FROM volunteer WHERE phone = ?", phone),
					count -> count == 1)
			.andVerifyEvents(events -> assertThat(events.ofType(VolunteerRegistered.class)
				.matching(e -> e.areaId() == village.id() || e.areaId() == town.id())).hasSize(1));
	}

	@Test
	void announcesAVolunteerJoiningAndLeavingWithMembershipTeamVolunteerAndDates(Scenario scenario) {
		VolunteerView wang = fixtures.volunteer(tree.county(), village, "王建国");
		LocalDate joinedOn = LocalDate.now(BureauClock.ZONE).minusDays(5);
		scenario.stimulate(() -> fixtures.teams.addMember(admin,
				new TeamMemberAddInput(team.id(), wang.id(), MembershipRole.LEADER, joinedOn)))
			.andWaitForEventOfType(VolunteerJoinedTeam.class)
			.matchingMappedValue(VolunteerJoinedTeam::volunteerId, wang.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(event.membershipId()).isEqualTo(outcome.value().id());
				assertThat(event.teamId()).isEqualTo(team.id());
				assertThat(event.role()).isEqualTo(MembershipRole.LEADER);
				assertThat(event.joinedOn()).isEqualTo(joinedOn);
			});
		long membershipId = fixtures.jdbc.sql("SELECT id FROM team_membership WHERE volunteer_id = ?").param(wang.id())
			.query(Long.class).single();

		LocalDate leftOn = LocalDate.now(BureauClock.ZONE).minusDays(1);
		scenario.stimulate(() -> fixtures.teams.removeMember(admin, new TeamMemberRemoveInput(membershipId, leftOn)))
			.andWaitForEventOfType(VolunteerLeftTeam.class)
			.matchingMappedValue(VolunteerLeftTeam::membershipId, membershipId)
			.toArriveAndVerify((event, outcome) -> {
				assertThat(outcome.isOk()).isTrue();
				assertThat(event.teamId()).isEqualTo(team.id());
				assertThat(event.volunteerId()).isEqualTo(wang.id());
				assertThat(event.leftOn()).isEqualTo(leftOn);
			});
	}

	@Test
	void announcesEachOccurrenceOfAWeeklyRotaWithItsSeries(Scenario scenario) {
		LocalDate from = monday.toLocalDate();
		scenario.stimulate(() -> fixtures.roster.schedule(admin, new ShiftScheduleInput(team.id(), village.id(),
				ShiftPurpose.NIGHT_MARKET, null, null, new WeeklyPatternInput(List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
						"19:00", "23:00", from, from.plusWeeks(2).minusDays(1)), 2, 6, null, null)))
			.andWaitForStateChange(() -> fixtures.count("SELECT COUNT(*) FROM shift WHERE team_id = ?", team.id()),
					count -> count == 4)
			.andVerifyEvents(events -> {
				List<ShiftView> shifts = fixtures.roster.shiftsOfTeams(admin, List.of(team.id()), monday.toInstant(),
						monday.plusWeeks(2).toInstant()).get(team.id());
				assertThat(events.ofType(ShiftScheduled.class).matching(e -> e.teamId() == team.id()))
					.extracting(ShiftScheduled::shiftId)
					.containsExactlyInAnyOrderElementsOf(shifts.stream().map(ShiftView::id).toList());
				assertThat(events.ofType(ShiftScheduled.class).matching(e -> e.teamId() == team.id()))
					.allSatisfy(event -> {
						assertThat(event.seriesId()).isNotNull().isEqualTo(shifts.get(0).seriesId());
						assertThat(event.areaId()).isEqualTo(village.id());
						assertThat(event.purpose()).isEqualTo(ShiftPurpose.NIGHT_MARKET);
						assertThat(Duration.between(event.startsAt(), event.endsAt())).isEqualTo(Duration.ofHours(4));
					});
			});
	}

	@Test
	void announcesACompletedShiftAndTheActivityItBecameWithPresentVolunteersAndHours(Scenario scenario) {
		VolunteerView present = member("到岗甲");
		VolunteerView absent = member("缺勤乙");
		ShiftView shift = fixtures.shift(tree.county(), team, monday.toInstant(), monday.plusHours(4).toInstant(), 1, 5);
		ok(fixtures.roster.signUp(admin, new ShiftSignUpInput(shift.id(), present.id())));
		ok(fixtures.roster.signUp(admin, new ShiftSignUpInput(shift.id(), absent.id())));
		Instant start = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MINUTES);
		fixtures.moveShift(shift.id(), start, start.plus(Duration.ofHours(4)));

		scenario.stimulate(() -> fixtures.roster.recordAttendance(admin, new ShiftAttendanceRecordInput(shift.id(),
				List.of(new AttendanceEntryInput(present.id(), Attendance.PRESENT, null,
						TeamFixtures.at(start.plus(Duration.ofMinutes(150))))))))
			.andWaitForStateChange(() -> fixtures.jdbc.sql("SELECT status FROM shift WHERE id = ?").param(shift.id())
				.query(String.class).single(), "COMPLETED"::equals)
			.andVerifyEvents(events -> {
				long activityId = fixtures.jdbc.sql("SELECT id FROM activity WHERE shift_id = ?").param(shift.id())
					.query(Long.class).single();
				assertThat(events.ofType(ShiftCompleted.class).matching(e -> e.shiftId() == shift.id()))
					.singleElement().satisfies(event -> {
						assertThat(event.teamId()).isEqualTo(team.id());
						assertThat(event.areaId()).isEqualTo(town.id());
						assertThat(event.date()).isEqualTo(LocalDate.ofInstant(start, BureauClock.ZONE));
						assertThat(event.volunteersPresent()).isEqualTo(1);
						assertThat(event.hours()).isEqualTo(2.5);
					});
				assertThat(events.ofType(ActivityLogged.class).matching(e -> e.teamId() == team.id()))
					.singleElement().satisfies(event -> {
						assertThat(event.activityId()).isEqualTo(activityId);
						assertThat(event.kind()).isEqualTo(ActivityKind.PATROL);
						assertThat(event.participants()).isEqualTo(1);
						assertThat(event.hours()).isEqualTo(2.5);
					});
			});
	}

	@Test
	void announcesACorrectedAttendanceOnceWithTheNewFiguresAndNoSecondCompletion(Scenario scenario) {
		VolunteerView present = member("更正甲");
		VolunteerView forgotten = member("更正乙");
		ShiftView shift = fixtures.shift(tree.county(), team, monday.toInstant(), monday.plusHours(4).toInstant(), 1, 5);
		ok(fixtures.roster.signUp(admin, new ShiftSignUpInput(shift.id(), present.id())));
		Instant start = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MINUTES);
		fixtures.moveShift(shift.id(), start, start.plus(Duration.ofHours(4)));
		ok(fixtures.roster.recordAttendance(admin, new ShiftAttendanceRecordInput(shift.id(), List.of())));
		long activityId = fixtures.jdbc.sql("SELECT id FROM activity WHERE shift_id = ?").param(shift.id())
			.query(Long.class).single();

		scenario.stimulate(() -> fixtures.roster.recordAttendance(admin, new ShiftAttendanceRecordInput(shift.id(),
				List.of(new AttendanceEntryInput(present.id(), Attendance.PRESENT, null, null),
						new AttendanceEntryInput(forgotten.id(), Attendance.PRESENT, null,
								TeamFixtures.at(start.plus(Duration.ofMinutes(90))))))))
			.andWaitForEventOfType(ShiftAttendanceCorrected.class)
			.matchingMappedValue(ShiftAttendanceCorrected::shiftId, shift.id())
			.toArriveAndVerify((event, events) -> {
				assertThat(event.activityId()).isEqualTo(activityId);
				assertThat(event.teamId()).isEqualTo(team.id());
				assertThat(event.areaId()).isEqualTo(town.id());
				assertThat(event.date()).isEqualTo(LocalDate.ofInstant(start, BureauClock.ZONE));
				assertThat(event.volunteersPresent()).isEqualTo(2);
				assertThat(event.hours()).isEqualTo(5.5);
			});
		scenario.stimulate(() -> shift.id())
			.andWaitForStateChange(() -> fixtures.count("SELECT COUNT(*) FROM activity WHERE shift_id = ?", shift.id()),
					count -> count == 1)
			.andVerifyEvents(events -> {
				assertThat(events.ofType(ShiftCompleted.class).matching(e -> e.shiftId() == shift.id()))
					.as("completed once, when first recorded (absent: no hours)")
					.singleElement().satisfies(e -> assertThat(e.volunteersPresent()).isZero());
				assertThat(events.ofType(ActivityLogged.class).matching(e -> e.teamId() == team.id())).hasSize(1);
				assertThat(events.ofType(ShiftAttendanceCorrected.class).matching(e -> e.shiftId() == shift.id()))
					.hasSize(1);
			});
	}

	@Test
	void announcesALoggedActivityWithKindAreaDateParticipantsAndHours(Scenario scenario) {
		VolunteerView zhang = member("张调解");
		VolunteerView li = member("李调解");
		LocalDate yesterday = LocalDate.now(BureauClock.ZONE).minusDays(1);
		scenario.stimulate(() -> fixtures.activities.log(admin, new ActivityLogInput(team.id(), ActivityKind.ANTI_FRAUD,
				yesterday, village.id(), "入户宣传防诈骗", List.of(new ParticipantInput(zhang.id(), 2.0),
						new ParticipantInput(li.id(), 1.5)), null)))
			.andWaitForEventOfType(ActivityLogged.class)
			.matchingMappedValue(ActivityLogged::teamId, team.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(event.activityId()).isEqualTo(outcome.value().id());
				assertThat(event.kind()).isEqualTo(ActivityKind.ANTI_FRAUD);
				assertThat(event.areaId()).isEqualTo(village.id());
				assertThat(event.date()).isEqualTo(yesterday);
				assertThat(event.participants()).isEqualTo(2);
				assertThat(event.hours()).isEqualTo(3.5);
			});
	}

	@Test
	void announcesNothingForRefusedCommands(Scenario scenario) {
		VolunteerView member = member("已在队");
		scenario.stimulate(() -> {
			assertThat(codes(fixtures.teams.createTeam(admin,
					new TeamCreateInput("无名队", TeamKind.PATROL, 987654321L, null, null)).userErrors()))
				.containsExactly("NOT_FOUND");
			assertThat(codes(fixtures.teams.addMember(admin,
					new TeamMemberAddInput(team.id(), member.id(), null, null)).userErrors()))
				.containsExactly("ALREADY_MEMBER");
			assertThat(codes(fixtures.roster.schedule(admin, new ShiftScheduleInput(team.id(), null, ShiftPurpose.PATROL,
					TeamFixtures.at(monday.toInstant()), TeamFixtures.at(monday.toInstant()), null, 1, 3, null, null))
				.userErrors())).containsExactly("ENDS_BEFORE_START");
			assertThat(codes(fixtures.activities.log(admin, new ActivityLogInput(team.id(), ActivityKind.PATROL,
					LocalDate.now(BureauClock.ZONE), village.id(), null,
					List.of(new ParticipantInput(member.id(), 1.0), new ParticipantInput(member.id(), 2.0)), null))
				.userErrors())).containsExactly("DUPLICATE_ENTRY");
			return fixtures.count("SELECT COUNT(*) FROM shift WHERE team_id = ?", team.id());
		})
			.andWaitForStateChange(() -> fixtures.count("SELECT COUNT(*) FROM activity WHERE team_id = ?", team.id()),
					count -> count == 0)
			.andVerifyEvents(events -> {
				assertThat(events.ofType(TeamCreated.class).matching(e -> e.areaId() == 987654321L)).isEmpty();
				assertThat(events.ofType(VolunteerJoinedTeam.class).matching(e -> e.teamId() == team.id()))
					.as("only the fixture's membership was announced")
					.extracting(VolunteerJoinedTeam::volunteerId).containsExactly(member.id());
				assertThat(events.ofType(ShiftScheduled.class).matching(e -> e.teamId() == team.id())).isEmpty();
				assertThat(events.ofType(ActivityLogged.class).matching(e -> e.teamId() == team.id())).isEmpty();
			});
	}

	private VolunteerView member(String name) {
		VolunteerView volunteer = fixtures.volunteer(tree.county(), village, name);
		fixtures.join(tree.county(), team, volunteer);
		return volunteer;
	}

	private static List<String> codes(List<UserError> errors) {
		return errors.stream().map(UserError::code).toList();
	}
}
