package org.zhufang.teams;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;
import org.zhufang.teams.TeamInputs.ActivityLogInput;
import org.zhufang.teams.TeamInputs.ParticipantInput;
import org.zhufang.teams.TeamInputs.ShiftCancelInput;
import org.zhufang.teams.TeamInputs.ShiftSignUpInput;
import org.zhufang.teams.TeamInputs.ShiftWithdrawInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * The read side a coordinator uses every day: the teams of an area ({@code Area.teams}), a team's
 * activities, shifts that still need volunteers in the coming days, and a volunteer's next shifts.
 */
@IntegrationTest
class TeamReadingTests {

	@Autowired
	TestWorld world;

	@Autowired
	TeamFixtures fixtures;

	TestWorld.Tree tree;

	AreaView town;

	AreaView village;

	AreaView grid;

	AreaView otherTown;

	GraphQlTester coordinator;

	/** 08:00 on the Monday after next, Asia/Shanghai. */
	ZonedDateTime monday;

	@BeforeEach
	void buildCounty() {
		tree = world.county("查询测试县");
		town = tree.child(tree.county(), "七里营镇");
		village = tree.child(town, "七里营村");
		grid = tree.child(village, "七里营村第一网格");
		otherTown = tree.child(tree.county(), "翟坡镇");
		coordinator = world.as(tree.account("coordinator", Role.TEAM_COORDINATOR, town));
		monday = LocalDate.now(BureauClock.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1)
			.atTime(8, 0).atZone(BureauClock.ZONE);
	}

