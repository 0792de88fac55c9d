package org.zhufang.outreach;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No SQL per row": a page of talks with their campaigns (and the campaigns' reach), areas,
 * officer and team speakers and corrections costs the same number of statements for 50 talks as
 * for 5, because every nested field loads in batches.
 */
@IntegrationTest
class OutreachBatchLoadingTests extends OutreachFixtures {

	/** The caller, the page and its count, one statement per nested field. */
	static final int STATEMENT_BUDGET = 15;

	@Autowired
	StatementCounter statements;

	@Test
	void fiftyTalksWithSpeakersAndCampaignsCostNoMoreStatementsThanFive() {
		buildCounty();
		List<CampaignView> several = List.of(campaign,
				activeCampaign("五防宣传宣讲团巡回宣讲", county, List.of(OutreachTheme.ANTI_FRAUD, OutreachTheme.THEFT), 5000),
				activeCampaign("守护美丽乡村、警民共筑平安", town, List.of(OutreachTheme.ANTI_FRAUD), null));
		for (int i = 0; i < 50; i++) {
			log(system, several.get(i % 3), i % 2 == 0 ? village : grid, 1 + i % 30, 10 + i, OutreachTheme.ANTI_FRAUD);
		}
		GraphQlTester admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, county));
		measure(admin, 5);

		long five = measure(admin, 5);
		long fifty = measure(admin, 50);
		assertThat(fifty).isEqualTo(five);
		assertThat(fifty).isLessThanOrEqualTo(STATEMENT_BUDGET);
	}

	private long measure(GraphQlTester as, int first) {
		long before = statements.count();
		as.documentName("talksWithSpeakersAndCampaigns").variable("first", first)
			.variable("filter", java.util.Map.of("areaId", town.id())).execute()
			.path("talks.edges").entityList(Object.class).hasSize(first)
			.path("talks.edges[0].node.speakerOfficers[0].name").entity(String.class).isEqualTo("李卫东")
			.path("talks.edges[0].node.speakerTeams[0].name").entity(String.class).isEqualTo("五老街长团队")
			.path("talks.edges[0].node.campaign.reach.peopleReached").entity(Integer.class).satisfies(p -> assertThat(p).isPositive());
		long used = statements.count() - before;
		System.out.println("Statements for " + first + " talks with speakers and campaigns: " + used);
		return used;
	}
}
