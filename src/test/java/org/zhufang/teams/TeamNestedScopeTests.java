package org.zhufang.teams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;
import org.zhufang.teams.TeamInputs.ActivityLogInput;
import org.zhufang.teams.TeamInputs.ParticipantInput;
import org.zhufang.teams.TeamInputs.ShiftSignUpInput;
import org.zhufang.teams.TeamInputs.TeamMemberRemoveInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * Nested fields show only what lies inside the caller's jurisdiction: a volunteer on a team in
 * each of two towns is no bridge from one town's roster to the other's. Also: the DUPLICATE phone
 * error names only volunteers the caller sees, and grid members log activities only for teams at
 * home in or above their grid.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamNestedScopeTests {

	private static final String HOP = """
			query hop($id: ID!) {
			  volunteer(id: $id) {
			    id
			    memberships { team { id members { edges { node { volunteer { id name } } } } } }
			    upcomingShifts { id team { id } }
			  }
			}""";

	private static final String FORMER_MEMBERS = """
			query formerMembers($id: ID!) {
			  team(id: $id) { members(first: 50, includeFormer: true) { edges { node { active volunteer { id } } } } }
			}""";

	private static final String HOURS = """
			query hours($teamId: ID!, $volunteerId: ID!, $from: Date!, $to: Date!) {
			  team(id: $teamId) { hours(from: $from, to: $to) { hours activities } }
			  volunteer(id: $volunteerId) { hours(from: $from, to: $to) { hours activities } }
			}""";

	private static final String RANKINGS = """
			query rankings($areaId: ID!, $from: Date!, $to: Date!) {
			  volunteerRanking(areaId: $areaId, from: $from, to: $to, first: 50) { hours volunteer { id } }
			  teamRanking(areaId: $areaId, from: $from, to: $to, first: 50) { hours team { id } }
			}""";

	@Autowired
	TestWorld world;

	@Autowired
	TeamFixtures fixtures;

	private AreaView county;

	private AreaView villageA;

	private AreaView gridA;

	private AreaView villageB;

	private TeamView teamA;

	private TeamView teamB;

	private VolunteerView hop;

	private VolunteerView far;

	private VolunteerView resident;

	private VolunteerView sameSurname;

	private ShiftView shiftB;

	private String coordinatorA;

	private String coordinatorB;

	private String gridMemberA;

	private String viewer;

	private String admin;

	@BeforeAll
	void buildTwoTownsAndAVolunteerOnATeamInEach() {
		TestWorld.Tree tree = world.county("嵌套范围测试县");
		county = tree.county();
		AreaView townA = tree.child(county, "七里营镇");
		AreaView townB = tree.child(county, "翟坡镇");
		villageA = tree.child(townA, "南新村");
		gridA = tree.child(villageA, "南新村第一网格");
		villageB = tree.child(townB, "朝阳社区");
		teamA = fixtures.team(county, villageA, "南新村巡逻队", TeamKind.PATROL);
		teamB = fixtures.team(county, villageB, "朝阳社区巡逻队", TeamKind.PATROL);
		hop = fixtures.volunteer(county, gridA, "贺两队");
		far = fixtures.volunteer(county, villageB, "范远方");
		resident = fixtures.volunteer(county, gridA, "王居民");
		sameSurname = fixtures.volunteer(county, gridA, "王另外");
		fixtures.join(county, teamA, hop);
		fixtures.join(county, teamB, hop);
		fixtures.join(county, teamB, far);
		// far was on team A once and left
		MembershipView former = fixtures.join(county, teamA, far);
		ok(fixtures.teams.removeMember(TeamFixtures.admin(county), new TeamMemberRemoveInput(former.id(), null)));
		Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		shiftB = fixtures.shift(county, teamB, start, start.plus(4, ChronoUnit.HOURS), 1, 5);
		ok(fixtures.roster.signUp(TeamFixtures.admin(county), new ShiftSignUpInput(shiftB.id(), hop.id())));
		// team B helped out in village A, with a volunteer from town B
		ok(fixtures.activities.log(TeamFixtures.admin(county), new ActivityLogInput(teamB.id(), ActivityKind.PATROL,
				today(), villageA.id(), null, List.of(new ParticipantInput(far.id(), 3.0)), null)));
		coordinatorA = tree.account("coordA", Role.TEAM_COORDINATOR, townA);
		coordinatorB = tree.account("coordB", Role.TEAM_COORDINATOR, townB);
		gridMemberA = tree.account("gridA", Role.GRID_MEMBER, gridA);
		viewer = tree.account("viewer", Role.DASHBOARD_VIEWER, county);
		admin = tree.account("admin", Role.BUREAU_ADMIN, county);
	}

	@Test
	void aVolunteerOnTwoTeamsIsNoBridgeToTheOtherTownsRoster() {
		GraphQlTester.Response response = world.as(coordinatorA).document(HOP).variable("id", hop.id()).execute();
		response.path("volunteer.memberships[*].team.id").entityList(String.class)
			.containsExactly(String.valueOf(teamA.id()));
		response.path("volunteer.memberships[*].team.members.edges[*].node.volunteer.id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).contains(String.valueOf(hop.id())).doesNotContain(String.valueOf(far.id())));
		response.path("volunteer.upcomingShifts").entityList(Object.class).hasSize(0);
		// a grid member in the grid the volunteer lives in sees neither team (both at home above it)
		GraphQlTester.Response grid = world.as(gridMemberA).document(HOP).variable("id", hop.id()).execute();
		grid.path("volunteer.id").entity(String.class).isEqualTo(String.valueOf(hop.id()));
		grid.path("volunteer.memberships").entityList(Object.class).hasSize(0);
		grid.path("volunteer.upcomingShifts").entityList(Object.class).hasSize(0);
		// the other town's coordinator sees both the team and the shift
		GraphQlTester.Response other = world.as(coordinatorB).document(HOP).variable("id", hop.id()).execute();
		other.path("volunteer.memberships[*].team.id").entityList(String.class)
			.containsExactly(String.valueOf(teamB.id()));
		other.path("volunteer.upcomingShifts[*].team.id").entityList(String.class)
			.containsExactly(String.valueOf(teamB.id()));
	}

	@Test
	void aFormerMemberLivingElsewhereIsNullUnderTheTeam() {
		world.as(coordinatorA).document(FORMER_MEMBERS).variable("id", teamA.id()).execute()
			.path("team.members.edges[*].node.volunteer.id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).contains(String.valueOf(hop.id()))
				.doesNotContain(String.valueOf(far.id())))
			.path("team.members.edges[?(@.node.active == false)].node.volunteer").entityList(Object.class)
			.satisfies(volunteers -> assertThat(volunteers).containsOnlyNulls().hasSize(1));
	}

	@Test
	void rankingLinesOutsideTheJurisdictionShowNoVolunteerOrTeam() {
		GraphQlTester.Response response = world.as(coordinatorA).document(RANKINGS)
			.variable("areaId", villageA.id()).variable("from", today().minusDays(1).toString())
			.variable("to", today().toString()).execute();
		// far (living in town B, on team B only) gave 3 hours in village A; other tests may add lines
		response.path("volunteerRanking[?(@.hours == 3.0)]").entityList(Map.class)
			.satisfies(lines -> assertThat(lines).singleElement().satisfies(line -> assertThat(line.get("volunteer")).isNull()));
		response.path("volunteerRanking[*].volunteer.id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).doesNotContain(String.valueOf(far.id())));
		response.path("teamRanking[*].team.id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).doesNotContain(String.valueOf(teamB.id())));
		response.path("teamRanking[?(@.hours == 3.0)]").entityList(Map.class)
			.satisfies(lines -> assertThat(lines).singleElement().satisfies(line -> assertThat(line.get("team")).isNull()));
		world.as(coordinatorB).document(RANKINGS).variable("areaId", county.id())
			.variable("from", today().minusDays(1).toString()).variable("to", today().toString()).execute()
			// coordinator B cannot see the activity (in town A), so its ranking is empty
			.path("volunteerRanking").entityList(Object.class).hasSize(0);
	}

	@Test
	void theDuplicatePhoneErrorNamesOnlyVolunteersTheCallerSees() {
		Map<String, Object> input = Map.of("name", "冒名", "phone", resident.phone(), "areaId", villageB.id());
		int before = fixtures.count("SELECT COUNT(*) FROM volunteer");
		world.as(coordinatorB).documentName("volunteerRegister").variable("input", input).execute()
			.path("volunteerRegister.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE")
			.path("volunteerRegister.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).doesNotContain("王居民")
				.doesNotContain(String.valueOf(resident.id())));
		world.as(coordinatorB).documentName("volunteerUpdate")
			.variable("input", Map.of("id", far.id(), "phone", resident.phone())).execute()
			.path("volunteerUpdate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE")
			.path("volunteerUpdate.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).doesNotContain("王居民")
				.doesNotContain(String.valueOf(resident.id())));
		assertThat(fixtures.count("SELECT COUNT(*) FROM volunteer")).isEqualTo(before);
		assertThat(fixtures.count("SELECT COUNT(*) FROM volunteer WHERE id = ? AND phone = ?", far.id(), far.phone()))
			.isEqualTo(1);
		// the coordinator of the resident's own town is told who it is
		world.as(coordinatorA).documentName("volunteerRegister")
			.variable("input", Map.of("name", "冒名", "phone", resident.phone(), "areaId", villageA.id())).execute()
			.path("volunteerRegister.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("王居民").contains(String.valueOf(resident.id())));
	}

	@Test
	void aGridMemberLogsActivitiesOnlyForTeamsAtHomeInOrAboveItsGrid() {
		int before = fixtures.count("SELECT COUNT(*) FROM activity WHERE team_id = ?", teamB.id());
		GraphQlTester grid = world.as(gridMemberA);
		grid.documentName("shiftActivityLog")
			.variable("input", Map.of("teamId", teamB.id(), "kind", "PATROL", "date", today().toString(), "areaId",
					gridA.id(), "participants", List.of(Map.of("volunteerId", hop.id(), "hours", 2.0))))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(fixtures.count("SELECT COUNT(*) FROM activity WHERE team_id = ?", teamB.id())).isEqualTo(before);
		// team A is at home in the village above the grid
		grid.documentName("shiftActivityLog")
			.variable("input", Map.of("teamId", teamA.id(), "kind", "PATROL", "date", today().toString(), "areaId",
					gridA.id(), "participants", List.of(Map.of("volunteerId", hop.id(), "hours", 2.0))))
			.execute()
			.path("activityLog.userErrors").entityList(Object.class).hasSize(0)
			.path("activityLog.activity.totalHours").entity(Double.class).isEqualTo(2.0);
	}

	@Test
	void namesAreClearOnlyForTheRolesThatManageTheVolunteer() {
		world.as(gridMemberA).documentName("volunteerById").variable("id", resident.id()).execute()
			.path("volunteer.name").entity(String.class).isEqualTo("王*");
		world.as(coordinatorA).documentName("volunteerById").variable("id", resident.id()).execute()
			.path("volunteer.name").entity(String.class).isEqualTo("王居民");
	}

	@Test
	void whoSeesNamesMaskedSearchesOnlyTheSurname() {
		for (String reader : List.of(viewer, gridMemberA)) {
			List<String> surname = searchIds(reader, "王");
			assertThat(surname).contains(String.valueOf(resident.id()), String.valueOf(sameSurname.id()));
			// a guessed full name narrows nothing beyond the surname the mask shows
			assertThat(searchIds(reader, "王居民")).containsExactlyElementsOf(surname);
			assertThat(searchIds(reader, "王另外")).containsExactlyElementsOf(surname);
			// nor does a part of the given name
			assertThat(searchIds(reader, "居民")).doesNotContain(String.valueOf(resident.id()));
		}
		// the roles that see names in clear search the whole name
		assertThat(searchIds(coordinatorA, "王居民")).containsExactly(String.valueOf(resident.id()));
		assertThat(searchIds(coordinatorA, "居民")).containsExactly(String.valueOf(resident.id()));
	}

	@Test
	void teamAndVolunteerHoursCountOnlyActivitiesInsideTheJurisdiction() {
		// team B (town B) gave 3 hours with far (town B) in village A (town A)
		GraphQlTester.Response other = world.as(coordinatorB).document(HOURS).variable("teamId", teamB.id())
			.variable("volunteerId", far.id()).variable("from", today().minusDays(1).toString())
			.variable("to", today().toString()).execute();
		other.path("team.hours.hours").entity(Double.class).isEqualTo(0.0)
			.path("team.hours.activities").entity(Integer.class).isEqualTo(0)
			.path("volunteer.hours.hours").entity(Double.class).isEqualTo(0.0)
			.path("volunteer.hours.activities").entity(Integer.class).isEqualTo(0);
		// the county sees where the hours were given
		world.as(admin).document(HOURS).variable("teamId", teamB.id()).variable("volunteerId", far.id())
			.variable("from", today().minusDays(1).toString()).variable("to", today().toString()).execute()
			.path("team.hours.hours").entity(Double.class).isEqualTo(3.0)
			.path("volunteer.hours.hours").entity(Double.class).isEqualTo(3.0)
			.path("volunteer.hours.activities").entity(Integer.class).isEqualTo(1);
	}

	private List<String> searchIds(String username, String search) {
		return world.as(username).documentName("volunteerList").variable("filter", Map.of("search", search)).execute()
			.path("volunteers.edges[*].node.id").entityList(String.class).get();
	}

	private static LocalDate today() {
		return LocalDate.now(BureauClock.ZONE);
	}
}
