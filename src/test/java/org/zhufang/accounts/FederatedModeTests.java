package org.zhufang.accounts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zhufang.EmbeddedDatabaseConfiguration;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.AccountDirectory;
import org.zhufang.shared.Role;
import org.zhufang.support.TestSupportConfiguration;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Federated mode: tokens come from an OpenID Connect issuer, here played by the test itself (an
 * RSA key and a JWK set served over HTTP); role and scope are read from the configured claims,
 * and there is no local sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhufang.security.mode=FEDERATED", "zhufang.security.claims.scope-kind=CODE",
				"zhufang.security.claims.role=zhufang_role", "zhufang.demo-data.enabled=false",
				"spring.security.oauth2.resourceserver.jwt.audiences=zhufang-api" })
@Import({ EmbeddedDatabaseConfiguration.class, TestSupportConfiguration.class })
class FederatedModeTests {

	private static final String KEY_ID = "issuer-key-1";

	private static final RSAKey issuerKey = generateKey();

	private static final HttpServer issuer = serveJwkSet(new JWKSet(issuerKey.toPublicJWK()));

	@DynamicPropertySource
	static void issuerProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks.json");
	}

	@AfterAll
	static void stopIssuer() {
		issuer.stop(0);
	}

	@Autowired
	TestWorld world;

	@Autowired
	AccountDirectory accountDirectory;

	TestWorld.Tree tree;

	AreaView county;

	AreaView town;

	AreaView village;

	AreaView grid;

	AreaView otherTown;

	@BeforeEach
	void buildCounty() {
		tree = world.county("联邦测试县");
		county = tree.county();
		town = tree.child(county, "七里营镇");
		village = tree.child(town, "南新村");
		grid = tree.child(village, "南新村第一网格");
		otherTown = tree.child(county, "翟坡镇");
		tree.child(otherTown, "翟坡村");
	}

	@Test
	void localAccountsHaveNoSubjectToAttributeWorkTo() {
		// the rows exist, but federated tokens carry the issuer's subjects, not local account ids
		String username = tree.account("local", Role.OUTREACH_STAFF, town);
		assertThat(world.accountId(username)).isNotBlank();
		assertThat(accountDirectory.subjectOf(username)).isEmpty();
	}

	@Test
	void acceptsAnIssuersTokenWithRoleAndScopeFromTheConfiguredClaims() {
		String subject = "kc-" + UUID.randomUUID();
		String token = sign(issuerKey, subject, Map.of("zhufang_role", "STATION_CHIEF",
				"scope_areas", List.of(town.code()), "preferred_username", "chief.federated"));

		world.withToken(token).document("{ me { id username role scopeAreas { code } } }").execute()
			.path("me.id").entity(String.class).isEqualTo(subject)
			.path("me.username").entity(String.class).isEqualTo("chief.federated")
			.path("me.role").entity(String.class).isEqualTo("STATION_CHIEF")
			.path("me.scopeAreas[*].code").entityList(String.class).containsExactly(town.code());

		world.withToken(token).documentName("areas").variable("first", 100).execute()
			.path("areas.totalCount").entity(Integer.class).isEqualTo(3)
			.path("areas.edges[*].node.code").entityList(String.class)
			.containsExactly(town.code(), village.code(), grid.code());
	}

	@Test
	void takesTheCallerFromTheTokenEvenWhenItsSubjectLooksLikeALocalAccountId() {
		String local = tree.account("local.admin", Role.BUREAU_ADMIN, county);
		String localId = world.accountId(local);
		String localHash = passwordHashOf(local);
		String token = sign(issuerKey, localId, Map.of("zhufang_role", "DASHBOARD_VIEWER",
				"scope_areas", List.of(town.code()), "preferred_username", "viewer.federated"));

		world.withToken(token).document("{ me { id username role scopeAreas { code } } }").execute()
			.path("me.id").entity(String.class).isEqualTo(localId)
			.path("me.username").entity(String.class).isEqualTo("viewer.federated")
			.path("me.role").entity(String.class).isEqualTo("DASHBOARD_VIEWER")
			.path("me.scopeAreas[*].code").entityList(String.class).containsExactly(town.code());

		// Passwords of federated callers live at the identity provider, not in a local account.
		world.withToken(token).documentName("passwordChange")
			.variable("input", Map.of("currentPassword", TestWorld.PASSWORD, "newPassword", "taken-over-1234"))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(passwordHashOf(local)).isEqualTo(localHash);
	}

	@Test
	void refusesATokenSignedByAnotherKeyUnderTheSameKeyId() {
		RSAKey impostor = generateKey();
		String token = sign(impostor, "kc-impostor", Map.of("zhufang_role", "BUREAU_ADMIN",
				"scope_areas", List.of(county.code())));

		assertStatus(token, 401);
	}

	@Test
	void refusesATokenIssuedForAnotherAudience() {
		Map<String, Object> claims = Map.of("zhufang_role", "BUREAU_ADMIN", "scope_areas", List.of(county.code()));
		assertStatus(sign(issuerKey, "kc-other-app", claims), 200);
		Map<String, Object> elsewhere = new java.util.HashMap<>(claims);
		elsewhere.put("aud", "another-app");
		assertStatus(sign(issuerKey, "kc-other-app", elsewhere), 401);
	}

	@Test
	void refusesATokenWithoutAKnownRoleInTheConfiguredClaim() {
		assertStatus(sign(issuerKey, "kc-janitor", Map.of("zhufang_role", "JANITOR",
				"scope_areas", List.of(town.code()))), 401);
		// The standalone claim name does not count in this configuration.
		assertStatus(sign(issuerKey, "kc-wrong-claim", Map.of("role", "BUREAU_ADMIN",
				"scope_areas", List.of(town.code()))), 401);
		assertStatus(sign(issuerKey, "kc-control", Map.of("zhufang_role", "DASHBOARD_VIEWER",
				"scope_areas", List.of(town.code()))), 200);
	}

	@Test
	void refusesATokenWhoseScopeNamesNoKnownArea() {
		assertStatus(sign(issuerKey, "kc-nowhere", Map.of("zhufang_role", "STATION_CHIEF",
				"scope_areas", List.of("999999999999999999"))), 401);
	}

	@Test
	void refusesRequestsWithoutATokenAndOffersNoLocalSignIn() {
		world.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { username } }"))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");

		world.requestToken("admin", "zhufang-demo")
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.access_token").doesNotExist();
	}

	private String passwordHashOf(String username) {
		return world.jdbc().sql("SELECT password_hash FROM account WHERE username = ?").param(username)
			.query(String.class).single();
	}

	private void assertStatus(String token, int status) {
		world.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.bodyValue(Map.of("query", "{ me { username } }"))
			.exchange()
			.expectStatus().isEqualTo(status);
	}

	private static String sign(RSAKey key, String subject, Map<String, Object> claims) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
			.issuer("https://sso.example.test/realms/zhufang")
			.subject(subject)
			.audience("zhufang-api")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)));
		claims.forEach(set::claim);
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				set.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The issuer's JWK set endpoint on a free port of the loopback interface. */
	private static HttpServer serveJwkSet(JWKSet keys) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] body = keys.toString(true).getBytes(StandardCharsets.UTF_8);
			server.createContext("/jwks.json", exchange -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
