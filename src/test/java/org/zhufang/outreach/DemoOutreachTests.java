package org.zhufang.outreach;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhufang.EmbeddedDatabaseConfiguration;
import org.zhufang.support.TestSupportConfiguration;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo outreach attributes its talks to the demo accounts, officers and teams it names,
 * whatever ids those were given: here the accounts are numbered from 1001 (a database that
 * handed out ids before, or steps them by more than one), in a database of its own.
 */
@Tag(EmbeddedDatabaseConfiguration.OWN_DEMO_DATABASE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhufang.security.jwt.generate-key=true", "zhufang.demo-data.enabled=true",
				"zhufang.embedded-db.database=zhufang_demo_ids" })
@Import({ EmbeddedDatabaseConfiguration.class, TestSupportConfiguration.class, DemoOutreachTests.ShiftedIds.class })
class DemoOutreachTests {

	@Autowired
	TestWorld world;

	@Test
	void talksAreLoggedByTheDemoAccountsWhateverTheirIds() {
		JdbcClient jdbc = world.jdbc();
		assertThat(Long.valueOf(world.accountId("admin"))).isGreaterThan(1000);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM talk WHERE status = 'COUNTED'").query(Integer.class).single())
			.isEqualTo(38);
		assertThat(jdbc.sql("SELECT SUM(audience_count) FROM talk WHERE status = 'COUNTED'").query(Integer.class)
			.single()).isEqualTo(5121);
		assertThat(jdbc.sql("SELECT t.logged_by_name, COUNT(*) FROM talk t JOIN account a"
				+ " ON a.id = t.logged_by AND a.username = t.logged_by_name GROUP BY t.logged_by_name")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list())
			.extracting(Map.Entry::getKey).containsExactlyInAnyOrder("admin", "officer.li", "outreach.zhang");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM talk").query(Integer.class).single())
			.isEqualTo(jdbc.sql("SELECT COUNT(*) FROM talk t JOIN account a ON a.id = t.logged_by"
					+ " AND a.username = t.logged_by_name").query(Integer.class).single());
		assertThat(jdbc.sql("SELECT withdrawn_by FROM talk WHERE status = 'WITHDRAWN'").query(String.class).list())
			.containsExactly(world.accountId("officer.li"));
		assertThat(jdbc.sql("SELECT corrected_by FROM talk_correction").query(String.class).list())
			.containsExactly(world.accountId("admin"));
	}

	@Test
	void speakersAreTheOfficersAndTeamsTheDemoNames() {
		JdbcClient jdbc = world.jdbc();
		assertThat(jdbc.sql("SELECT DISTINCT o.name FROM talk t JOIN campaign c ON c.id = t.campaign_id"
				+ " JOIN talk_officer s ON s.talk_id = t.id JOIN officer o ON o.id = s.officer_id"
				+ " WHERE c.name = '反诈宣传进万家'").query(String.class).list()).containsExactly("李卫东");
		assertThat(jdbc.sql("SELECT DISTINCT o.badge_number FROM talk_officer s JOIN officer o ON o.id = s.officer_id")
			.query(String.class).list())
			.containsExactlyInAnyOrder("41070001", "41070011", "41070025", "41070038", "41070039", "41070103",
					"41070104", "41070105");
		assertThat(jdbc.sql("SELECT DISTINCT m.name FROM talk_team s JOIN team m ON m.id = s.team_id")
			.query(String.class).list()).containsExactlyInAnyOrder("五老街长团队", "泰山志愿服务团队", "小冀夜市巡逻队");
	}

	@Test
	void officerLiCorrectsATalkShePutOnRecord() {
		String token = (String) world.requestToken("officer.li", "zhufang-demo").expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody().get("access_token");
		GraphQlTester officerLi = world.withToken(token);
		List<String> hers = officerLi.document("{ talks(filter: {venueKind: FIELD}, first: 100) { edges { node { id loggedBy status } } } }")
			.execute()
			.path("talks.edges[?(@.node.loggedBy == 'officer.li' && @.node.status == 'COUNTED')].node.id")
			.entityList(String.class).get();
		assertThat(hers).isNotEmpty();
		officerLi.documentName("talkCorrect")
			.variable("input", Map.of("talkId", hers.get(0), "reason", "补记宣传资料份数", "materials", 999))
			.execute()
			.path("talkCorrect.userErrors").entityList(Object.class).hasSize(0);
	}

	/** Runs between the demo county (order 100) and the demo accounts (order 200). */
	@TestConfiguration(proxyBeanMethods = false)
	static class ShiftedIds {

		@Bean
		ApplicationRunner accountIdsFrom1001(JdbcClient jdbc) {
			return new OrderedRunner(() -> jdbc.sql("ALTER TABLE account AUTO_INCREMENT = 1001").update());
		}
	}

	record OrderedRunner(Runnable action) implements ApplicationRunner, Ordered {

		@Override
		public void run(ApplicationArguments args) {
			action.run();
		}

		@Override
		public int getOrder() {
			return 150;
		}
	}
}
