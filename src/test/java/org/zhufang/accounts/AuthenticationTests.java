package org.zhufang.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and bearer tokens over real HTTP: what {@code POST /auth/token} answers, what a
 * token carries, which tokens are refused, what stays open, and the brute-force lock.
 */
@IntegrationTest
class AuthenticationTests {

	@Autowired
	TestWorld world;

	TestWorld.Tree tree;

	AreaView county;

	AreaView town;

	AreaView village;

	@BeforeEach
	void buildCounty() {
		tree = world.county("认证测试县");
		county = tree.county();
		town = tree.child(county, "七里营镇");
		village = tree.child(town, "南新村");
	}

	@Test
	void issuesABearerTokenOfEightHoursCarryingTheAccountRoleAndScope() throws Exception {
		String officer = tree.account("officer", Role.COMMUNITY_OFFICER, village, town);

		Map<?, ?> body = world.requestToken(officer, TestWorld.PASSWORD)
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(Map.class).returnResult().getResponseBody();

		assertThat(body.get("token_type")).isEqualTo("Bearer");
		assertThat(((Number) body.get("expires_in")).longValue()).isEqualTo(28800L);
		String token = (String) body.get("access_token");
		assertThat(token.split("\\.")).hasSize(3);
		Map<String, Object> claims = JSONObjectUtils.parse(payloadText(token));
		assertThat(claims.get("sub")).isEqualTo(world.accountId(officer));
		assertThat(claims.get("role")).isEqualTo("COMMUNITY_OFFICER");
		assertThat((List<?>) claims.get("scope_areas")).map(id -> ((Number) id).longValue())
			.containsExactlyInAnyOrder(village.id(), town.id());
		assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
			.isEqualTo(28800L);

		world.withToken(token).document("{ me { username role } }").execute()
			.path("me.username").entity(String.class).isEqualTo(officer)
			.path("me.role").entity(String.class).isEqualTo("COMMUNITY_OFFICER");
	}

	@Test
	void answersAWrongPasswordAndAnUnknownUsernameWithTheSame401() {
		String chief = tree.account("chief", Role.STATION_CHIEF, town);

		String wrongPassword = world.requestToken(chief, "not-the-password-at-all")
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(String.class).returnResult().getResponseBody();
		String unknownUser = world.requestToken(county.code() + ".nobody", TestWorld.PASSWORD)
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(wrongPassword).isNotBlank().isEqualTo(unknownUser).doesNotContain("access_token");
	}

	@Test
	void refusesAGraphQlRequestWithoutATokenAsUnauthorizedInAGraphQlShapedBody() {
		world.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ areas { totalCount } }"))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED")
			.jsonPath("$.data").doesNotExist();
	}

	@Test
	void refusesAGarbageTokenAndATamperedOne() {
		String viewer = tree.account("viewer", Role.DASHBOARD_VIEWER, village);
		String admin = tree.account("admin", Role.BUREAU_ADMIN, county);
		String token = world.signIn(viewer);
		assertThat(graphQlStatus(token)).isEqualTo(200);

		assertThat(graphQlStatus("not-a-jwt")).isEqualTo(401);
		assertThat(graphQlStatus("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")).isEqualTo(401);

		// The same signature over claims that now name the admin and its role.
		String[] parts = token.split("\\.");
		String forgedClaims = payloadText(token)
			.replace("\"sub\":\"" + world.accountId(viewer) + "\"", "\"sub\":\"" + world.accountId(admin) + "\"")
			.replace("DASHBOARD_VIEWER", "BUREAU_ADMIN");
		assertThat(forgedClaims).contains("BUREAU_ADMIN");
		String tampered = parts[0] + "." + base64Url(forgedClaims) + "." + parts[2];
		assertThat(graphQlStatus(tampered)).isEqualTo(401);

		// A signature cut short.
		assertThat(graphQlStatus(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4)))
			.isEqualTo(401);
	}

	@Test
	void stopsAcceptingTheTokensOfAnAccountAsSoonAsItIsDisabled() {
		String admin = tree.account("admin", Role.BUREAU_ADMIN, county);
		String officer = tree.account("officer", Role.COMMUNITY_OFFICER, village);
		String token = world.signIn(officer);
		assertThat(graphQlStatus(token)).isEqualTo(200);

		world.as(admin).documentName("accountUpdate")
			.variable("input", Map.of("id", world.accountId(officer), "enabled", false))
			.execute()
			.path("accountUpdate.userErrors").entityList(Object.class).hasSize(0)
			.path("accountUpdate.account.enabled").entity(Boolean.class).isEqualTo(false);

		assertThat(graphQlStatus(token)).isEqualTo(401);
		world.requestToken(officer, TestWorld.PASSWORD).expectStatus().isUnauthorized();
	}

	@Test
	void leavesHealthOpenAndKeepsTheRestOfActuatorForAdmins() {
		world.http().get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");

		world.http().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();

		String chief = tree.account("chief", Role.STATION_CHIEF, town);
		world.http().get().uri("/actuator/metrics")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + world.signIn(chief))
			.exchange().expectStatus().isForbidden();

		String admin = tree.account("admin", Role.BUREAU_ADMIN, county);
		world.http().get().uri("/actuator/metrics")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + world.signIn(admin))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.names").isArray();
	}

	@Test
	void locksAUsernameAfterFiveFailedSignInsEvenForTheRightPasswordAndLeavesOthersAlone() {
		String target = tree.account("target", Role.GRID_MEMBER, village);
		String bystander = tree.account("bystander", Role.GRID_MEMBER, village);

		for (int attempt = 1; attempt <= 5; attempt++) {
			world.requestToken(target, "wrong-password-" + attempt).expectStatus().isUnauthorized();
		}

		world.requestToken(target, TestWorld.PASSWORD)
			.expectStatus().isEqualTo(429)
			.expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter ->
				assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L))
			.expectBody().jsonPath("$.access_token").doesNotExist();
		// The username is locked however it is spelled.
		world.requestToken(target.toUpperCase(), TestWorld.PASSWORD).expectStatus().isEqualTo(429);

		world.requestToken(bystander, TestWorld.PASSWORD).expectStatus().isOk();
	}

	@Test
	void locksAnUnknownUsernameLikeAKnownOneSoThatTheLockRevealsNothing() {
		String unknown = county.code() + ".ghost";
		for (int attempt = 1; attempt <= 5; attempt++) {
			world.requestToken(unknown, "wrong-password-" + attempt).expectStatus().isUnauthorized();
		}
		world.requestToken(unknown, "wrong-password-6").expectStatus().isEqualTo(429)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER);
	}

	@Test
	void resetsTheFailureCountOnASuccessfulSignInBeforeTheLimit() {
		String officer = tree.account("officer", Role.COMMUNITY_OFFICER, village);

		for (int attempt = 1; attempt <= 4; attempt++) {
			world.requestToken(officer, "wrong-password-" + attempt).expectStatus().isUnauthorized();
		}
		world.requestToken(officer, TestWorld.PASSWORD).expectStatus().isOk();
		for (int attempt = 1; attempt <= 4; attempt++) {
			world.requestToken(officer, "wrong-password-again-" + attempt).expectStatus().isUnauthorized();
		}

		// Eight failures in all, but never five in a row.
		world.requestToken(officer, TestWorld.PASSWORD).expectStatus().isOk();
	}

	private int graphQlStatus(String token) {
		return world.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.bodyValue(Map.of("query", "{ me { username } }"))
			.exchange()
			.returnResult(String.class).getStatus().value();
	}

	private static String payloadText(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	private static String base64Url(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}
}
