package org.zhufang.teams;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;
import org.zhufang.teams.TeamInputs.ShiftSignUpInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * The roster against the real database: weekly rotas in Asia/Shanghai and cancelling within a
 * series, every sign-up rule with its own code (and nothing written when refused), the last free
 * place under concurrency, overlapping shifts across teams, and bulk attendance with a walk-in.
 */
@IntegrationTest
class ShiftRosterTests {

	@Autowired
	TestWorld world;

	@Autowired
	TeamFixtures fixtures;

	TestWorld.Tree tree;

	AreaView town;

	AreaView village;

	GraphQlTester coordinator;

	TeamView team;

	/** 19:00 on the Monday after next, Asia/Shanghai. */
	ZonedDateTime monday;

	@BeforeEach
	void buildTeam() {
		tree = world.county("排班测试县");
		town = tree.child(tree.county(), "小冀镇");
		village = tree.child(town, "小冀村");
		coordinator = world.as(tree.account("coordinator", Role.TEAM_COORDINATOR, town));
		team = fixtures.team(tree.county(), town, "夜市巡逻队", TeamKind.PATROL);
		monday = LocalDate.now(BureauClock.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1)
			.atTime(19, 0).atZone(BureauClock.ZONE);
	}

	@Test
	void aWeeklyRotaOfFridaysAndSaturdaysCreatesEachEveningInShanghaiTime() {
		LocalDate from = monday.toLocalDate();
		LocalDate to = from.plusWeeks(3).minusDays(1);
		GraphQlTester.Response response = schedule(Map.of("daysOfWeek", List.of("FRIDAY", "SATURDAY"),
				"startTime", "19:00", "endTime", "23:00", "fromDate", from.toString(), "toDate", to.toString()));
		response.path("shiftSchedule.userErrors").entityList(Object.class).hasSize(0);
		List<String> starts = response.path("shiftSchedule.shifts[*].startsAt").entityList(String.class).get();
		List<String> ends = response.path("shiftSchedule.shifts[*].endsAt").entityList(String.class).get();

		List<String> expected = new ArrayList<>();
		for (int week = 0; week < 3; week++) {
			LocalDate friday = from.plusWeeks(week).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
			expected.add(friday + "T19:00+08:00");
			expected.add(friday.plusDays(1) + "T19:00+08:00");
		}
		assertThat(starts).containsExactlyElementsOf(expected);
		assertThat(ends).allSatisfy(end -> assertThat(end).endsWith("T23:00+08:00"));
		String seriesId = response.path("shiftSchedule.shifts[0].seriesId").entity(String.class).get();
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift WHERE series_id = ?", Long.valueOf(seriesId))).isEqualTo(6);
		// stored in UTC: 19:00 in Shanghai is 11:00 UTC
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift WHERE series_id = ? AND HOUR(starts_at) = 11",
				Long.valueOf(seriesId))).isEqualTo(6);
	}

	@Test
	void cancelsOneOccurrenceAndThenTheRestOfTheSeries() {
		LocalDate from = monday.toLocalDate();
		List<String> ids = schedule(Map.of("daysOfWeek", List.of("FRIDAY", "SATURDAY"), "startTime", "19:00",
				"endTime", "23:00", "fromDate", from.toString(), "toDate", from.plusWeeks(3).minusDays(1).toString()))
			.path("shiftSchedule.shifts[*].id").entityList(String.class).get();

		coordinator.documentName("shiftCancel").variable("input", Map.of("shiftId", ids.get(1))).execute()
			.path("shiftCancel.shifts[*].id").entityList(String.class).containsExactly(ids.get(1))
			.path("shiftCancel.shifts[0].status").entity(String.class).isEqualTo("CANCELLED");
		coordinator.documentName("shiftCancel")
			.variable("input", Map.of("shiftId", ids.get(3), "scope", "THIS_AND_FOLLOWING")).execute()
			.path("shiftCancel.shifts[*].id").entityList(String.class).containsExactly(ids.get(3), ids.get(4), ids.get(5));
		coordinator.documentName("shiftCancel").variable("input", Map.of("shiftId", ids.get(1))).execute()
			.path("shiftCancel.userErrors[0].code").entity(String.class).isEqualTo("SHIFT_CANCELLED");

		List<String> statuses = ids.stream().map(id -> fixtures.jdbc.sql("SELECT status FROM shift WHERE id = ?")
			.param(Long.valueOf(id)).query(String.class).single()).toList();
		assertThat(statuses).containsExactly("SCHEDULED", "CANCELLED", "SCHEDULED", "CANCELLED", "CANCELLED", "CANCELLED");
	}

	@Test
	void refusesARotaWithoutOccurrencesOrInThePastAndWritesNothing() {
		int before = shiftsOfTeam();
		LocalDate from = monday.toLocalDate();
		schedule(Map.of("daysOfWeek", List.of("SUNDAY"), "startTime", "19:00", "endTime", "23:00",
				"fromDate", from.toString(), "toDate", from.plusDays(2).toString()))
			.path("shiftSchedule.userErrors[0].code").entity(String.class).isEqualTo("NO_OCCURRENCES");
		schedule(Map.of("daysOfWeek", List.of("FRIDAY"), "startTime", "19:00", "endTime", "23:00",
				"fromDate", "2020-01-01", "toDate", from.toString()))
			.path("shiftSchedule.userErrors[0].code").entity(String.class).isEqualTo("IN_PAST");
		assertThat(shiftsOfTeam()).isEqualTo(before);
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_series WHERE team_id = ?", team.id())).isZero();
	}

	@Test
	void eachSchedulingRuleRefusesWithItsOwnCodeAndFieldAndWritesNothing() {
		LocalDate from = monday.toLocalDate();
		String start = monday.toOffsetDateTime().toString();
		Map<String, Object> weekly = Map.of("daysOfWeek", List.of("FRIDAY"), "startTime", "19:00", "endTime", "23:00",
				"fromDate", from.toString(), "toDate", from.plusWeeks(2).toString());

		assertScheduleRefused(single(Map.of("startsAt", start, "endsAt", monday.plusHours(4).toOffsetDateTime().toString(),
				"weekly", weekly)), "SINGLE_OR_WEEKLY", "input", "weekly");
		assertScheduleRefused(single(Map.of("endsAt", start)), "REQUIRED", "input", "startsAt");
		assertScheduleRefused(single(Map.of("startsAt", start)), "REQUIRED", "input", "endsAt");
		assertScheduleRefused(single(Map.of("startsAt", start, "endsAt", start)), "ENDS_BEFORE_START", "input", "endsAt");
		assertScheduleRefused(single(Map.of("startsAt", start, "endsAt", monday.plusHours(25).toOffsetDateTime().toString())),
				"TOO_LONG", "input", "endsAt");
		assertScheduleRefused(single(Map.of("startsAt", monday.minusWeeks(3).toOffsetDateTime().toString(),
				"endsAt", monday.minusWeeks(3).plusHours(2).toOffsetDateTime().toString())), "IN_PAST", "input", "startsAt");
		assertScheduleRefused(single(Map.of("startsAt", start, "endsAt", monday.plusHours(4).toOffsetDateTime().toString(),
				"minVolunteers", 7)), "ABOVE_MAXIMUM", "input", "minVolunteers");
		assertScheduleRefused(schedule(Map.of("daysOfWeek", List.of("FRIDAY"), "startTime", "19:00", "endTime", "23:00",
				"fromDate", from.toString(), "toDate", from.minusDays(1).toString())),
				"ENDS_BEFORE_START", "input", "weekly", "toDate");
		assertScheduleRefused(schedule(Map.of("daysOfWeek", List.of("FRIDAY"), "startTime", "19:00", "endTime", "23:00",
				"fromDate", from.toString(), "toDate", from.plusDays(367).toString())),
				"TOO_LONG", "input", "weekly", "toDate");
		assertScheduleRefused(schedule(Map.of("daysOfWeek", List.of(DayOfWeek.values()).stream().map(Enum::name).toList(),
				"startTime", "19:00", "endTime", "23:00", "fromDate", from.toString(), "toDate", from.plusWeeks(35).toString())),
				"TOO_MANY_OCCURRENCES", "input", "weekly", "toDate");
		AreaView retired = tree.child(town, "已撤村");
		world.jdbc().sql("UPDATE area SET status = 'RETIRED' WHERE id = ?").param(retired.id()).update();
		assertScheduleRefused(single(Map.of("startsAt", start, "endsAt", monday.plusHours(4).toOffsetDateTime().toString(),
				"areaId", retired.id())), "AREA_RETIRED", "input", "areaId");

		assertThat(shiftsOfTeam()).isZero();
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_series WHERE team_id = ?", team.id())).isZero();
	}

	@Test
	void aWeeklyRotaEndingAtOrBeforeItsStartTimeEndsTheNextDay() {
		LocalDate from = monday.toLocalDate();
		schedule(Map.of("daysOfWeek", List.of("MONDAY"), "startTime", "22:00", "endTime", "02:00",
				"fromDate", from.toString(), "toDate", from.plusDays(6).toString()))
			.path("shiftSchedule.shifts[*].startsAt").entityList(String.class).containsExactly(from + "T22:00+08:00")
			.path("shiftSchedule.shifts[*].endsAt").entityList(String.class).containsExactly(from.plusDays(1) + "T02:00+08:00");
	}

	@Test
	void eachSignUpRuleRefusesWithItsOwnCodeAndWritesNothing() {
		VolunteerView member = member("张队员", Skill.FIRST_AID);
		VolunteerView stranger = fixtures.volunteer(tree.county(), village, "路人甲");
		ShiftView full = shift(0, 1, 1);
		ShiftView needsDriver = shift(24, 0, 3, Skill.DRIVING);
		ShiftView open = shift(48, 0, 3);
		ShiftView cancelled = shift(72, 0, 3);
		fixtures.roster.cancel(TeamFixtures.admin(tree.county()),
				new TeamInputs.ShiftCancelInput(cancelled.id(), null, null));
		VolunteerView other = member("李队员");
		signUp(full, other).path("shiftSignUp.userErrors").entityList(Object.class).hasSize(0);

		assertRefused(signUp(open, stranger), "NOT_A_MEMBER");
		assertRefused(signUp(full, member), "SHIFT_FULL");
		assertRefused(signUp(needsDriver, member), "MISSING_SKILL");
		assertRefused(signUp(cancelled, member), "SHIFT_CANCELLED");
		signUp(open, member).path("shiftSignUp.userErrors").entityList(Object.class).hasSize(0);
		assertRefused(signUp(open, member), "ALREADY_SIGNED_UP");

		ShiftView started = shift(96, 0, 3);
		fixtures.moveShift(started.id(), Instant.now().minusSeconds(600), Instant.now().plusSeconds(3600));
		assertRefused(signUp(started, member), "SHIFT_STARTED");

		ShiftView completed = completedShift(other);
		assertRefused(signUp(completed, member), "SHIFT_COMPLETED");

		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE volunteer_id = ?", member.id())).isEqualTo(1);
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE volunteer_id = ?", stranger.id())).isZero();
		assertThat(fixtures.count("SELECT signed_up FROM shift WHERE id = ?", full.id())).isEqualTo(1);
		assertThat(fixtures.count("SELECT signed_up FROM shift WHERE id = ?", needsDriver.id())).isZero();
	}

	@Test
	void aVolunteerCannotHoldOverlappingShiftsOnTwoTeams() {
		TeamView other = fixtures.team(tree.county(), village, "村调解队", TeamKind.MEDIATION);
		VolunteerView wang = member("王双队");
		fixtures.join(tree.county(), other, wang);
		ShiftView patrol = fixtures.shift(tree.county(), team, monday.toInstant(), monday.plusHours(4).toInstant(), 0, 5);
		ShiftView mediation = fixtures.shift(tree.county(), other, monday.plusHours(2).toInstant(),
				monday.plusHours(6).toInstant(), 0, 5);
		ShiftView later = fixtures.shift(tree.county(), other, monday.plusHours(4).toInstant(),
				monday.plusHours(6).toInstant(), 0, 5);

		signUp(patrol, wang).path("shiftSignUp.userErrors").entityList(Object.class).hasSize(0);
		assertRefused(signUp(mediation, wang), "OVERLAPPING_SHIFT");
		signUp(later, wang).path("shiftSignUp.userErrors").entityList(Object.class).hasSize(0);
		assertThat(fixtures.count("SELECT signed_up FROM shift WHERE id = ?", mediation.id())).isZero();
	}

	@Test
	void withdrawingBeforeTheStartGivesThePlaceBack() {
		VolunteerView zhao = member("赵队员");
		VolunteerView qian = member("钱队员");
		ShiftView shift = shift(0, 1, 1);
		signUp(shift, zhao);
		coordinator.documentName("shiftWithdraw")
			.variable("input", Map.of("shiftId", shift.id(), "volunteerId", zhao.id())).execute()
			.path("shiftWithdraw.signUp.status").entity(String.class).isEqualTo("WITHDRAWN")
			.path("shiftWithdraw.signUp.shift.signedUpCount").entity(Integer.class).isEqualTo(0);
		signUp(shift, qian).path("shiftSignUp.signUp.shift.signedUpCount").entity(Integer.class).isEqualTo(1);
		coordinator.documentName("shiftWithdraw")
			.variable("input", Map.of("shiftId", shift.id(), "volunteerId", zhao.id())).execute()
			.path("shiftWithdraw.userErrors[0].code").entity(String.class).isEqualTo("NOT_SIGNED_UP");
	}

	@Test
	void withdrawingFromOrCancellingAShiftThatStartedOrIsCompletedIsRefusedAndWritesNothing() {
		VolunteerView sun = member("开始甲");
		VolunteerView zhou = member("完成乙");
		ShiftView started = shift(0, 0, 3);
		signUp(started, sun).path("shiftSignUp.userErrors").entityList(Object.class).hasSize(0);
		fixtures.moveShift(started.id(), Instant.now().minusSeconds(600), Instant.now().plusSeconds(3600));
		ShiftView completed = completedShift(zhou);

		assertRefused(coordinator.documentName("shiftWithdraw")
			.variable("input", Map.of("shiftId", started.id(), "volunteerId", sun.id())).execute(),
				"shiftWithdraw", "SHIFT_STARTED", "input", "shiftId");
		assertRefused(coordinator.documentName("shiftCancel").variable("input", Map.of("shiftId", started.id())).execute(),
				"shiftCancel", "SHIFT_STARTED", "input", "shiftId");
		assertRefused(coordinator.documentName("shiftCancel").variable("input", Map.of("shiftId", completed.id())).execute(),
				"shiftCancel", "SHIFT_COMPLETED", "input", "shiftId");

		assertThat(shiftStatus(started)).isEqualTo("SCHEDULED");
		assertThat(shiftStatus(completed)).isEqualTo("COMPLETED");
		assertThat(placesAndSignUps(String.valueOf(started.id()))).containsExactly(1, 1);
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE shift_id = ? AND status = 'WITHDRAWN'",
				completed.id())).isZero();
	}

	@Test
	void ofEightConcurrentSignUpsForTheLastPlaceExactlyOneSucceeds() throws Exception {
		ShiftView shift = shift(0, 1, 3);
		signUp(shift, member("先到一")).path("shiftSignUp.userErrors").entityList(Object.class).hasSize(0);
		signUp(shift, member("先到二")).path("shiftSignUp.userErrors").entityList(Object.class).hasSize(0);
		List<VolunteerView> racers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			racers.add(member("抢位" + i));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Outcome<SignUpView>>> results = new ArrayList<>();
		for (VolunteerView racer : racers) {
			results.add(pool.submit(() -> {
				start.await();
				return fixtures.roster.signUp(TeamFixtures.admin(tree.county()),
						new ShiftSignUpInput(shift.id(), racer.id()));
			}));
		}
		start.countDown();
		Map<String, Integer> outcomes = new HashMap<>();
		for (Future<Outcome<SignUpView>> result : results) {
			Outcome<SignUpView> outcome = result.get();
			outcomes.merge(outcome.isOk() ? "OK" : outcome.userErrors().get(0).code(), 1, Integer::sum);
		}
		pool.shutdown();

		assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("OK", 1, "SHIFT_FULL", 7));
		assertThat(fixtures.count("SELECT signed_up FROM shift WHERE id = ?", shift.id())).isEqualTo(3);
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE shift_id = ? AND status = 'SIGNED_UP'",
				shift.id())).isEqualTo(3);
	}

	@Test
	void bulkAttendanceWithAWalkInAndANoShowCompletesTheShiftAndCountsHours() {
		VolunteerView present = member("到岗甲");
		VolunteerView noShow = member("缺勤乙");
		VolunteerView walkIn = member("临时丙");
		ShiftView shift = shift(0, 1, 3);
		signUp(shift, present);
		signUp(shift, noShow);
		Instant start = Instant.now().minus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		fixtures.moveShift(shift.id(), start, start.plus(Duration.ofHours(4)));

		Map<String, Object> presentEntry = Map.of("volunteerId", present.id(), "attendance", "PRESENT");
		Map<String, Object> walkInEntry = Map.of("volunteerId", walkIn.id(), "attendance", "PRESENT",
				"checkedInAt", TeamFixtures.at(start.plus(Duration.ofHours(1))).toString(),
				"checkedOutAt", TeamFixtures.at(start.plus(Duration.ofMinutes(210))).toString());
		coordinator.documentName("shiftAttendanceRecord")
			.variable("input", Map.of("shiftId", shift.id(), "entries", List.of(presentEntry, walkInEntry)))
			.execute()
			.path("shiftAttendanceRecord.userErrors").entityList(Object.class).hasSize(0)
			.path("shiftAttendanceRecord.shift.status").entity(String.class).isEqualTo("COMPLETED")
			.path("shiftAttendanceRecord.shift.signUps[*].attendance").entityList(String.class)
			.satisfies(list -> assertThat(list).containsExactlyInAnyOrder("PRESENT", "ABSENT", "PRESENT"))
			.path("shiftAttendanceRecord.shift.signUps[*].walkIn").entityList(Boolean.class)
			.satisfies(list -> assertThat(list).containsExactlyInAnyOrder(false, false, true))
			.path("shiftAttendanceRecord.activity.kind").entity(String.class).isEqualTo("PATROL")
			.path("shiftAttendanceRecord.activity.participantCount").entity(Integer.class).isEqualTo(2)
			.path("shiftAttendanceRecord.activity.totalHours").entity(Double.class).isEqualTo(6.5);

		// recording the same again is a correction that changes nothing: the hours count once
		coordinator.documentName("shiftAttendanceRecord")
			.variable("input", Map.of("shiftId", shift.id(), "entries", List.of(presentEntry))).execute()
			.path("shiftAttendanceRecord.userErrors").entityList(Object.class).hasSize(0)
			.path("shiftAttendanceRecord.activity.totalHours").entity(Double.class).isEqualTo(6.5);
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE shift_id = ?", shift.id())).isEqualTo(1);

		LocalDate day = LocalDate.ofInstant(start, BureauClock.ZONE);
		coordinator.documentName("teamHoursAndRanking")
			.variable("teamId", team.id()).variable("volunteerId", walkIn.id()).variable("areaId", town.id())
			.variable("from", day.minusDays(1).toString()).variable("to", day.plusDays(1).toString())
			.execute()
			.path("team.hours.hours").entity(Double.class).isEqualTo(6.5)
			.path("team.hours.volunteers").entity(Integer.class).isEqualTo(2)
			.path("volunteer.hours.hours").entity(Double.class).isEqualTo(2.5)
			.path("volunteerRanking[*].volunteer.id").entityList(String.class)
			.containsExactly(String.valueOf(present.id()), String.valueOf(walkIn.id()))
			.path("volunteerRanking[*].rank").entityList(Integer.class).containsExactly(1, 2)
			.path("teamRanking[0].hours").entity(Double.class).isEqualTo(6.5)
			.path("volunteerHoursInArea.hours").entity(Double.class).isEqualTo(6.5);
	}

	@Test
	void refusesAWalkInFromOutsideTheCoordinatorsJurisdictionAndWritesNothing() {
		VolunteerView present = member("本地甲");
		TestWorld.Tree elsewhere = world.county("外县");
		AreaView otherTown = elsewhere.child(elsewhere.county(), "外县镇");
		VolunteerView stranger = fixtures.volunteer(elsewhere.county(), otherTown, "外县志愿者");
		ShiftView shift = shift(0, 1, 3);
		signUp(shift, present);
		Instant start = Instant.now().minus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		fixtures.moveShift(shift.id(), start, start.plus(Duration.ofHours(4)));
		int assignmentsBefore = fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE shift_id = ?", shift.id());

		coordinator.documentName("shiftAttendanceRecord")
			.variable("input", Map.of("shiftId", shift.id(), "entries", List.of(
					Map.of("volunteerId", present.id(), "attendance", "PRESENT"),
					Map.of("volunteerId", stranger.id(), "attendance", "PRESENT"))))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));

		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE shift_id = ?", shift.id()))
			.isEqualTo(assignmentsBefore);
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE shift_id = ?", shift.id())).isZero();
		assertThat(fixtures.jdbc.sql("SELECT status FROM shift WHERE id = ?").param(shift.id()).query(String.class)
			.single()).isEqualTo("SCHEDULED");
	}

	@Test
	void recordingAttendanceAgainCorrectsItAndReplacesTheActivitysParticipantsAndHours() {
		VolunteerView wasPresent = member("记错甲");
		VolunteerView wasAbsent = member("记错乙");
		VolunteerView untouched = member("未改丙");
		ShiftView shift = shift(0, 1, 3);
		signUp(shift, wasPresent);
		signUp(shift, wasAbsent);
		signUp(shift, untouched);
		Instant start = Instant.now().minus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		fixtures.moveShift(shift.id(), start, start.plus(Duration.ofHours(4)));
		ok(fixtures.roster.recordAttendance(TeamFixtures.admin(tree.county()), new TeamInputs.ShiftAttendanceRecordInput(
				shift.id(), List.of(entry(wasPresent, Attendance.PRESENT, null, null),
						entry(untouched, Attendance.PRESENT, start, start.plus(Duration.ofHours(2)))))));
		assertThat(teamHours(start)).isEqualTo(6.0);

		coordinator.documentName("shiftAttendanceRecord")
			.variable("input", Map.of("shiftId", shift.id(), "entries", List.of(
					Map.of("volunteerId", wasPresent.id(), "attendance", "ABSENT"),
					Map.of("volunteerId", wasAbsent.id(), "attendance", "PRESENT",
							"checkedInAt", TeamFixtures.at(start.plus(Duration.ofMinutes(30))).toString(),
							"checkedOutAt", TeamFixtures.at(start.plus(Duration.ofMinutes(90))).toString()))))
			.execute()
			.path("shiftAttendanceRecord.userErrors").entityList(Object.class).hasSize(0)
			.path("shiftAttendanceRecord.shift.status").entity(String.class).isEqualTo("COMPLETED")
			.path("shiftAttendanceRecord.activity.participantCount").entity(Integer.class).isEqualTo(2)
			.path("shiftAttendanceRecord.activity.totalHours").entity(Double.class).isEqualTo(3.0);

		assertThat(fixtures.jdbc.sql("SELECT volunteer_id, hours FROM activity_participant p JOIN activity a"
				+ " ON a.id = p.activity_id WHERE a.shift_id = ? ORDER BY volunteer_id").param(shift.id())
			.query((rs, n) -> rs.getLong(1) + "=" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString()).list())
			.containsExactly(wasAbsent.id() + "=1", untouched.id() + "=2");
		assertThat(fixtures.jdbc.sql("SELECT attendance FROM shift_assignment WHERE shift_id = ? ORDER BY volunteer_id")
			.param(shift.id()).query(String.class).list()).containsExactly("ABSENT", "PRESENT", "PRESENT");
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE shift_id = ?", shift.id())).isEqualTo(1);
		assertThat(teamHours(start)).isEqualTo(3.0);

		// a correction is still checked: refused entries change nothing
		coordinator.documentName("shiftAttendanceRecord")
			.variable("input", Map.of("shiftId", shift.id(), "entries", List.of(
					Map.of("volunteerId", wasPresent.id(), "attendance", "PRESENT"),
					Map.of("volunteerId", wasPresent.id(), "attendance", "ABSENT"))))
			.execute()
			.path("shiftAttendanceRecord.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_ENTRY");
		assertThat(teamHours(start)).isEqualTo(3.0);
	}

	@Test
	void cancellingAShiftOrTheRestOfASeriesReleasesItsVolunteers() {
		VolunteerView zhao = member("取消甲");
		VolunteerView qian = member("取消乙");
		LocalDate from = monday.toLocalDate();
		List<String> ids = schedule(Map.of("daysOfWeek", List.of("FRIDAY"), "startTime", "19:00", "endTime", "23:00",
				"fromDate", from.toString(), "toDate", from.plusWeeks(3).minusDays(1).toString()))
			.path("shiftSchedule.shifts[*].id").entityList(String.class).get();
		for (String id : ids) {
			for (VolunteerView volunteer : List.of(zhao, qian)) {
				ok(fixtures.roster.signUp(TeamFixtures.admin(tree.county()),
						new ShiftSignUpInput(Long.valueOf(id), volunteer.id())));
			}
		}

		coordinator.documentName("shiftCancel").variable("input", Map.of("shiftId", ids.get(0))).execute()
			.path("shiftCancel.shifts[0].status").entity(String.class).isEqualTo("CANCELLED");
		assertThat(placesAndSignUps(ids.get(0))).containsExactly(0, 0);
		assertThat(placesAndSignUps(ids.get(1))).containsExactly(2, 2);
		coordinator.documentName("shiftCancel")
			.variable("input", Map.of("shiftId", ids.get(1), "scope", "THIS_AND_FOLLOWING")).execute()
			.path("shiftCancel.shifts[*].id").entityList(String.class).containsExactly(ids.get(1), ids.get(2));
		for (String id : ids) {
			assertThat(placesAndSignUps(id)).containsExactly(0, 0);
		}
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE volunteer_id IN (?, ?) AND status = 'WITHDRAWN'",
				zhao.id(), qian.id())).isEqualTo(6);

		// free again: a shift of another team at the same time takes them
		TeamView other = fixtures.team(tree.county(), village, "村巡逻队", TeamKind.PATROL);
		fixtures.join(tree.county(), other, zhao);
		ShiftView cancelled = fixtures.roster.shiftsByIds(TeamFixtures.admin(tree.county()), List.of(Long.valueOf(ids.get(0)))).get(Long.valueOf(ids.get(0)));
		ShiftView sameTime = fixtures.shift(tree.county(), other, cancelled.startsAt(), cancelled.endsAt(), 0, 3);
		signUp(sameTime, zhao).path("shiftSignUp.userErrors").entityList(Object.class).hasSize(0);
	}

	@Test
	void attendanceOfAShiftNotYetStartedOrCancelledIsRefusedAndWritesNothing() {
		VolunteerView member = member("早到丁");
		ShiftView shift = shift(0, 0, 3);
		ShiftView cancelled = shift(24, 0, 3);
		ok(fixtures.roster.cancel(TeamFixtures.admin(tree.county()), new TeamInputs.ShiftCancelInput(cancelled.id(), null, null)));
		fixtures.moveShift(cancelled.id(), Instant.now().minus(Duration.ofHours(5)), Instant.now().minus(Duration.ofHours(1)));
		Map<ShiftView, String> refusals = new java.util.LinkedHashMap<>();
		refusals.put(shift, "SHIFT_NOT_STARTED");
		refusals.put(cancelled, "SHIFT_CANCELLED");
		refusals.forEach((refused, code) -> {
			GraphQlTester.Response response = coordinator.documentName("shiftAttendanceRecord")
				.variable("input", Map.of("shiftId", refused.id(), "entries",
						List.of(Map.of("volunteerId", member.id(), "attendance", "PRESENT"))))
				.execute();
			response.path("shiftAttendanceRecord.shift").valueIsNull();
			assertRefused(response, "shiftAttendanceRecord", code, "input", "shiftId");
			assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE shift_id = ?", refused.id())).isZero();
			assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE shift_id = ?", refused.id())).isZero();
		});
		assertThat(shiftStatus(cancelled)).isEqualTo("CANCELLED");
	}

	@Test
	void eachActivityLogRuleRefusesWithItsCodeAndFieldAndWritesNothing() {
		VolunteerView volunteer = member("活动庚");
		String today = LocalDate.now(BureauClock.ZONE).toString();
		Map<String, Object> valid = Map.of("teamId", team.id(), "kind", "PATROL", "date", today, "areaId", village.id(),
				"participants", List.of(Map.of("volunteerId", volunteer.id(), "hours", 2.0)));
		Map<String, Object> unknownParticipant = new HashMap<>(valid);
		unknownParticipant.put("participants", List.of(Map.of("volunteerId", volunteer.id(), "hours", 2.0),
				Map.of("volunteerId", 987654321L, "hours", 1.0)));
		Map<String, Object> tomorrow = new HashMap<>(valid);
		tomorrow.put("date", LocalDate.now(BureauClock.ZONE).plusDays(1).toString());
		Map<String, Object> shortKey = new HashMap<>(valid);
		shortKey.put("idempotencyKey", "k-1");
		Map<String, Object> longKey = new HashMap<>(valid);
		longKey.put("idempotencyKey", "k".repeat(65));
		Map<String, Object> oddKey = new HashMap<>(valid);
		oddKey.put("idempotencyKey", "巡逻 2024/06/01");

		assertActivityRefused(unknownParticipant, "NOT_FOUND", "input", "participants", "1", "volunteerId");
		assertActivityRefused(tomorrow, "IN_FUTURE", "input", "date");
		assertActivityRefused(shortKey, "TOO_SHORT", "input", "idempotencyKey");
		assertActivityRefused(longKey, "TOO_LONG", "input", "idempotencyKey");
		assertActivityRefused(oddKey, "INVALID_FORMAT", "input", "idempotencyKey");
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE team_id = ?", team.id())).isZero();
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity_participant WHERE volunteer_id = ?", volunteer.id())).isZero();

		Map<String, Object> keyed = new HashMap<>(valid);
		keyed.put("idempotencyKey", "app-2024.06:01_a-b");
		coordinator.documentName("shiftActivityLog").variable("input", keyed).execute()
			.path("activityLog.userErrors").entityList(Object.class).hasSize(0);
	}

	private void assertActivityRefused(Map<String, Object> input, String code, String... field) {
		GraphQlTester.Response response = coordinator.documentName("shiftActivityLog").variable("input", input).execute();
		response.path("activityLog.activity").valueIsNull();
		assertRefused(response, "activityLog", code, field);
	}

	@Test
	void aResentActivityLogAnswersTheFirstAndAGridMemberLogsOnlyInItsGrid() {
		AreaView grid = tree.child(village, "小冀村第一网格");
		AreaView otherGrid = tree.child(village, "小冀村第二网格");
		VolunteerView volunteer = member("巡逻戊");
		GraphQlTester gridMember = world.as(tree.account("grid", Role.GRID_MEMBER, grid));
		Map<String, Object> input = new HashMap<>(Map.of("teamId", team.id(), "kind", "ANTI_FRAUD",
				"date", LocalDate.now(BureauClock.ZONE).toString(), "areaId", grid.id(), "outcome", "入户宣传防诈骗",
				"participants", List.of(Map.of("volunteerId", volunteer.id(), "hours", 2.5)),
				"idempotencyKey", "log-" + System.nanoTime()));
		String first = gridMember.documentName("shiftActivityLog").variable("input", input).execute()
			.path("activityLog.userErrors").entityList(Object.class).hasSize(0)
			.path("activityLog.activity.id").entity(String.class).get();
		gridMember.documentName("shiftActivityLog").variable("input", input).execute()
			.path("activityLog.activity.id").entity(String.class).isEqualTo(first);
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE team_id = ?", team.id())).isEqualTo(1);

		// the same key with another date or area is not a re-send: refused, nothing written
		Map<String, Object> otherDate = new HashMap<>(input);
		otherDate.put("date", LocalDate.now(BureauClock.ZONE).minusDays(1).toString());
		Map<String, Object> otherArea = new HashMap<>(input);
		otherArea.put("areaId", otherGrid.id());
		for (Map<String, Object> reused : List.of(otherDate, otherArea)) {
			gridMember.documentName("shiftActivityLog").variable("input", reused).execute()
				.path("activityLog.activity").valueIsNull()
				.path("activityLog.userErrors[*].code").entityList(String.class).containsExactly("IDEMPOTENCY_KEY_REUSED")
				.path("activityLog.userErrors[0].field[1]").entity(String.class).isEqualTo("idempotencyKey");
		}
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE team_id = ?", team.id())).isEqualTo(1);

		input.put("areaId", otherGrid.id());
		input.put("idempotencyKey", "log-other-" + System.nanoTime());
		gridMember.documentName("shiftActivityLog").variable("input", input).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE team_id = ?", team.id())).isEqualTo(1);
	}

	@Test
	void aResentActivityLogIsForbiddenOnceTheAccountNoLongerCoversItAndWritesNothing() {
		AreaView grid = tree.child(village, "小冀村第一网格");
		AreaView otherGrid = tree.child(village, "小冀村第二网格");
		AreaView otherTown = tree.child(tree.county(), "翟坡镇");
		VolunteerView volunteer = member("巡逻己");
		String coordinatorName = tree.county().code() + ".coordinator";
		String gridName = tree.account("grid", Role.GRID_MEMBER, grid);
		GraphQlTester gridMember = world.as(gridName);
		GraphQlTester admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, tree.county()));
		Map<String, Object> byCoordinator = activityInput(volunteer, village, "resend-coordinator-");
		Map<String, Object> byGridMember = activityInput(volunteer, grid, "resend-grid-");
		coordinator.documentName("shiftActivityLog").variable("input", byCoordinator).execute()
			.path("activityLog.userErrors").entityList(Object.class).hasSize(0);
		String first = gridMember.documentName("shiftActivityLog").variable("input", byGridMember).execute()
			.path("activityLog.userErrors").entityList(Object.class).hasSize(0)
			.path("activityLog.activity.id").entity(String.class).get();

		// the bureau moves the coordinator to another town and the grid member to the next grid
		rescope(admin, coordinatorName, otherTown);
		rescope(admin, gridName, otherGrid);
		int activities = fixtures.count("SELECT COUNT(*) FROM activity WHERE team_id = ?", team.id());
		int participants = fixtures.count("SELECT COUNT(*) FROM activity_participant p JOIN activity a"
				+ " ON a.id = p.activity_id WHERE a.team_id = ?", team.id());
		for (GraphQlTester.Response replay : List.of(
				coordinator.documentName("shiftActivityLog").variable("input", byCoordinator).execute(),
				gridMember.documentName("shiftActivityLog").variable("input", byGridMember).execute())) {
			replay.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		}
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE team_id = ?", team.id())).isEqualTo(activities);
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity_participant p JOIN activity a"
				+ " ON a.id = p.activity_id WHERE a.team_id = ?", team.id())).isEqualTo(participants);

		// back in its grid, the grid member's re-send answers the first activity again
		rescope(admin, gridName, grid);
		gridMember.documentName("shiftActivityLog").variable("input", byGridMember).execute()
			.path("activityLog.activity.id").entity(String.class).isEqualTo(first);
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE team_id = ?", team.id())).isEqualTo(activities);
	}

	private Map<String, Object> activityInput(VolunteerView volunteer, AreaView where, String keyPrefix) {
		return Map.of("teamId", team.id(), "kind", "PATROL", "date", LocalDate.now(BureauClock.ZONE).toString(),
				"areaId", where.id(), "participants", List.of(Map.of("volunteerId", volunteer.id(), "hours", 2.0)),
				"idempotencyKey", keyPrefix + System.nanoTime());
	}

	private void rescope(GraphQlTester admin, String username, AreaView to) {
		admin.documentName("accountUpdate")
			.variable("input", Map.of("id", world.accountId(username), "scopeAreaIds", List.of(to.id())))
			.execute()
			.path("accountUpdate.userErrors").entityList(Object.class).hasSize(0);
	}

	private VolunteerView member(String name, Skill... skills) {
		VolunteerView volunteer = fixtures.volunteer(tree.county(), village, name, skills);
		fixtures.join(tree.county(), team, volunteer);
		return volunteer;
	}

	/** A shift of the team starting {@code hoursAfterMonday} after Monday 19:00, four hours long. */
	private ShiftView shift(int hoursAfterMonday, int min, int max, Skill... required) {
		ZonedDateTime start = monday.plusHours(hoursAfterMonday);
		return fixtures.shift(tree.county(), team, start.toInstant(), start.plusHours(4).toInstant(), min, max, required);
	}

	private GraphQlTester.Response schedule(Map<String, Object> weekly) {
		return coordinator.documentName("shiftSchedule")
			.variable("input", Map.of("teamId", team.id(), "purpose", "NIGHT_MARKET", "maxVolunteers", 6,
					"minVolunteers", 2, "weekly", weekly))
			.execute();
	}

	private GraphQlTester.Response signUp(ShiftView shift, VolunteerView volunteer) {
		return coordinator.documentName("shiftSignUp")
			.variable("input", Map.of("shiftId", shift.id(), "volunteerId", volunteer.id())).execute();
	}

	private static TeamInputs.AttendanceEntryInput entry(VolunteerView volunteer, Attendance attendance, Instant in,
			Instant out) {
		return new TeamInputs.AttendanceEntryInput(volunteer.id(), attendance, TeamFixtures.at(in), TeamFixtures.at(out));
	}

	private double teamHours(Instant day) {
		LocalDate date = LocalDate.ofInstant(day, BureauClock.ZONE);
		return fixtures.activities.hoursOfTeams(TeamFixtures.admin(tree.county()), List.of(team.id()), date.minusDays(1), date.plusDays(1))
			.getOrDefault(team.id(), HoursSummary.NONE).hours();
	}

	/** The places a shift counts as taken, and its sign-ups still on it. */
	private List<Integer> placesAndSignUps(String shiftId) {
		return List.of(fixtures.count("SELECT signed_up FROM shift WHERE id = ?", Long.valueOf(shiftId)),
				fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE shift_id = ? AND status = 'SIGNED_UP'",
						Long.valueOf(shiftId)));
	}

	private GraphQlTester.Response single(Map<String, Object> times) {
		Map<String, Object> input = new HashMap<>(Map.of("teamId", team.id(), "purpose", "PATROL", "maxVolunteers", 6));
		input.putAll(times);
		return coordinator.documentName("shiftSchedule").variable("input", input).execute();
	}

	private static void assertScheduleRefused(GraphQlTester.Response response, String code, String... field) {
		response.path("shiftSchedule.shifts").valueIsNull()
			.path("shiftSchedule.userErrors[0].code").entity(String.class).isEqualTo(code)
			.path("shiftSchedule.userErrors[0].field").entityList(String.class).containsExactly(field);
	}

	/** Sign-up refusals about the volunteer; the others are about the shift. */
	private static final List<String> VOLUNTEER_CODES = List.of("NOT_A_MEMBER", "MISSING_SKILL", "ALREADY_SIGNED_UP",
			"OVERLAPPING_SHIFT", "VOLUNTEER_INACTIVE");

	private static void assertRefused(GraphQlTester.Response response, String code) {
		response.path("shiftSignUp.signUp").valueIsNull()
			.path("shiftSignUp.userErrors[0].code").entity(String.class).isEqualTo(code)
			.path("shiftSignUp.userErrors[0].field").entityList(String.class)
			.containsExactly("input", VOLUNTEER_CODES.contains(code) ? "volunteerId" : "shiftId");
	}

	private static void assertRefused(GraphQlTester.Response response, String mutation, String code, String... field) {
		response.path(mutation + ".userErrors[*].code").entityList(String.class).containsExactly(code)
			.path(mutation + ".userErrors[0].field").entityList(String.class).containsExactly(field);
	}

	/** A shift of the team held five to one hours ago, its attendance recorded with the volunteer present. */
	private ShiftView completedShift(VolunteerView present) {
		ShiftView shift = shift(120, 0, 3);
		Instant start = Instant.now().minus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		fixtures.moveShift(shift.id(), start, start.plus(Duration.ofHours(4)));
		ok(fixtures.roster.recordAttendance(TeamFixtures.admin(tree.county()), new TeamInputs.ShiftAttendanceRecordInput(
				shift.id(), List.of(entry(present, Attendance.PRESENT, null, null)))));
		return shift;
	}

	private String shiftStatus(ShiftView shift) {
		return fixtures.jdbc.sql("SELECT status FROM shift WHERE id = ?").param(shift.id()).query(String.class).single();
	}

	private int shiftsOfTeam() {
		return fixtures.count("SELECT COUNT(*) FROM shift WHERE team_id = ?", team.id());
	}
}
