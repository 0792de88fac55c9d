package org.zhufang.accounts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.accounts.AccountInputs.AccountCreateInput;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Managing accounts through GraphQL against the real database: who may open and change them,
 * where, the password rules, and that every refusal writes nothing.
 */
@IntegrationTest
class AccountManagementTests {

	private static final String NEW_PASSWORD = "another-secret-42";

	@Autowired
	TestWorld world;

	@Autowired
	AccountManagement accountManagement;

	TestWorld.Tree tree;

	AreaView county;

	AreaView town;

	AreaView village;

	AreaView otherTown;

	String admin;

	GraphQlTester asAdmin;

	@BeforeEach
	void buildCounty() {
		tree = world.county("账户测试县");
		county = tree.county();
		town = tree.child(county, "七里营镇");
		village = tree.child(town, "南新村");
		otherTown = tree.child(county, "翟坡镇");
		admin = tree.account("admin", Role.BUREAU_ADMIN, county);
		asAdmin = world.as(admin);
	}

	@Test
	void opensAnAccountWithRoleAndScopeInsideTheAdminsCountyThatCanSignIn() {
		String username = county.code() + ".officer.wang";
		asAdmin.documentName("accountCreate")
			.variable("input", Map.of("username", username, "password", NEW_PASSWORD, "role", "COMMUNITY_OFFICER",
					"scopeAreaIds", List.of(village.id())))
			.execute()
			.path("accountCreate.userErrors").entityList(Object.class).hasSize(0)
			.path("accountCreate.account.username").entity(String.class).isEqualTo(username)
			.path("accountCreate.account.role").entity(String.class).isEqualTo("COMMUNITY_OFFICER")
			.path("accountCreate.account.enabled").entity(Boolean.class).isEqualTo(true)
			.path("accountCreate.account.scopeAreas[*].code").entityList(String.class).containsExactly(village.code());

		String token = (String) world.requestToken(username, NEW_PASSWORD).expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody().get("access_token");
		world.withToken(token).documentName("me").execute()
			.path("me.username").entity(String.class).isEqualTo(username)
			.path("me.role").entity(String.class).isEqualTo("COMMUNITY_OFFICER");
	}

	@Test
	void refusesAPasswordShorterThanTenCharactersOrEqualToTheUsernameAndWritesNothing() {
		String username = county.code() + ".shortpw";
		asAdmin.documentName("accountCreate")
			.variable("input", Map.of("username", username, "password", "123456789", "role", "GRID_MEMBER",
					"scopeAreaIds", List.of(village.id())))
			.execute()
			.path("accountCreate.account").valueIsNull()
			.path("accountCreate.userErrors[*].code").entityList(String.class).containsExactly("TOO_SHORT")
			.path("accountCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "password");

		String sameAsName = county.code() + ".samename";
		asAdmin.documentName("accountCreate")
			.variable("input", Map.of("username", sameAsName, "password", sameAsName.toUpperCase(), "role", "GRID_MEMBER",
					"scopeAreaIds", List.of(village.id())))
			.execute()
			.path("accountCreate.account").valueIsNull()
			.path("accountCreate.userErrors[*].code").entityList(String.class).containsExactly("SAME_AS_USERNAME");

		assertThat(accountsNamed(username)).isZero();
		assertThat(accountsNamed(sameAsName)).isZero();
	}

	@Test
	void refusesAUsernameTakenInAnyCaseAndWritesNothing() {
		String existing = tree.account("duplicate.me", Role.GRID_MEMBER, village);
		long before = accountsInScopeOf(county.id());

		asAdmin.documentName("accountCreate")
			.variable("input", Map.of("username", existing.toUpperCase(), "password", NEW_PASSWORD, "role", "GRID_MEMBER",
					"scopeAreaIds", List.of(village.id())))
			.execute()
			.path("accountCreate.account").valueIsNull()
			.path("accountCreate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE")
			.path("accountCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "username");

		assertThat(accountsInScopeOf(county.id())).isEqualTo(before);
	}

	@Test
	void refusesAScopeAreaOutsideTheAdminsCountyAsForbiddenAndWritesNothing() {
		TestWorld.Tree foreign = world.county("别县");
		AreaView foreignTown = foreign.child(foreign.county(), "外镇");
		String username = county.code() + ".abroad";

		asAdmin.documentName("accountCreate")
			.variable("input", Map.of("username", username, "password", NEW_PASSWORD, "role", "STATION_CHIEF",
					"scopeAreaIds", List.of(town.id(), foreignTown.id())))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));

		assertThat(accountsNamed(username)).isZero();
	}

