package org.zhufang;

import java.util.Map;

import org.junit.jupiter.api.Tag;
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
@Tag(EmbeddedDatabaseConfiguration.OWN_DEMO_DATABASE)
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

	@Test
	void theDemoPoliceLookLikeTheBureausReport() {
		HttpGraphQlTester admin = tester(token("admin"));
		long county = admin.document("{ areaByCode(code: \"410721\") { id } }").execute()
			.path("areaByCode.id").entity(Long.class).get();
		admin.document("query($id: ID!) { staffing(areaId: $id) { stationShare communityShare perStation { station { name } } }"
				+ " area(id: $id) { officerCoverage { share } } stations { name policeOffices { name mode } } }")
			.variable("id", county).execute()
			.path("staffing.stationShare").entity(Double.class).satisfies(s -> assertThat(s).isBetween(0.4175, 0.4185))
			.path("staffing.communityShare").entity(Double.class).satisfies(s -> assertThat(s).isBetween(0.4215, 0.4225))
			.path("staffing.perStation").entityList(Object.class).hasSize(7)
			.path("area.officerCoverage.share").entity(Double.class).satisfies(s -> assertThat(s).isBetween(0.8, 0.95))
			.path("stations[*].name").entityList(String.class).contains("七里营派出所", "朗公庙派出所", "小冀派出所")
			.path("stations[*].policeOffices[*].name").entityList(String.class)
			.contains("心连心警务室", "京华园警务室", "龙华医院警务室");

		HttpGraphQlTester officerLi = tester(token("officer.li"));
		String villageId = officerLi.document("{ areaByCode(code: \"410721100203\") { id villageOfficer { id name phone } } }")
			.execute()
			.path("areaByCode.villageOfficer.name").entity(String.class).isEqualTo("李卫东")
			.path("areaByCode.villageOfficer.phone").entity(String.class).satisfies(p -> assertThat(p).doesNotContain("*"))
			.path("areaByCode.id").entity(String.class).get();
		officerLi.document("mutation($v: ID!) { visitLog(input: {officerId: 1, villageId: $v, address: \"南王庄村3组17号\","
				+ " purpose: CONTACT_CARD, contactCards: 2}) { visit { id } userErrors { code } } }")
			.variable("v", villageId).execute()
			.path("visitLog.userErrors").entityList(Object.class).hasSize(0);
		int visits = world.jdbc().sql("SELECT COUNT(*) FROM visit").query(Integer.class).single();
		assertThat(visits).isBetween(300, 2500);
	}

	@Test
	void theDemoOutreachReachesALittleOverFiveThousandPeople() {
		HttpGraphQlTester viewer = tester(token("viewer"));
		long county = viewer.document("{ areaByCode(code: \"410721\") { id } }").execute()
			.path("areaByCode.id").entity(Long.class).get();
		viewer.document("query($id: ID!) { outreachReach(areaId: $id, from: \"2000-01-01\", to: \"2100-01-01\","
				+ " groupBy: [VENUE_KIND]) { talks peopleReached rows { venueKind peopleReached } }"
				+ " campaigns(first: 10) { edges { node { name status reach { peopleReached } } } } }")
			.variable("id", county).execute()
			.path("outreachReach.talks").entity(Integer.class).isEqualTo(38)
			.path("outreachReach.peopleReached").entity(Integer.class).isEqualTo(5121)
			.path("outreachReach.rows[*].venueKind").entityList(String.class).contains("FIELD", "SCHOOL", "NIGHT_MARKET")
			.path("campaigns.edges[*].node.name").entityList(String.class)
			.contains("五防宣传宣讲团巡回宣讲", "守护美丽乡村、警民共筑平安", "防校园欺凌、为成长护航")
			.path("campaigns.edges[*].node.status").entityList(String.class).contains("CLOSED", "ACTIVE");
		HttpGraphQlTester officerLi = tester(token("officer.li"));
		officerLi.document("{ talks(filter: {venueKind: FIELD}, first: 100) { edges { node { venueName speakerOfficers { name } } } } }")
			.execute()
			.path("talks.edges[*].node.venueName").entityList(String.class).contains("南王庄村草莓园")
			.path("talks.edges[0].node.speakerOfficers[0].name").entity(String.class).isEqualTo("李卫东");
	}

	@Test
	void theDemoTeamsAreTheOnesTheIssueDescribes() {
		HttpGraphQlTester admin = tester(token("admin"));
		admin.document("""
				{ wulao: teams(filter: {search: "五老街长团队"}) { edges { node { id kind status homeArea { name } } } }
				  taishan: teams(filter: {search: "泰山志愿服务团队"}) { edges { node { id kind homeArea { name } messagingGroup
				    members(first: 100) { totalCount } } } }
				  xiaoji: teams(filter: {kind: PATROL, search: "夜市"}) { edges { node { id homeArea { name } } } } }""")
			.execute()
			.path("wulao.edges[*].node.kind").entityList(String.class).containsExactly("MEDIATION")
			.path("wulao.edges[0].node.homeArea.name").entity(String.class).isEqualTo("七里营镇")
			.path("taishan.edges[*].node.kind").entityList(String.class).containsExactly("PATROL")
			.path("taishan.edges[0].node.homeArea.name").entity(String.class).isEqualTo("翟坡镇")
			.path("taishan.edges[0].node.messagingGroup").entity(String.class).isEqualTo("平安微信群")
			.path("taishan.edges[0].node.members.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThan(50))
			.path("xiaoji.edges[0].node.homeArea.name").entity(String.class).isEqualTo("小冀镇");

		// the five elders in 五老街长团队, veterans and young people in 泰山
		assertThat(world.jdbc().sql("""
				SELECT DISTINCT v.tags FROM volunteer v JOIN team_membership m ON m.volunteer_id = v.id
				JOIN team t ON t.id = m.team_id WHERE t.name = '五老街长团队'""").query(String.class).list())
			.anySatisfy(tags -> assertThat(tags).contains("RETIRED_CADRE"))
			.anySatisfy(tags -> assertThat(tags).contains("TEACHER"))
			.anySatisfy(tags -> assertThat(tags).contains("MODEL_WORKER"));
		assertThat(world.jdbc().sql("""
				SELECT DISTINCT v.tags FROM volunteer v JOIN team_membership m ON m.volunteer_id = v.id
				JOIN team t ON t.id = m.team_id WHERE t.name = '泰山志愿服务团队'""").query(String.class).list())
			.contains("VETERAN", "YOUTH");

		// the night-market patrol's weekly summer rota: Friday and Saturday evenings, June to August
		Map<String, Object> series = world.jdbc().sql("""
				SELECT s.days_of_week, s.start_time, s.end_time, s.from_date, s.to_date, COUNT(x.id) AS shifts,
				       SUM(x.status = 'COMPLETED') AS completed
				FROM shift_series s JOIN team t ON t.id = s.team_id JOIN shift x ON x.series_id = s.id
				WHERE t.name LIKE '%夜市%' GROUP BY s.id""").query().singleRow();
		assertThat(series.get("days_of_week")).isEqualTo("FRIDAY,SATURDAY");
		assertThat(series.get("start_time").toString()).startsWith("19:00");
		assertThat(series.get("end_time").toString()).startsWith("23:00");
		assertThat(((java.sql.Date) series.get("from_date")).toLocalDate().getMonthValue()).isEqualTo(6);
		assertThat(((java.sql.Date) series.get("to_date")).toLocalDate().getMonthValue()).isEqualTo(8);
		assertThat(((Number) series.get("shifts")).intValue()).isBetween(24, 28);
		assertThat(((Number) series.get("completed")).intValue()).isPositive();

		// a few hundred volunteers, some on two teams, with attendance and activities
		int volunteers = world.jdbc().sql("SELECT COUNT(*) FROM volunteer").query(Integer.class).single();
		assertThat(volunteers).isBetween(200, 1000);
		int onTwoTeams = world.jdbc().sql("""
				SELECT COUNT(*) FROM (SELECT volunteer_id FROM team_membership WHERE left_on IS NULL
				GROUP BY volunteer_id HAVING COUNT(DISTINCT team_id) >= 2) twice""").query(Integer.class).single();
		assertThat(onTwoTeams).isBetween(5, volunteers / 2);
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM shift_assignment WHERE attendance = 'ABSENT'")
			.query(Integer.class).single()).isPositive();
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM activity").query(Integer.class).single()).isGreaterThan(30);
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