	@Test
	void anAreaListsTheTeamsAtHomeInItAndBelowPageByPage() {
		TeamView atTown = fixtures.team(tree.county(), town, "镇巡逻队", TeamKind.PATROL);
		TeamView atVillage = fixtures.team(tree.county(), village, "村调解队", TeamKind.MEDIATION);
		TeamView atGrid = fixtures.team(tree.county(), grid, "网格信息队", TeamKind.INFORMATION);
		fixtures.team(tree.county(), otherTown, "泰山志愿服务团队", TeamKind.PATROL);

		coordinator.documentName("areaTeams").variable("id", village.id()).variable("first", 10).execute()
			.path("area.teams.totalCount").entity(Integer.class).isEqualTo(2)
			.path("area.teams.edges[*].node.id").entityList(String.class)
			.containsExactly(String.valueOf(atVillage.id()), String.valueOf(atGrid.id()))
			.path("area.teams.edges[*].node.homeArea.name").entityList(String.class)
			.containsExactly("七里营村", "七里营村第一网格");

		GraphQlTester.Response firstPage = coordinator.documentName("areaTeams").variable("id", town.id())
			.variable("first", 2).execute();
		firstPage.path("area.teams.totalCount").entity(Integer.class).isEqualTo(3)
			.path("area.teams.edges[*].node.id").entityList(String.class)
			.containsExactly(String.valueOf(atTown.id()), String.valueOf(atVillage.id()))
			.path("area.teams.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = firstPage.path("area.teams.pageInfo.endCursor").entity(String.class).get();
		coordinator.documentName("areaTeams").variable("id", town.id()).variable("first", 2).variable("after", cursor)
			.execute()
			.path("area.teams.edges[*].node.id").entityList(String.class).containsExactly(String.valueOf(atGrid.id()))
			.path("area.teams.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void aTeamsActivitiesComeLatestFirstWithTheirParticipants() {
		TeamView team = fixtures.team(tree.county(), village, "五老调解队", TeamKind.MEDIATION);
		TeamView other = fixtures.team(tree.county(), village, "别的队", TeamKind.MEDIATION);
		VolunteerView wang = fixtures.volunteer(tree.county(), village, "王老师");
		VolunteerView li = fixtures.volunteer(tree.county(), village, "李书记");
		LocalDate today = LocalDate.now(BureauClock.ZONE);
		ActivityView oldest = log(team, today.minusDays(2), "调解宅基地纠纷", new ParticipantInput(wang.id(), 2.0));
		ActivityView middle = log(team, today.minusDays(1), "入户宣传防诈骗", new ParticipantInput(wang.id(), 1.5),
				new ParticipantInput(li.id(), 3.0));
		ActivityView latest = log(team, today, "排查隐患", new ParticipantInput(li.id(), 1.0));
		log(other, today, "别的队的活动", new ParticipantInput(li.id(), 4.0));

		GraphQlTester.Response firstPage = coordinator.documentName("teamActivities").variable("id", team.id())
			.variable("first", 2).execute();
		firstPage.path("team.activities.totalCount").entity(Integer.class).isEqualTo(3)
			.path("team.activities.edges[*].node.id").entityList(String.class)
			.containsExactly(String.valueOf(latest.id()), String.valueOf(middle.id()))
			.path("team.activities.edges[1].node.participantCount").entity(Integer.class).isEqualTo(2)
			.path("team.activities.edges[1].node.totalHours").entity(Double.class).isEqualTo(4.5)
			.path("team.activities.edges[1].node.participants[*].hours").entityList(Double.class).containsExactly(3.0, 1.5)
			.path("team.activities.edges[1].node.participants[*].volunteer.id").entityList(String.class)
			.containsExactly(String.valueOf(li.id()), String.valueOf(wang.id()))
			.path("team.activities.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = firstPage.path("team.activities.pageInfo.endCursor").entity(String.class).get();
		coordinator.documentName("teamActivities").variable("id", team.id()).variable("first", 2)
			.variable("after", cursor).execute()
			.path("team.activities.edges[*].node.id").entityList(String.class).containsExactly(String.valueOf(oldest.id()))
			.path("team.activities.edges[0].node.outcome").entity(String.class).isEqualTo("调解宅基地纠纷")
			.path("team.activities.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void understaffedShiftsAreTheScheduledOnesInTheAreaAndPeriodWithTooFewVolunteersSoonestFirst() {
		TeamView team = fixtures.team(tree.county(), town, "巡逻队", TeamKind.PATROL);
		TeamView zhaopo = fixtures.team(tree.county(), otherTown, "翟坡巡逻队", TeamKind.PATROL);
		VolunteerView member = fixtures.volunteer(tree.county(), village, "巡逻员");
		fixtures.join(tree.county(), team, member);
		ShiftView needsTwoHasOne = shift(team, 0, 2, 5);
		ok(fixtures.roster.signUp(TeamFixtures.admin(tree.county()), new ShiftSignUpInput(needsTwoHasOne.id(), member.id())));
		ShiftView needsOneHasOne = shift(team, 24, 1, 5);
		ok(fixtures.roster.signUp(TeamFixtures.admin(tree.county()), new ShiftSignUpInput(needsOneHasOne.id(), member.id())));
		ShiftView needsThreeHasNone = shift(team, 48, 3, 5);
		ShiftView cancelled = shift(team, 72, 3, 5);
		ok(fixtures.roster.cancel(TeamFixtures.admin(tree.county()), new ShiftCancelInput(cancelled.id(), null, null)));
		ShiftView afterThePeriod = shift(team, 24 * 8, 3, 5);
		shift(zhaopo, 0, 3, 5);

		coordinator.documentName("understaffedShifts").variable("areaId", town.id())
			.variable("from", TeamFixtures.at(monday.toInstant().minusSeconds(3600)).toString())
			.variable("to", TeamFixtures.at(monday.plusDays(7).toInstant()).toString())
			.execute()
			.path("understaffedShifts[*].id").entityList(String.class)
			.containsExactly(String.valueOf(needsTwoHasOne.id()), String.valueOf(needsThreeHasNone.id()))
			.path("understaffedShifts[*].signedUpCount").entityList(Integer.class).containsExactly(1, 0)
			.path("understaffedShifts[*].understaffed").entityList(Boolean.class).containsExactly(true, true);
		assertThat(afterThePeriod.id()).isNotIn(needsTwoHasOne.id(), needsThreeHasNone.id());

		coordinator.documentName("understaffedShifts").variable("areaId", otherTown.id())
			.variable("from", TeamFixtures.at(monday.toInstant()).toString())
			.variable("to", TeamFixtures.at(monday.plusDays(7).toInstant()).toString())
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		coordinator.documentName("understaffedShifts").variable("areaId", town.id())
			.variable("from", TeamFixtures.at(monday.toInstant()).toString())
			.variable("to", TeamFixtures.at(monday.plusDays(94).toInstant()).toString())
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

	@Test
	void aVolunteersUpcomingShiftsAreThePlacesItHoldsFromTheOneUnderWayOn() {
		TeamView team = fixtures.team(tree.county(), town, "巡逻队", TeamKind.PATROL);
		VolunteerView zhang = fixtures.volunteer(tree.county(), village, "张巡逻");
		fixtures.join(tree.county(), team, zhang);
		ShiftView underWay = shift(team, 0, 0, 5);
		ShiftView ended = shift(team, 24, 0, 5);
		ShiftView later = shift(team, 96, 0, 5);
		ShiftView sooner = shift(team, 48, 0, 5);
		ShiftView withdrawn = shift(team, 72, 0, 5);
		ShiftView cancelled = shift(team, 120, 0, 5);
		for (ShiftView shift : List.of(underWay, ended, later, sooner, withdrawn, cancelled)) {
			ok(fixtures.roster.signUp(TeamFixtures.admin(tree.county()), new ShiftSignUpInput(shift.id(), zhang.id())));
		}
		ok(fixtures.roster.withdraw(TeamFixtures.admin(tree.county()), new ShiftWithdrawInput(withdrawn.id(), zhang.id())));
		ok(fixtures.roster.cancel(TeamFixtures.admin(tree.county()), new ShiftCancelInput(cancelled.id(), null, null)));
		Instant now = Instant.now();
		fixtures.moveShift(underWay.id(), now.minusSeconds(3600), now.plusSeconds(3600));
		fixtures.moveShift(ended.id(), now.minusSeconds(3 * 3600), now.minusSeconds(2 * 3600));

		coordinator.documentName("volunteerUpcomingShifts").variable("id", zhang.id()).execute()
			.path("volunteer.upcomingShifts[*].id").entityList(String.class)
			.containsExactly(String.valueOf(underWay.id()), String.valueOf(sooner.id()), String.valueOf(later.id()))
			.path("volunteer.upcomingShifts[*].status").entityList(String.class)
			.satisfies(statuses -> assertThat(statuses).containsOnly("SCHEDULED"));
	}

	private ShiftView shift(TeamView team, int hoursAfterMonday, int min, int max) {
		ZonedDateTime start = monday.plusHours(hoursAfterMonday);
		return fixtures.shift(tree.county(), team, start.toInstant(), start.plusHours(4).toInstant(), min, max);
	}

	private ActivityView log(TeamView team, LocalDate date, String outcome, ParticipantInput... participants) {
		return ok(fixtures.activities.log(TeamFixtures.admin(tree.county()), new ActivityLogInput(team.id(),
				ActivityKind.MEDIATION, date, village.id(), outcome, List.of(participants), null)));
	}
}
