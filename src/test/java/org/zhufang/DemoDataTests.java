package org.zhufang;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhufang.support.TestSupportConfiguration;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer sees after {@code ./mvnw spring-boot:test-run}: the demo county loaded into an
 * empty database, one account per role, and the README's curl flow. Uses a database of its own
 * on the embedded server (the demo loaders only fill an empty one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhufang.security.jwt.generate-key=true", "zhufang.demo-data.enabled=true",
				"zhufang.embedded-db.database=zhufang_demo" })
@Import({ EmbeddedDatabaseConfiguration.class, TestSupportConfiguration.class })
class DemoDataTests {

	@Autowired
	TestWorld world;

	@Test
	void theReadmeFlowListsTheSevenTownsAsAdminAndRefusesItWithoutAToken() {
		String token = token("admin");
		tester(token).document("{ areas(filter: {level: TOWN}) { totalCount edges { node { name } } } }").execute()
			.path("areas.totalCount").entity(Integer.class).isEqualTo(7)
			.path("areas.edges[*].node.name").entityList(String.class)
			.contains("七里营镇", "朗公庙镇", "小冀镇", "古固寨镇", "翟坡镇", "大召营镇", "合河乡");

		world.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ areas(filter: {level: TOWN}) { totalCount } }"))
			.exchange().expectStatus().isUnauthorized();
	}

	@Test
	void theCountyLooksLikeXinxiang() {
		HttpGraphQlTester admin = tester(token("admin"));
		admin.document("""
				{ county: areaByCode(code: "410721") { name residents }
				  qiliying: areaByCode(code: "410721100") { residents children(first: 100) { totalCount edges { node { name } } } }
				  zhaopo: areaByCode(code: "410721104") { children(first: 100) { edges { node { name } } } } }""")
			.execute()
			.path("county.name").entity(String.class).isEqualTo("新乡县")
			.path("county.residents").entity(Integer.class).satisfies(r -> assertThat(r).isGreaterThan(110_000))
			.path("qiliying.children.edges[*].node.name").entityList(String.class).contains("南王庄村", "南新村")
			.path("zhaopo.children.edges[*].node.name").entityList(String.class).contains("朝阳社区");

		int grids = world.jdbc().sql("SELECT COUNT(*) FROM area WHERE level = 'GRID'").query(Integer.class).single();
		int staffed = world.jdbc().sql("SELECT COUNT(DISTINCT grid_id) FROM grid_staff").query(Integer.class).single();
		assertThat(staffed).as("most grids but deliberately not all have staff").isLessThan(grids)
			.isGreaterThan(grids / 2);
	}

	@Test
	void everyRoleHasADemoAccountScopedAsTheReadmeSays() {
		Map<String, String> roles = Map.of("admin", "BUREAU_ADMIN", "chief.qiliying", "STATION_CHIEF", "officer.li",
				"COMMUNITY_OFFICER", "coordinator.wulao", "TEAM_COORDINATOR", "outreach.zhang", "OUTREACH_STAFF",
				"grid.nanxin", "GRID_MEMBER", "viewer", "DASHBOARD_VIEWER");
		roles.forEach((username, role) -> tester(token(username)).document("{ me { username role } }").execute()
			.path("me.role").entity(String.class).isEqualTo(role));

		tester(token("grid.nanxin")).document("{ areas(filter: {level: GRID}) { totalCount edges { node { name } } } }")
			.execute()
			.path("areas.totalCount").entity(Integer.class).isEqualTo(1)
			.path("areas.edges[0].node.name").entity(String.class).isEqualTo("南新村第一网格");
	}

	private String token(String username) {
		Map<?, ?> body = world.http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", "zhufang-demo"))
			.exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return (String) body.get("access_token");
	}

	private HttpGraphQlTester tester(String token) {
		WebTestClient.Builder client = world.http().mutate().baseUrl(world.baseUrl() + "/graphql");
		return HttpGraphQlTester.builder(client).header("Authorization", "Bearer " + token).build();
	}
}
