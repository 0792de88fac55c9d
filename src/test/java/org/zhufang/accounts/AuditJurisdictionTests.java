package org.zhufang.accounts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log read per jurisdiction: one deployment serves several counties, and an admin sees
 * the entries of actors inside their own jurisdiction, not those of another county's accounts.
 */
@IntegrationTest
class AuditJurisdictionTests {

	@Autowired
	TestWorld world;

	TestWorld.Tree east;

	TestWorld.Tree west;

	AreaView eastTown;

	AreaView westTown;

	String eastAdmin;

	String westAdmin;

	@BeforeEach
	void buildTwoCounties() {
		east = world.county("审计东县");
		west = world.county("审计西县");
		eastTown = east.child(east.county(), "东关镇");
		westTown = west.child(west.county(), "西关镇");
		eastAdmin = east.account("admin", Role.BUREAU_ADMIN, east.county());
		westAdmin = west.account("admin", Role.BUREAU_ADMIN, west.county());
		// each admin signs in and changes something in their own county
		createVillage(eastAdmin, eastTown, "东关村");
		createVillage(westAdmin, westTown, "西关村");
		world.requestToken(westAdmin, "wrong-password").expectStatus().isUnauthorized();
	}

	@Test
	void showsEachCountysAdminTheEntriesOfTheirOwnCountyOnly() {
		String eastId = world.accountId(eastAdmin);
		String westId = world.accountId(westAdmin);

		for (String operation : List.of("areaCreate", "signIn")) {
			events(eastAdmin, Map.of("accountId", eastId, "operation", operation))
				.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1)
				.path("auditEvents.edges[*].node.accountId").entityList(String.class).containsExactly(eastId);
			events(eastAdmin, Map.of("accountId", westId, "operation", operation))
				.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(0)
				.path("auditEvents.edges").entityList(Object.class).hasSize(0);
			events(westAdmin, Map.of("accountId", eastId, "operation", operation))
				.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(0)
				.path("auditEvents.edges").entityList(Object.class).hasSize(0);
		}
		// the west admin's refused sign-in (no caller, the account as its target) is filed under the
		// west county
		assertThat(refusedSignInTargets(westAdmin)).contains(List.of(westId));
		assertThat(refusedSignInTargets(eastAdmin)).doesNotContain(List.of(westId));
		events(eastAdmin, Map.of("accountId", westId))
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void listsWithoutAFilterNoEntryOfAnotherCountysAccountAndCountsWhatItLists() {
		String eastId = world.accountId(eastAdmin);
		GraphQlTester.Response mutations = events(eastAdmin, Map.of("operation", "areaCreate"));
		mutations.path("auditEvents.edges[*].node.accountId").entityList(String.class).containsExactly(eastId);
		mutations.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1);

		List<String> accountIds = events(eastAdmin, Map.of()).path("auditEvents.edges[*].node.accountId")
			.entityList(String.class).get();
		assertThat(accountIds).doesNotContain(world.accountId(westAdmin));
		List<String> westIds = world.jdbc().sql("SELECT CAST(id AS CHAR) FROM account WHERE username LIKE ?")
			.param(west.county().code() + ".%").query(String.class).list();
		assertThat(accountIds).doesNotContainAnyElementsOf(westIds);
	}

	@Test
	void showsATownAdminTheEntriesOfActorsInsideTheTownOnly() {
		AreaView village = east.child(eastTown, "东关二村");
		AreaView otherVillage = east.child(eastTown, "东关三村");
		String townAdmin = east.account("townAdmin", Role.BUREAU_ADMIN, eastTown);
		// an account over two villages acts under their deepest common ancestor, the town
		String twoVillages = east.account("twoVillages", Role.COMMUNITY_OFFICER, village, otherVillage);
		world.signIn(twoVillages);
		createVillage(townAdmin, eastTown, "东关四村");

		events(townAdmin, Map.of("accountId", world.accountId(twoVillages), "operation", "signIn"))
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1);
		events(townAdmin, Map.of("accountId", world.accountId(townAdmin), "operation", "areaCreate"))
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1);
		// the county admin acted county-wide: above the town admin's jurisdiction
		events(townAdmin, Map.of("accountId", world.accountId(eastAdmin)))
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(0);
		// ...and the county admin sees all of them
		events(eastAdmin, Map.of("accountId", world.accountId(twoVillages), "operation", "signIn"))
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void showsARefusedSignInOfAnUnknownUsernameToCountyAdminsButNotToATownAdmin() {
		world.requestToken("unknown-" + east.county().code(), "whatever-password").expectStatus().isUnauthorized();
		String unknown = String.valueOf(world.jdbc()
			.sql("SELECT MAX(id) FROM audit_event WHERE operation = 'signIn' AND subject IS NULL")
			.query(Long.class).single());
		String townAdmin = east.account("townAdmin", Role.BUREAU_ADMIN, eastTown);

		for (String admin : List.of(eastAdmin, westAdmin)) {
			assertThat(signInIds(admin)).contains(unknown);
		}
		assertThat(signInIds(townAdmin)).isNotEmpty().doesNotContain(unknown);
	}

	@Test
	void showsNoCountyAnEntryWithoutAPathThatIsNotAnUnknownSignIn() {
		// as entries written before paths were kept: another county's actor is not to be read here
		world.jdbc().sql("""
				INSERT INTO audit_event (occurred_at, kind, subject, username, role, actor_path, operation, target_ids,
				                         outcome, detail)
				VALUES (CURRENT_TIMESTAMP(6), 'MUTATION', '424242', 'old.admin', 'BUREAU_ADMIN', NULL, 'areaRetire', '7',
				        'OK', NULL)""").update();
		long id = world.jdbc().sql("SELECT MAX(id) FROM audit_event WHERE username = 'old.admin'").query(Long.class)
			.single();
		for (String admin : List.of(eastAdmin, westAdmin)) {
			events(admin, Map.of("operation", "areaRetire")).path("auditEvents.edges[*].node.id")
				.entityList(String.class).satisfies(ids -> assertThat(ids).doesNotContain(String.valueOf(id)));
			events(admin, Map.of("accountId", "424242")).path("auditEvents.totalCount").entity(Integer.class)
				.isEqualTo(0);
		}
	}

	private List<List<String>> refusedSignInTargets(String admin) {
		List<Map<String, Object>> nodes = events(admin, Map.of("operation", "signIn"))
			.path("auditEvents.edges[*].node").entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		return nodes.stream().filter(n -> "REFUSED".equals(n.get("outcome")))
			.map(n -> ((List<?>) n.get("targetIds")).stream().map(String::valueOf).toList())
			.toList();
	}

	private List<String> signInIds(String admin) {
		return events(admin, Map.of("operation", "signIn")).path("auditEvents.edges[*].node.id")
			.entityList(String.class).get();
	}

	private void createVillage(String admin, AreaView town, String name) {
		world.as(admin).documentName("areaCreate")
			.variable("input", Map.of("parentId", town.id(), "code", town.code() + "9" + Math.abs(name.hashCode() % 100),
					"name", name, "level", "VILLAGE"))
			.execute()
			.path("areaCreate.userErrors").entityList(Object.class).hasSize(0);
	}

	private GraphQlTester.Response events(String admin, Map<String, Object> filter) {
		return world.as(admin).documentName("auditEvents").variable("filter", filter).variable("first", 50).execute();
	}
}
