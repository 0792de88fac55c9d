package org.zhufang.teams;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

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
import org.zhufang.teams.TeamInputs.ShiftAttendanceRecordInput;
import org.zhufang.teams.TeamInputs.ShiftCheckInInput;
import org.zhufang.teams.TeamInputs.ShiftCheckOutInput;
import org.zhufang.teams.TeamInputs.ShiftSignUpInput;
import org.zhufang.teams.TeamInputs.VolunteerUpdateInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * Check-in and check-out on their own: a signed-up volunteer checks in from two hours before the
 * start until the end, someone who had not signed up is a walk-in (taking no place), check-out
 * comes after check-in, and the hours are the time between the two actual times. Each refusal has
 * its own code and leaves the volunteer's row as it was.
 */
@IntegrationTest
class ShiftCheckInTests {

	@Autowired
	TestWorld world;

	@Autowired
	TeamFixtures fixtures;

	TestWorld.Tree tree;

	AreaView village;

	GraphQlTester coordinator;

	TeamView team;

	/** A shift of the team that started an hour ago (minutes truncated) and ends in three. */
	ShiftView underWay;

	Instant start;

	VolunteerView signedUp;

	@BeforeEach
	void buildShift() {
		tree = world.county("签到测试县");
		AreaView town = tree.child(tree.county(), "小冀镇");
		village = tree.child(town, "小冀村");
		coordinator = world.as(tree.account("coordinator", Role.TEAM_COORDINATOR, town));
		team = fixtures.team(tree.county(), town, "夜市巡逻队", TeamKind.PATROL);
		signedUp = member("签到甲");
		ZonedDateTime later = LocalDate.now(BureauClock.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.atTime(19, 0).atZone(BureauClock.ZONE);
		underWay = fixtures.shift(tree.county(), team, later.toInstant(), later.plusHours(4).toInstant(), 1, 3);
		ok(fixtures.roster.signUp(admin(), new ShiftSignUpInput(underWay.id(), signedUp.id())));
		start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
		fixtures.moveShift(underWay.id(), start, start.plus(Duration.ofHours(4)));
	}

	@Test
	void aSignedUpVolunteerChecksInAndOutAndTheHoursAreTheTimeBetween() {
		coordinator.documentName("shiftCheckIn")
			.variable("input", Map.of("shiftId", underWay.id(), "volunteerId", signedUp.id(),
					"at", TeamFixtures.at(start.plus(Duration.ofMinutes(10))).toString()))
			.execute()
			.path("shiftCheckIn.userErrors").entityList(Object.class).hasSize(0)
			.path("shiftCheckIn.signUp.walkIn").entity(Boolean.class).isEqualTo(false)
			.path("shiftCheckIn.signUp.checkedInAt").entity(String.class)
			.isEqualTo(TeamFixtures.at(start.plus(Duration.ofMinutes(10))).toString())
			.path("shiftCheckIn.signUp.hours").valueIsNull()
			.path("shiftCheckIn.signUp.shift.signedUpCount").entity(Integer.class).isEqualTo(1);
		coordinator.documentName("shiftCheckOut")
			.variable("input", Map.of("shiftId", underWay.id(), "volunteerId", signedUp.id(),
					"at", TeamFixtures.at(start.plus(Duration.ofMinutes(55))).toString()))
			.execute()
			.path("shiftCheckOut.userErrors").entityList(Object.class).hasSize(0)
			.path("shiftCheckOut.signUp.hours").entity(Double.class).isEqualTo(0.75);

		assertThat(fixtures.jdbc.sql("SELECT hours FROM shift_assignment WHERE shift_id = ? AND volunteer_id = ?")
			.params(underWay.id(), signedUp.id()).query(java.math.BigDecimal.class).single())
			.isEqualByComparingTo("0.75");

		// and the recorded attendance takes those hours for an unlisted sign-up
		Roster.ShiftAttendance attendance = ok(fixtures.roster.recordAttendance(admin(),
				new ShiftAttendanceRecordInput(underWay.id(), List.of())));
		assertThat(attendance.activity().totalHours()).isEqualTo(0.75);
		assertThat(attendance.activity().participantCount()).isEqualTo(1);
	}

	@Test
	void aMemberWhoHadNotSignedUpChecksInAsAWalkInTakingNoPlace() {
		VolunteerView walkIn = member("路过乙");
		SignUpView view = ok(checkIn(walkIn, start.plus(Duration.ofMinutes(10))));
		assertThat(view.walkIn()).isTrue();
		assertThat(view.status()).isEqualTo(SignUpStatus.SIGNED_UP);
		assertThat(fixtures.count("SELECT signed_up FROM shift WHERE id = ?", underWay.id())).isEqualTo(1);

		SignUpView out = ok(checkOut(walkIn, start.plus(Duration.ofMinutes(40))));
		assertThat(out.hours()).isEqualTo(0.5);

		// without a time, check-in is now
		VolunteerView late = member("迟到戊");
		assertThat(ok(checkIn(late, null)).checkedInAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
	}

	@Test
	void eachCheckInRuleRefusesWithItsOwnCodeAndWritesNothing() {
		VolunteerView other = member("规则丙");
		assertCode(checkIn(signedUp, Instant.now().plus(Duration.ofMinutes(30))), "IN_FUTURE");
		assertCode(checkIn(signedUp, start.minus(Duration.ofHours(3))), "TOO_EARLY");
		assertCode(checkOut(signedUp, Instant.now()), "NOT_CHECKED_IN");
		assertThat(row(signedUp)).containsEntry("checked_in_at", null);
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE volunteer_id = ?", other.id())).isZero();

		ok(checkIn(signedUp, start.plus(Duration.ofMinutes(5))));
		Map<String, Object> checkedIn = row(signedUp);
		assertCode(checkIn(signedUp, start.plus(Duration.ofMinutes(20))), "ALREADY_CHECKED_IN");
		assertCode(checkOut(signedUp, start), "BEFORE_CHECK_IN");
		assertCode(checkOut(signedUp, Instant.now().plus(Duration.ofMinutes(30))), "IN_FUTURE");
		assertThat(row(signedUp)).isEqualTo(checkedIn);

		ok(checkOut(signedUp, start.plus(Duration.ofMinutes(35))));
		Map<String, Object> checkedOut = row(signedUp);
		assertCode(checkOut(signedUp, start.plus(Duration.ofMinutes(50))), "ALREADY_CHECKED_OUT");
		assertThat(row(signedUp)).isEqualTo(checkedOut);

		fixtures.moveShift(underWay.id(), start.minus(Duration.ofHours(5)), start.minus(Duration.ofHours(1)));
		assertCode(checkIn(other, Instant.now()), "SHIFT_ENDED");
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE volunteer_id = ?", other.id())).isZero();
	}

	@Test
	void anInactiveVolunteerCannotWalkIn() {
		VolunteerView retired = member("退出丁");
		ok(fixtures.teams.updateVolunteer(admin(), new VolunteerUpdateInput(retired.id(), null, null, null, null, null,
				null, null, VolunteerStatus.INACTIVE)));
		assertCode(checkIn(retired, null), "VOLUNTEER_INACTIVE");
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE volunteer_id = ?", retired.id())).isZero();
	}

	private Outcome<SignUpView> checkIn(VolunteerView volunteer, Instant at) {
		return fixtures.roster.checkIn(admin(), new ShiftCheckInInput(underWay.id(), volunteer.id(), TeamFixtures.at(at)));
	}

	private Outcome<SignUpView> checkOut(VolunteerView volunteer, Instant at) {
		return fixtures.roster.checkOut(admin(), new ShiftCheckOutInput(underWay.id(), volunteer.id(), TeamFixtures.at(at)));
	}

	private Map<String, Object> row(VolunteerView volunteer) {
		return fixtures.jdbc.sql("SELECT status, walk_in, checked_in_at, checked_out_at, hours, version"
				+ " FROM shift_assignment WHERE shift_id = ? AND volunteer_id = ?")
			.params(underWay.id(), volunteer.id()).query().singleRow();
	}

	private static void assertCode(Outcome<?> outcome, String code) {
		assertThat(outcome.isOk()).as("refused with " + code).isFalse();
		assertThat(outcome.userErrors()).extracting(org.zhufang.shared.UserError::code).containsExactly(code);
	}

	private VolunteerView member(String name) {
		VolunteerView volunteer = fixtures.volunteer(tree.county(), village, name);
		fixtures.join(tree.county(), team, volunteer);
		return volunteer;
	}

	private org.zhufang.shared.Caller admin() {
		return TeamFixtures.admin(tree.county());
	}
}
