package org.zhufang.teams;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.StatementCounter;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No SQL per row": teams with their members and next week's shifts cost the same number of
 * statements for 50 teams as for 5, because every nested field loads in batches.
 */
@IntegrationTest
class TeamBatchLoadingTests {

	/** The caller, the page and its count, one statement per nested field, one audit entry. */
	static final int STATEMENT_BUDGET = 15;

	@Autowired
	TestWorld world;

	@Autowired
	TeamFixtures fixtures;

	@Autowired
	StatementCounter statements;

	@Test
	void fiftyTeamsWithMembersAndNextWeeksShiftsCostNoMoreStatementsThanFive() {
		TestWorld.Tree tree = world.county("批量团队测试县");
		AreaView town = tree.child(tree.county(), "古固寨镇");
		AreaView village = tree.child(town, "古固寨村");
		ZonedDateTime nextMonday = LocalDate.now(BureauClock.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.atStartOfDay(BureauClock.ZONE);
		for (int t = 0; t < 50; t++) {
			TeamView team = fixtures.team(tree.county(), village, "巡逻队" + t, TeamKind.PATROL);
			ShiftView shift = fixtures.shift(tree.county(), team, nextMonday.plusHours(19).toInstant(),
					nextMonday.plusHours(23).toInstant(), 1, 5);
			for (int m = 0; m < 2; m++) {
				VolunteerView volunteer = fixtures.volunteer(tree.county(), village, "队员" + t + "-" + m, Skill.FIRST_AID);
				fixtures.join(tree.county(), team, volunteer);
				fixtures.roster.signUp(TeamFixtures.admin(tree.county()),
						new TeamInputs.ShiftSignUpInput(shift.id(), volunteer.id()));
			}
		}
		GraphQlTester admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, tree.county()));

		long five = measure(admin, town, 5, nextMonday);
		long fifty = measure(admin, town, 50, nextMonday);

		assertThat(fifty).as("statements for 50 teams, against %d for 5", five).isEqualTo(five);
		assertThat(five).isLessThanOrEqualTo(STATEMENT_BUDGET);
	}

	private long measure(GraphQlTester admin, AreaView town, int teams, ZonedDateTime week) {
		long before = statements.count();
		GraphQlTester.Response response = admin.documentName("teamsWithMembersAndShifts")
			.variable("areaId", town.id()).variable("first", teams)
			.variable("from", week.toOffsetDateTime().toString())
			.variable("to", week.plusWeeks(1).toOffsetDateTime().toString())
			.execute();
		long cost = statements.count() - before;
		response.path("teams.totalCount").entity(Integer.class).isEqualTo(50)
			.path("teams.edges").entityList(Object.class).hasSize(teams)
			.path("teams.edges[*].node.members.edges[*].node.volunteer.phone").entityList(String.class)
			.hasSize(teams * 2)
			.path("teams.edges[*].node.shifts[*].signedUpCount").entityList(Integer.class)
			.satisfies(counts -> assertThat(counts).hasSize(teams).containsOnly(2))
			.path("teams.edges[*].node.shifts[*].signUps[*].volunteer.name").entityList(String.class)
			.hasSize(teams * 2);
		System.out.println("teamsWithMembersAndShifts for " + teams + " teams: " + cost + " statements");
		return cost;
	}
}
