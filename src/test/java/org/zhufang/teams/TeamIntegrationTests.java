package org.zhufang.teams;

import java.util.ArrayList;
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
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.Role;
import org.zhufang.shared.graphql.ErrorKind;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;
import org.zhufang.teams.TeamInputs.TeamUpdateInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams, volunteers and memberships through GraphQL against the real database: each refusal is
 * a user error with its own code and writes nothing; history is kept; stale edits are CONFLICTs.
 */
@IntegrationTest
class TeamIntegrationTests {

	@Autowired
	TestWorld world;

	@Autowired
	TeamFixtures fixtures;

	TestWorld.Tree tree;

	AreaView town;

	AreaView village;

	GraphQlTester coordinator;

	@BeforeEach
	void buildTree() {
		tree = world.county("志愿团队测试县");
		town = tree.child(tree.county(), "七里营镇");
		village = tree.child(town, "七里营村");
		coordinator = world.as(tree.account("coordinator", Role.TEAM_COORDINATOR, town));
	}

	@Test
	void aCoordinatorCreatesATeamInItsTownWithItsMessagingGroup() {
		coordinator.documentName("teamCreate")
			.variable("input", Map.of("name", "五老街长团队", "kind", "MEDIATION", "areaId", village.id(),
					"messagingGroup", "平安微信群"))
			.execute()
			.path("teamCreate.userErrors").entityList(Object.class).hasSize(0)
			.path("teamCreate.team.name").entity(String.class).isEqualTo("五老街长团队")
			.path("teamCreate.team.kind").entity(String.class).isEqualTo("MEDIATION")
			.path("teamCreate.team.status").entity(String.class).isEqualTo("ACTIVE")
			.path("teamCreate.team.messagingGroup").entity(String.class).isEqualTo("平安微信群")
			.path("teamCreate.team.homeArea.name").entity(String.class).isEqualTo("七里营村");
	}

	@Test
	void refusesATeamOutsideTheCoordinatorsTownAsForbiddenAndWritesNothing() {
		AreaView otherTown = tree.child(tree.county(), "翟坡镇");
		int before = teamsIn(tree.county());
		coordinator.documentName("teamCreate")
			.variable("input", Map.of("name", "泰山志愿服务团队", "kind", "PATROL", "areaId", otherTown.id()))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(teamsIn(tree.county())).isEqualTo(before);
	}

