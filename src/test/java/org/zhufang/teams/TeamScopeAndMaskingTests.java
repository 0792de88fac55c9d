package org.zhufang.teams;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which volunteer, and how: phones in clear only for the roles that manage the volunteer
 * inside their jurisdiction, masked for the others and always for the dashboard viewer; by id
 * outside the jurisdiction is FORBIDDEN and lists leave such volunteers out.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamScopeAndMaskingTests {

	@Autowired
	TestWorld world;

	@Autowired
	TeamFixtures fixtures;

	private final Map<String, String> usernames = new java.util.HashMap<>();

	private VolunteerView wang;

	private VolunteerView commuter;

	private AreaView home;

	@BeforeAll
	void buildTwoTownsWithAVolunteerEach() {
		TestWorld.Tree tree = world.county("脱敏测试县");
		AreaView town = tree.child(tree.county(), "七里营镇");
		AreaView otherTown = tree.child(tree.county(), "翟坡镇");
		home = tree.child(town, "南新村");
		AreaView grid = tree.child(home, "南新村第一网格");
		AreaView otherVillage = tree.child(otherTown, "朝阳社区");
		wang = fixtures.volunteer(tree.county(), grid, "王秀英");
		// lives in the other town but is on a team at home in this one
		commuter = fixtures.volunteer(tree.county(), otherVillage, "刘通勤");
		TeamView team = fixtures.team(tree.county(), home, "南新村巡逻队", TeamKind.PATROL);
		fixtures.join(tree.county(), team, commuter);

		usernames.put("BUREAU_ADMIN", tree.account("admin", Role.BUREAU_ADMIN, tree.county()));
		usernames.put("STATION_CHIEF", tree.account("chief", Role.STATION_CHIEF, town));
		usernames.put("TEAM_COORDINATOR", tree.account("coordinator", Role.TEAM_COORDINATOR, town));
		usernames.put("OTHER_COORDINATOR", tree.account("coordinator2", Role.TEAM_COORDINATOR, otherTown));
		usernames.put("GRID_MEMBER", tree.account("grid", Role.GRID_MEMBER, grid));
		usernames.put("OUTREACH_STAFF", tree.account("outreach", Role.OUTREACH_STAFF, town));
		usernames.put("DASHBOARD_VIEWER", tree.account("viewer", Role.DASHBOARD_VIEWER, tree.county()));
	}

	// @formatter:off
	@ParameterizedTest(name = "{0} reads 王秀英 as {1} / {2}")
	@CsvSource(delimiter = '|', textBlock = """
		BUREAU_ADMIN      | CLEAR  | 王秀英
		STATION_CHIEF     | CLEAR  | 王秀英
		TEAM_COORDINATOR  | CLEAR  | 王秀英
		GRID_MEMBER       | MASKED | 王*
		OUTREACH_STAFF    | MASKED | 王*
		DASHBOARD_VIEWER  | MASKED | 王*
		""")
	// @formatter:on
	void phonesAndNamesAreClearOnlyForTheRolesThatManageTheVolunteer(String who, String phone, String name) {
		world.as(usernames.get(who)).documentName("volunteerById").variable("id", wang.id()).execute()
			.path("volunteer.name").entity(String.class).isEqualTo(name)
			.path("volunteer.phone").entity(String.class)
			.isEqualTo(phone.equals("CLEAR") ? wang.phone() : org.zhufang.shared.PersonalData.maskPhone(wang.phone()));
	}

	@Test
	void aVolunteerOutsideTheJurisdictionIsForbiddenByIdAndLeftOutOfLists() {
		GraphQlTester other = world.as(usernames.get("OTHER_COORDINATOR"));
		other.documentName("volunteerById").variable("id", wang.id()).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		other.documentName("volunteerList").variable("filter", Map.of()).execute()
			.path("volunteers.edges[*].node.id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).doesNotContain(String.valueOf(wang.id()))
				.contains(String.valueOf(commuter.id())));
	}

	@Test
	void aCoordinatorManagesTheMembersOfItsTeamsWhereverTheyLive() {
		world.as(usernames.get("TEAM_COORDINATOR")).documentName("volunteerById").variable("id", commuter.id())
			.execute()
			.path("volunteer.phone").entity(String.class).isEqualTo(commuter.phone())
			.path("volunteer.homeArea").valueIsNull()
			.path("volunteer.memberships[0].team.name").entity(String.class).isEqualTo("南新村巡逻队");
	}

	@Test
	void clearReadsOfAWholeListAreAuditedInOneEntry() {
		String username = usernames.get("STATION_CHIEF");
		GraphQlTester chief = world.as(username);
		String subject = world.accountId(username);
		int before = audits(subject);
		chief.documentName("volunteerList").variable("filter", Map.of("areaId", home.id())).execute()
			.path("volunteers.edges[*].node.phone").entityList(String.class).contains(wang.phone());
		assertThat(audits(subject)).isEqualTo(before + 1);
	}

	@Test
	void rolesThatOnlyReadMayNotRegisterVolunteersAndNothingIsWritten() {
		int before = fixtures.count("SELECT COUNT(*) FROM volunteer");
		world.as(usernames.get("OUTREACH_STAFF")).documentName("volunteerRegister")
			.variable("input", Map.of("name", "越权", "phone", TeamFixtures.phone(), "areaId", home.id()))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(fixtures.count("SELECT COUNT(*) FROM volunteer")).isEqualTo(before);
	}

	private int audits(String subject) {
		return fixtures.count("SELECT COUNT(*) FROM audit_event WHERE subject = ? AND operation = 'Volunteer.phone'",
				subject);
	}
}
