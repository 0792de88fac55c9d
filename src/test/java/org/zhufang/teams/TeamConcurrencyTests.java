package org.zhufang.teams;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Caller;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.graphql.ErrorKind;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;
import org.zhufang.teams.TeamInputs.ShiftCancelInput;
import org.zhufang.teams.TeamInputs.ShiftSignUpInput;
import org.zhufang.teams.TeamInputs.TeamMemberAddInput;
import org.zhufang.teams.TeamInputs.VolunteerRegisterInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races the database settles: one volunteer signing up for overlapping shifts at once, one phone
 * registered twice at once, one membership added twice at once, and sign-ups racing the
 * cancellation of their shift. Each runs the commands on threads released together.
 */
@IntegrationTest
class TeamConcurrencyTests {

	@Autowired
	TestWorld world;

	@Autowired
	TeamFixtures fixtures;

	TestWorld.Tree tree;

	AreaView village;

	TeamView patrol;

	TeamView mediation;

	Caller admin;

	/** 19:00 on the Monday after next, Asia/Shanghai. */
	ZonedDateTime monday;

	@BeforeEach
	void buildTeams() {
		tree = world.county("并发测试县");
		AreaView town = tree.child(tree.county(), "翟坡镇");
		village = tree.child(town, "翟坡村");
		patrol = fixtures.team(tree.county(), town, "泰山志愿服务团队", TeamKind.PATROL);
		mediation = fixtures.team(tree.county(), village, "村调解队", TeamKind.MEDIATION);
		admin = TeamFixtures.admin(tree.county());
		monday = LocalDate.now(BureauClock.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1)
			.atTime(19, 0).atZone(BureauClock.ZONE);
	}

	@Test
	void ofConcurrentSignUpsOfOneVolunteerForOverlappingShiftsExactlyOneSucceeds() throws Exception {
		VolunteerView wang = fixtures.volunteer(tree.county(), village, "王双队");
		fixtures.join(tree.county(), patrol, wang);
		fixtures.join(tree.county(), mediation, wang);
		List<ShiftView> overlapping = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			overlapping.add(fixtures.shift(tree.county(), patrol, monday.plusMinutes(30 * i).toInstant(),
					monday.plusHours(3).toInstant(), 0, 5));
			overlapping.add(fixtures.shift(tree.county(), mediation, monday.plusMinutes(30 * i + 15).toInstant(),
					monday.plusHours(4).toInstant(), 0, 5));
		}

		Map<String, Integer> outcomes = race(overlapping.stream().<Callable<String>>map(shift -> () ->
				code(fixtures.roster.signUp(admin, new ShiftSignUpInput(shift.id(), wang.id())))).toList());

		assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("OK", 1, "OVERLAPPING_SHIFT", 5));
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE volunteer_id = ?", wang.id())).isEqualTo(1);
		assertThat(fixtures.count("SELECT SUM(signed_up) FROM shift WHERE team_id IN (?, ?)", patrol.id(), mediation.id()))
			.isEqualTo(1);
	}

	@Test
	void ofConcurrentRegistrationsOfOnePhoneOneWinsAndTheOthersAreDuplicatesNamingIt() throws Exception {
		String phone = TeamFixtures.phone();
		List<Callable<String>> registrations = new ArrayList<>();
		List<Outcome<VolunteerView>> results = java.util.Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 6; i++) {
			String name = "同号" + i;
			registrations.add(() -> {
				Outcome<VolunteerView> outcome = fixtures.teams.registerVolunteer(admin, new VolunteerRegisterInput(name,
						phone, null, null, village.id(), null, null));
				results.add(outcome);
				return code(outcome);
			});
		}

		assertThat(race(registrations)).containsExactlyInAnyOrderEntriesOf(Map.of("OK", 1, "DUPLICATE", 5));
		assertThat(fixtures.count("SELECT COUNT(*) FROM volunteer WHERE phone = ?", phone)).isEqualTo(1);
		VolunteerView winner = results.stream().filter(Outcome::isOk).findFirst().orElseThrow().value();
		assertThat(results.stream().filter(o -> !o.isOk()).map(o -> o.userErrors().get(0).message()))
			.hasSize(5).allSatisfy(message -> assertThat(message).contains("volunteer " + winner.id())
				.contains(winner.name()));
	}

	@Test
	void ofConcurrentAdditionsOfOneMembershipOneWinsAndTheOthersAreAlreadyMembers() throws Exception {
		VolunteerView li = fixtures.volunteer(tree.county(), village, "李重复");
		List<Callable<String>> additions = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			additions.add(() -> code(fixtures.teams.addMember(admin,
					new TeamMemberAddInput(patrol.id(), li.id(), MembershipRole.MEMBER, null))));
		}

		assertThat(race(additions)).containsExactlyInAnyOrderEntriesOf(Map.of("OK", 1, "ALREADY_MEMBER", 5));
		assertThat(fixtures.count("SELECT COUNT(*) FROM team_membership WHERE volunteer_id = ?", li.id())).isEqualTo(1);
	}

	@Test
	void signUpsRacingTheCancellationOfTheirShiftLeaveNobodyOnIt() throws Exception {
		ShiftView shift = fixtures.shift(tree.county(), patrol, monday.toInstant(), monday.plusHours(4).toInstant(), 0, 10);
		List<Callable<String>> commands = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			VolunteerView volunteer = fixtures.volunteer(tree.county(), village, "抢报" + i);
			fixtures.join(tree.county(), patrol, volunteer);
			commands.add(() -> code(fixtures.roster.signUp(admin, new ShiftSignUpInput(shift.id(), volunteer.id()))));
		}
		commands.add(3, () -> "cancel " + code(fixtures.roster.cancel(admin, new ShiftCancelInput(shift.id(), null, null))));

		Map<String, Integer> outcomes = race(commands);

		// Which sign-ups come before the cancellation is up to the scheduler: every command either succeeds
		// or (a sign-up after the cancellation) is refused as SHIFT_CANCELLED; nothing else may happen.
		assertThat(outcomes).containsEntry("cancel OK", 1);
		assertThat(outcomes.keySet()).isSubsetOf("cancel OK", "OK", "SHIFT_CANCELLED");
		assertThat(fixtures.jdbc.sql("SELECT status FROM shift WHERE id = ?").param(shift.id()).query(String.class).single())
			.isEqualTo("CANCELLED");
		assertThat(fixtures.count("SELECT signed_up FROM shift WHERE id = ?", shift.id())).isZero();
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE shift_id = ? AND status = 'SIGNED_UP'",
				shift.id())).isZero();
	}

	private static String code(Outcome<?> outcome) {
		return outcome.isOk() ? "OK" : outcome.userErrors().get(0).code();
	}

	/** Runs the commands on threads released together; counts the outcomes (error kinds for exceptions). */
	private static Map<String, Integer> race(List<Callable<String>> commands) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(commands.size());
		try {
			List<Future<String>> results = new ArrayList<>();
			for (Callable<String> command : commands) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						return command.call();
					}
					catch (RuntimeException ex) {
						return ErrorKind.of(ex).name();
					}
				}));
			}
			start.countDown();
			Map<String, Integer> outcomes = new HashMap<>();
			for (Future<String> result : results) {
				outcomes.merge(result.get(), 1, Integer::sum);
			}
			return outcomes;
		}
		finally {
			pool.shutdown();
		}
	}
}