	@Test
	void refusesATeamWithoutANameOrForAnUnknownAreaAndWritesNothing() {
		coordinator.documentName("teamCreate")
			.variable("input", Map.of("name", " ", "kind", "PATROL", "areaId", village.id()))
			.execute()
			.path("teamCreate.team").valueIsNull()
			.path("teamCreate.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED")
			.path("teamCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "name");
		coordinator.documentName("teamCreate")
			.variable("input", Map.of("name", "巡逻队", "kind", "PATROL", "areaId", 987654321L))
			.execute()
			.path("teamCreate.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		assertThat(teamsIn(tree.county())).isZero();
	}

	@Test
	void refusesATeamAtHomeInTheCountyOrInARetiredAreaAndWritesNothing() {
		GraphQlTester admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, tree.county()));
		AreaView retired = tree.child(town, "已撤村");
		world.jdbc().sql("UPDATE area SET status = 'RETIRED' WHERE id = ?").param(retired.id()).update();
		admin.documentName("teamCreate")
			.variable("input", Map.of("name", "全县巡逻队", "kind", "PATROL", "areaId", tree.county().id()))
			.execute()
			.path("teamCreate.team").valueIsNull()
			.path("teamCreate.userErrors[*].code").entityList(String.class).containsExactly("INVALID_LEVEL")
			.path("teamCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "areaId");
		admin.documentName("teamCreate")
			.variable("input", Map.of("name", "已撤村巡逻队", "kind", "PATROL", "areaId", retired.id()))
			.execute()
			.path("teamCreate.team").valueIsNull()
			.path("teamCreate.userErrors[*].code").entityList(String.class).containsExactly("AREA_RETIRED")
			.path("teamCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "areaId");
		assertThat(teamsIn(tree.county())).isZero();
	}

	@Test
	void registeringAPhoneTwiceIsADuplicateNamingTheFirstVolunteer() {
		VolunteerView first = fixtures.volunteer(tree.county(), village, "王建国");
		int before = volunteersIn(tree.county());
		coordinator.documentName("volunteerRegister")
			.variable("input", Map.of("name", "王建军", "phone", first.phone(), "areaId", village.id()))
			.execute()
			.path("volunteerRegister.volunteer").valueIsNull()
			.path("volunteerRegister.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE")
			.path("volunteerRegister.userErrors[0].field").entityList(String.class).containsExactly("input", "phone")
			.path("volunteerRegister.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains(String.valueOf(first.id())).contains("王建国"));
		assertThat(volunteersIn(tree.county())).isEqualTo(before);
	}

	@Test
	void membershipsKeepHistoryAndAVolunteerMayBeOnTwoTeams() {
		TeamView mediation = fixtures.team(tree.county(), village, "调解队", TeamKind.MEDIATION);
		TeamView patrol = fixtures.team(tree.county(), village, "巡逻队", TeamKind.PATROL);
		VolunteerView wang = fixtures.volunteer(tree.county(), village, "王秀英");
		coordinator.documentName("teamMemberAdd")
			.variable("input", Map.of("teamId", mediation.id(), "volunteerId", wang.id(), "role", "LEADER"))
			.execute()
			.path("teamMemberAdd.userErrors").entityList(Object.class).hasSize(0)
			.path("teamMemberAdd.membership.role").entity(String.class).isEqualTo("LEADER")
			.path("teamMemberAdd.membership.active").entity(Boolean.class).isEqualTo(true);
		String patrolMembership = coordinator.documentName("teamMemberAdd")
			.variable("input", Map.of("teamId", patrol.id(), "volunteerId", wang.id()))
			.execute()
			.path("teamMemberAdd.membership.id").entity(String.class).get();

		coordinator.documentName("teamMemberAdd")
			.variable("input", Map.of("teamId", patrol.id(), "volunteerId", wang.id()))
			.execute()
			.path("teamMemberAdd.membership").valueIsNull()
			.path("teamMemberAdd.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_MEMBER");

		coordinator.documentName("teamMemberRemove").variable("input", Map.of("membershipId", patrolMembership))
			.execute()
			.path("teamMemberRemove.membership.active").entity(Boolean.class).isEqualTo(false);
		coordinator.documentName("teamMemberRemove").variable("input", Map.of("membershipId", patrolMembership))
			.execute()
			.path("teamMemberRemove.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_LEFT");

		coordinator.documentName("teamMembers").variable("id", patrol.id()).variable("includeFormer", false).execute()
			.path("team.members.totalCount").entity(Integer.class).isEqualTo(0);
		coordinator.documentName("teamMembers").variable("id", patrol.id()).variable("includeFormer", true).execute()
			.path("team.members.totalCount").entity(Integer.class).isEqualTo(1)
			.path("team.members.edges[0].node.active").entity(Boolean.class).isEqualTo(false);
		assertThat(fixtures.count("SELECT COUNT(*) FROM team_membership WHERE volunteer_id = ?", wang.id())).isEqualTo(2);
	}

	@Test
	void aDisbandedTeamTakesNoMembersAndItsMembershipsEnd() {
		TeamView team = fixtures.team(tree.county(), village, "临时队", TeamKind.INFORMATION);
		VolunteerView li = fixtures.volunteer(tree.county(), village, "李大爷");
		fixtures.join(tree.county(), team, li);
		coordinator.documentName("teamDisband").variable("input", Map.of("id", team.id())).execute()
			.path("teamDisband.team.status").entity(String.class).isEqualTo("DISBANDED");
		assertThat(fixtures.count("SELECT COUNT(*) FROM team_membership WHERE team_id = ? AND left_on IS NULL", team.id()))
			.isZero();

		VolunteerView zhao = fixtures.volunteer(tree.county(), village, "赵大妈");
		coordinator.documentName("teamMemberAdd")
			.variable("input", Map.of("teamId", team.id(), "volunteerId", zhao.id()))
			.execute()
			.path("teamMemberAdd.userErrors[0].code").entity(String.class).isEqualTo("TEAM_DISBANDED");
		coordinator.documentName("teamDisband").variable("input", Map.of("id", team.id())).execute()
			.path("teamDisband.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_DISBANDED");
		assertThat(fixtures.count("SELECT COUNT(*) FROM team_membership WHERE team_id = ?", team.id())).isEqualTo(1);
	}

	@Test
	void aStaleTeamEditIsAConflictAndChangesNothing() {
		TeamView team = fixtures.team(tree.county(), village, "巡逻一队", TeamKind.PATROL);
		coordinator.documentName("teamUpdate")
			.variable("input", Map.of("id", team.id(), "expectedVersion", 0, "name", "巡逻二队"))
			.execute()
			.path("teamUpdate.team.name").entity(String.class).isEqualTo("巡逻二队")
			.path("teamUpdate.team.version").entity(Integer.class).isEqualTo(1);
		coordinator.documentName("teamUpdate")
			.variable("input", Map.of("id", team.id(), "expectedVersion", 0, "name", "巡逻三队"))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
		assertThat(fixtures.jdbc.sql("SELECT name FROM team WHERE id = ?").param(team.id()).query(String.class).single())
			.isEqualTo("巡逻二队");
	}

	@Test
	void ofConcurrentEditsOfOneTeamFromTheSameVersionExactlyOneWins() throws Exception {
		TeamView team = fixtures.team(tree.county(), village, "并发队", TeamKind.PATROL);
		int threads = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			String name = "并发队" + i;
			Callable<String> edit = () -> {
				start.await();
				try {
					TestWorld.ok(fixtures.teams.updateTeam(TeamFixtures.admin(tree.county()),
							new TeamUpdateInput(team.id(), 0, name, null, null, null)));
					return "OK";
				}
				catch (RuntimeException ex) {
					return ErrorKind.of(ex).name();
				}
			};
			results.add(pool.submit(edit));
		}
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> result : results) {
			outcomes.add(result.get());
		}
		pool.shutdown();
		assertThat(outcomes).containsOnlyOnce("OK").filteredOn(o -> !o.equals("OK")).containsOnly("CONFLICT");
		assertThat(fixtures.count("SELECT version FROM team WHERE id = ?", team.id())).isEqualTo(1);
	}

	private int teamsIn(AreaView county) {
		return fixtures.count("SELECT COUNT(*) FROM team WHERE area_path LIKE ?", county.path() + "%");
	}

	private int volunteersIn(AreaView county) {
		return fixtures.count("SELECT COUNT(*) FROM volunteer WHERE area_path LIKE ?", county.path() + "%");
	}
}