	@Test
	void refusesAccountCreationByANonAdminAsForbiddenAndWritesNothing() {
		String chief = tree.account("chief", Role.STATION_CHIEF, town);
		String username = county.code() + ".by.chief";

		world.as(chief).documentName("accountCreate")
			.variable("input", Map.of("username", username, "password", NEW_PASSWORD, "role", "GRID_MEMBER",
					"scopeAreaIds", List.of(village.id())))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));

		assertThat(accountsNamed(username)).isZero();
	}

	@Test
	void changesRoleAndScopeWithEffectOnTheAccountsNextRequestWithoutSigningInAgain() {
		String member = tree.account("member", Role.GRID_MEMBER, village);
		GraphQlTester asMember = world.as(member);
		asMember.documentName("me").execute()
			.path("me.role").entity(String.class).isEqualTo("GRID_MEMBER")
			.path("me.scopeAreas[*].code").entityList(String.class).containsExactly(village.code());

		asAdmin.documentName("accountUpdate")
			.variable("input", Map.of("id", world.accountId(member), "role", "STATION_CHIEF",
					"scopeAreaIds", List.of(town.id(), otherTown.id())))
			.execute()
			.path("accountUpdate.userErrors").entityList(Object.class).hasSize(0)
			.path("accountUpdate.account.role").entity(String.class).isEqualTo("STATION_CHIEF");

		// The same token as before.
		asMember.documentName("me").execute()
			.path("me.role").entity(String.class).isEqualTo("STATION_CHIEF")
			.path("me.scopeAreas[*].code").entityList(String.class)
			.satisfies(list -> assertThat(list).containsExactlyInAnyOrder(town.code(), otherTown.code()));
		asMember.documentName("areas").variable("filter", Map.of("parentId", county.id())).execute()
			.path("areas.edges[*].node.code").entityList(String.class).containsExactly(town.code(), otherTown.code());
	}

	@Test
	void refusesToLetAnAdminDisableItselfOrGiveUpItsRole() {
		String id = world.accountId(admin);

		asAdmin.documentName("accountUpdate").variable("input", Map.of("id", id, "enabled", false)).execute()
			.path("accountUpdate.account").valueIsNull()
			.path("accountUpdate.userErrors[0].code").entity(String.class).isEqualTo("OWN_ACCOUNT")
			.path("accountUpdate.userErrors[0].field").entityList(String.class).containsExactly("input", "enabled");
		asAdmin.documentName("accountUpdate").variable("input", Map.of("id", id, "role", "DASHBOARD_VIEWER")).execute()
			.path("accountUpdate.userErrors[0].code").entity(String.class).isEqualTo("OWN_ACCOUNT");

		Map<String, Object> row = world.jdbc().sql("SELECT enabled, role FROM account WHERE id = ?").param(Long.valueOf(id))
			.query().singleRow();
		assertThat(row.get("role")).isEqualTo("BUREAU_ADMIN");
		assertThat(row.get("enabled")).isIn(true, 1, (byte) 1);
		asAdmin.documentName("me").execute().path("me.enabled").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void resetsAPasswordSoThatOnlyTheNewOneSignsIn() {
		String officer = tree.account("forgetful", Role.COMMUNITY_OFFICER, village);

		asAdmin.documentName("accountResetPassword")
			.variable("input", Map.of("id", world.accountId(officer), "newPassword", NEW_PASSWORD))
			.execute()
			.path("accountResetPassword.userErrors").entityList(Object.class).hasSize(0)
			.path("accountResetPassword.account.username").entity(String.class).isEqualTo(officer);

		world.requestToken(officer, NEW_PASSWORD).expectStatus().isOk();
		world.requestToken(officer, TestWorld.PASSWORD).expectStatus().isUnauthorized();
	}

	@Test
	void aPasswordResetEndsEveryTokenIssuedBeforeItEvenInTheSameSecond() {
		String officer = tree.account("stolen", Role.COMMUNITY_OFFICER, village);
		String oldToken = world.signIn(officer);
		world.withToken(oldToken).document("{ me { username } }").execute().path("me.username").entity(String.class)
			.isEqualTo(officer);

		asAdmin.documentName("accountResetPassword")
			.variable("input", Map.of("id", world.accountId(officer), "newPassword", NEW_PASSWORD))
			.execute()
			.path("accountResetPassword.userErrors").entityList(Object.class).hasSize(0);

		world.http().post().uri("/graphql").header("Authorization", "Bearer " + oldToken)
			.header("Content-Type", "application/json").bodyValue(Map.of("query", "{ me { username } }"))
			.exchange().expectStatus().isUnauthorized();
		String newToken = world.requestToken(officer, NEW_PASSWORD).expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody().get("access_token").toString();
		world.withToken(newToken).document("{ me { username } }").execute().path("me.username").entity(String.class)
			.isEqualTo(officer);
	}

	@Test
	void refusesAPasswordResetByANonAdminAndKeepsTheOldPassword() {
		String chief = tree.account("chief", Role.STATION_CHIEF, town);
		String officer = tree.account("officer", Role.COMMUNITY_OFFICER, village);

		world.as(chief).documentName("accountResetPassword")
			.variable("input", Map.of("id", world.accountId(officer), "newPassword", NEW_PASSWORD))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));

		world.requestToken(officer, TestWorld.PASSWORD).expectStatus().isOk();
		world.requestToken(officer, NEW_PASSWORD).expectStatus().isUnauthorized();
	}

	@Test
	void refusesAPasswordChangeWithAWrongCurrentPasswordAndWritesNothing() {
		String officer = tree.account("officer", Role.COMMUNITY_OFFICER, village);
		String hashBefore = passwordHashOf(officer);

		world.as(officer).documentName("passwordChange")
			.variable("input", Map.of("currentPassword", "not-my-password", "newPassword", NEW_PASSWORD))
			.execute()
			.path("passwordChange.account").valueIsNull()
			.path("passwordChange.userErrors[0].code").entity(String.class).isEqualTo("WRONG_PASSWORD")
			.path("passwordChange.userErrors[0].field").entityList(String.class)
			.containsExactly("input", "currentPassword");

		assertThat(passwordHashOf(officer)).isEqualTo(hashBefore);
		world.requestToken(officer, TestWorld.PASSWORD).expectStatus().isOk();
	}

	@Test
	void changesTheCallersOwnPasswordWithTheRightCurrentOne() {
		String officer = tree.account("officer", Role.COMMUNITY_OFFICER, village);

		world.as(officer).documentName("passwordChange")
			.variable("input", Map.of("currentPassword", TestWorld.PASSWORD, "newPassword", NEW_PASSWORD))
			.execute()
			.path("passwordChange.userErrors").entityList(Object.class).hasSize(0)
			.path("passwordChange.account.username").entity(String.class).isEqualTo(officer);

		world.requestToken(officer, NEW_PASSWORD).expectStatus().isOk();
		world.requestToken(officer, TestWorld.PASSWORD).expectStatus().isUnauthorized();
	}

	@Test
	void refusesANewOwnPasswordThatBreaksTheRulesAndKeepsTheOldOne() {
		String officer = tree.account("officer", Role.COMMUNITY_OFFICER, village);
		String hashBefore = passwordHashOf(officer);

		world.as(officer).documentName("passwordChange")
			.variable("input", Map.of("currentPassword", TestWorld.PASSWORD, "newPassword", officer))
			.execute()
			.path("passwordChange.userErrors[*].code").entityList(String.class).contains("SAME_AS_USERNAME");
		world.as(officer).documentName("passwordChange")
			.variable("input", Map.of("currentPassword", TestWorld.PASSWORD, "newPassword", "short"))
			.execute()
			.path("passwordChange.userErrors[*].code").entityList(String.class).containsExactly("TOO_SHORT");

		assertThat(passwordHashOf(officer)).isEqualTo(hashBefore);
	}

	@Test
	void answersMeWithTheCallersUsernameRoleAndScopeAreas() {
		String officer = tree.account("officer.li", Role.COMMUNITY_OFFICER, village, otherTown);

		world.as(officer).documentName("me").execute()
			.path("me.id").entity(String.class).isEqualTo(world.accountId(officer))
			.path("me.username").entity(String.class).isEqualTo(officer)
			.path("me.role").entity(String.class).isEqualTo("COMMUNITY_OFFICER")
			.path("me.enabled").entity(Boolean.class).isEqualTo(true)
			.path("me.scopeAreas[*].code").entityList(String.class)
			.satisfies(list -> assertThat(list).containsExactlyInAnyOrder(village.code(), otherTown.code()))
			.path("me.scopeAreas[*].name").entityList(String.class)
			.satisfies(list -> assertThat(list).containsExactlyInAnyOrder("南新村", "翟坡镇"));
	}

	@Test
	void listsOnlyAccountsWhoseWholeScopeLiesInsideTheAdminsCounty() {
		String chief = tree.account("chief", Role.STATION_CHIEF, town);
		String member = tree.account("member", Role.GRID_MEMBER, village);
		TestWorld.Tree other = world.county("邻县");
		String foreign = other.account("foreign", Role.STATION_CHIEF, other.county());
		// Half in this county, half in the other: not wholly inside, so left out.
		String straddling = county.code() + ".straddling";
		TestWorld.ok(accountManagement.create(TestWorld.system(county.id(), other.county().id()),
				new AccountCreateInput(straddling, TestWorld.PASSWORD, Role.DASHBOARD_VIEWER,
						List.of(town.id(), other.county().id()), null, null)));

		asAdmin.documentName("accounts").variable("first", 100).execute()
			.path("accounts.totalCount").entity(Integer.class).isEqualTo(3)
			.path("accounts.edges[*].node.username").entityList(String.class)
			.containsExactly(admin, chief, member);

		asAdmin.documentName("accounts").variable("filter", Map.of("search", other.county().code())).execute()
			.path("accounts.edges").entityList(Object.class).hasSize(0);
		asAdmin.documentName("accounts").variable("filter", Map.of("role", "STATION_CHIEF")).execute()
			.path("accounts.edges[*].node.username").entityList(String.class).containsExactly(chief);

		world.as(other.account("admin", Role.BUREAU_ADMIN, other.county())).documentName("accounts").execute()
			.path("accounts.edges[*].node.username").entityList(String.class)
			.contains(foreign)
			.doesNotContain(admin, chief, member, straddling);
	}

	private long accountsNamed(String username) {
		return world.jdbc().sql("SELECT COUNT(*) FROM account WHERE username = ?").param(username)
			.query(Long.class).single();
	}

	private long accountsInScopeOf(long areaId) {
		String path = world.jdbc().sql("SELECT path FROM area WHERE id = ?").param(areaId).query(String.class).single();
		return world.jdbc().sql("SELECT COUNT(DISTINCT account_id) FROM account_scope WHERE area_path LIKE ?")
			.param(path + "%").query(Long.class).single();
	}

	private String passwordHashOf(String username) {
		return world.jdbc().sql("SELECT password_hash FROM account WHERE username = ?").param(username)
			.query(String.class).single();
	}
}
