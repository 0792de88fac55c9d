package org.zhufang.outreach;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.outreach.OutreachInputs.CampaignCreateInput;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * Campaigns against the real database: who plans them where, PLANNED → ACTIVE → CLOSED and no
 * other way, a closed campaign read-only, updates that would orphan talks refused, and the
 * list seen from different jurisdictions. Every refusal writes nothing.
 */
@IntegrationTest
class CampaignIntegrationTests extends OutreachFixtures {

	GraphQlTester outreach;

	@BeforeEach
	void build() {
		buildCounty();
		outreach = world.as(tree.account("outreach", Role.OUTREACH_STAFF, town));
	}

	Map<String, Object> campaignInput(long areaId) {
		Map<String, Object> input = new HashMap<>();
		input.put("name", "防校园欺凌、为成长护航");
		input.put("themes", List.of("ANTI_BULLYING", "LEGAL"));
		input.put("areaId", areaId);
		input.put("startsOn", today.minusDays(30).toString());
		input.put("endsOn", today.plusDays(30).toString());
		input.put("reachTarget", 800);
		return input;
	}

	@Test
	void outreachStaffRunACampaignOfTheirTownFromPlannedToClosed() {
		String id = outreach.documentName("campaignCreate").variable("input", campaignInput(town.id())).execute()
			.path("campaignCreate.userErrors").entityList(Object.class).hasSize(0)
			.path("campaignCreate.campaign.status").entity(String.class).isEqualTo("PLANNED")
			.path("campaignCreate.campaign.themes").entityList(String.class).containsExactly("ANTI_BULLYING", "LEGAL")
			.path("campaignCreate.campaign.id").entity(String.class).get();
		outreach.documentName("campaignActivate").variable("input", Map.of("id", id)).execute()
			.path("campaignActivate.campaign.status").entity(String.class).isEqualTo("ACTIVE");
		long before = rows();
		assertCode(outreach.documentName("campaignActivate").variable("input", Map.of("id", id)).execute(),
				"campaignActivate", "INVALID_TRANSITION", "id");
		outreach.documentName("campaignClose").variable("input", Map.of("id", id)).execute()
			.path("campaignClose.campaign.status").entity(String.class).isEqualTo("CLOSED");
		before = rows();
		assertCode(outreach.documentName("campaignClose").variable("input", Map.of("id", id)).execute(),
				"campaignClose", "INVALID_TRANSITION", "id");
		assertCode(outreach.documentName("campaignActivate").variable("input", Map.of("id", id)).execute(),
				"campaignActivate", "INVALID_TRANSITION", "id");
		assertCode(outreach.documentName("campaignUpdate").variable("input", Map.of("id", id, "name", "新名字")).execute(),
				"campaignUpdate", "CAMPAIGN_CLOSED", "id");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aPlannedCampaignIsNotClosedAndAClosedOneKeepsItsTalksReadOnly() {
		CampaignView planned = ok(campaigns.create(system, new CampaignCreateInput("夏夜喇叭警务", List.of(OutreachTheme.ANTI_FRAUD),
				otherTown.id(), today.minusDays(10), today.plusDays(10), null, null)));
		long before = rows();
		assertCode(world.as(tree.account("admin", Role.BUREAU_ADMIN, county)).documentName("campaignClose")
			.variable("input", Map.of("id", planned.id())).execute(), "campaignClose", "INVALID_TRANSITION", "id");
		assertThat(rows()).isEqualTo(before);

		TalkView talk = log(system, campaign, village, 5, 100, OutreachTheme.ANTI_FRAUD);
		ok(campaigns.close(system, new OutreachInputs.CampaignCloseInput(campaign.id(), null)));
		before = rows();
		assertThat(talks.correct(system, new OutreachInputs.TalkCorrectInput(talk.id(), null, "改人数", null, null, null,
				null, null, null, 120, null, null, null, null, null, null)).userErrors())
			.extracting(e -> e.code()).containsExactly("CAMPAIGN_CLOSED");
		assertThat(talks.withdraw(system, new OutreachInputs.TalkWithdrawInput(talk.id(), null, "误录")).userErrors())
			.extracting(e -> e.code()).containsExactly("CAMPAIGN_CLOSED");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void refusesCampaignsOutsideTheRulesOrTheJurisdictionWritingNothing() {
		long before = rows();
		assertErrorType(outreach.documentName("campaignCreate").variable("input", campaignInput(county.id())).execute(),
				"FORBIDDEN");
		assertErrorType(outreach.documentName("campaignCreate").variable("input", campaignInput(otherTown.id())).execute(),
				"FORBIDDEN");
		for (Role role : List.of(Role.COMMUNITY_OFFICER, Role.DASHBOARD_VIEWER, Role.GRID_MEMBER)) {
			assertErrorType(world.as(tree.account("r" + role.ordinal(), role, town)).documentName("campaignCreate")
				.variable("input", campaignInput(town.id())).execute(), "FORBIDDEN");
		}
		assertCode(outreach.documentName("campaignCreate").variable("input", campaignInput(village.id())).execute(),
				"campaignCreate", "INVALID_LEVEL", "areaId");
		Map<String, Object> input = campaignInput(town.id());
		input.put("endsOn", today.minusDays(31).toString());
		assertCode(outreach.documentName("campaignCreate").variable("input", input).execute(), "campaignCreate",
				"ENDS_BEFORE_START", "endsOn");
		input = campaignInput(town.id());
		input.put("themes", List.of());
		assertCode(outreach.documentName("campaignCreate").variable("input", input).execute(), "campaignCreate",
				"REQUIRED", "themes");
		input = campaignInput(town.id());
		input.put("name", " ");
		assertCode(outreach.documentName("campaignCreate").variable("input", input).execute(), "campaignCreate",
				"REQUIRED", "name");
		AreaView retired = tree.child(county, "已撤镇");
		world.jdbc().sql("UPDATE area SET status = 'RETIRED' WHERE id = ?").param(retired.id()).update();
		GraphQlTester.Response response = world.as(tree.account("admin", Role.BUREAU_ADMIN, county))
			.documentName("campaignCreate").variable("input", campaignInput(retired.id())).execute();
		assertCode(response, "campaignCreate", "AREA_RETIRED", "areaId");
		response.path("campaignCreate.userErrors[*].code").entityList(String.class).containsExactly("AREA_RETIRED");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void updatesKeepTheThemesAndDatesOfLoggedTalks() {
		CampaignView townCampaign = activeCampaign("五防宣传", town, List.of(OutreachTheme.THEFT, OutreachTheme.ANTI_FRAUD), null);
		log(system, townCampaign, village, 20, 50, OutreachTheme.THEFT);
		GraphQlTester staff = outreach;
		long before = rows();
		assertCode(staff.documentName("campaignUpdate").variable("input", Map.of("id", townCampaign.id(),
				"themes", List.of("ANTI_FRAUD"))).execute(), "campaignUpdate", "THEME_IN_USE", "themes");
		assertCode(staff.documentName("campaignUpdate").variable("input", Map.of("id", townCampaign.id(),
				"startsOn", today.minusDays(10).toString())).execute(), "campaignUpdate", "TALKS_BEFORE_START", "startsOn");
		assertCode(staff.documentName("campaignUpdate").variable("input", Map.of("id", townCampaign.id(),
				"endsOn", today.minusDays(30).toString())).execute(), "campaignUpdate", "TALKS_AFTER_END", "endsOn");
		assertErrorType(staff.documentName("campaignUpdate").variable("input", Map.of("id", townCampaign.id(),
				"name", "改名", "expectedVersion", 0)).execute(), "CONFLICT");
		assertErrorType(staff.documentName("campaignUpdate").variable("input", Map.of("id", campaign.id(),
				"name", "县级活动改名")).execute(), "FORBIDDEN");
		assertThat(rows()).isEqualTo(before);
		staff.documentName("campaignUpdate").variable("input", Map.of("id", townCampaign.id(),
				"themes", List.of("THEFT", "ANTI_DRUG"), "reachTarget", 1000, "expectedVersion", 1)).execute()
			.path("campaignUpdate.userErrors").entityList(Object.class).hasSize(0)
			.path("campaignUpdate.campaign.themes").entityList(String.class).containsExactly("ANTI_DRUG", "THEFT")
			.path("campaignUpdate.campaign.reachTarget").entity(Integer.class).isEqualTo(1000);
	}

	@Test
	void campaignsAreListedWhereTheyRun() {
		CampaignView townCampaign = activeCampaign("七里营镇反诈", town, List.of(OutreachTheme.ANTI_FRAUD), null);
		CampaignView elsewhere = activeCampaign("小冀夜市喇叭", otherTown, List.of(OutreachTheme.ANTI_FRAUD), null);
		ok(campaigns.create(system, new CampaignCreateInput("防溺水", List.of(OutreachTheme.SAFETY_ACCIDENTS), town.id(),
				today.plusDays(10), today.plusDays(40), null, null)));
		GraphQlTester officer = world.as(tree.account("officer", Role.COMMUNITY_OFFICER, village));
		officer.documentName("campaigns").execute()
			.path("campaigns.totalCount").entity(Integer.class).isEqualTo(3)
			.path("campaigns.edges[*].node.name").entityList(String.class).doesNotContain("小冀夜市喇叭");
		officer.documentName("campaigns").variable("filter", Map.of("status", "ACTIVE", "theme", "ANTI_FRAUD")).execute()
			.path("campaigns.edges[*].node.id").entityList(String.class)
			.containsExactly(String.valueOf(campaign.id()), String.valueOf(townCampaign.id()));
		world.as(tree.account("viewer", Role.DASHBOARD_VIEWER, county)).documentName("campaigns")
			.variable("filter", Map.of("areaId", otherTown.id(), "activeOn", today.toString())).execute()
			.path("campaigns.edges[*].node.id").entityList(String.class)
			.containsExactly(String.valueOf(campaign.id()), String.valueOf(elsewhere.id()));
		assertErrorType(officer.documentName("campaignWithReach").variable("id", elsewhere.id()).execute(), "FORBIDDEN");
	}

	@Test
	void campaignsPageBackwardsOverTheSameCampaignsAsForwards() {
		for (String name : List.of("防溺水", "禁毒宣传", "普法进村", "交通安全")) {
			activeCampaign(name, town, List.of(OutreachTheme.LEGAL), null);
		}
		GraphQlTester admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, county));
		List<String> forwards = walk(admin, "campaignPage", "campaigns", Map.of(), 2, false);
		assertThat(forwards).hasSize(5).first().isEqualTo(String.valueOf(campaign.id()));
		assertThat(forwards).isSortedAccordingTo(java.util.Comparator.comparingLong(Long::parseLong));
		assertThat(walk(admin, "campaignPage", "campaigns", Map.of(), 2, true)).isEqualTo(forwards);
		assertThat(walk(admin, "campaignPage", "campaigns", Map.of("theme", "LEGAL"), 3, true))
			.isEqualTo(forwards.subList(1, 5));

		admin.documentName("campaignPage").variable("filter", Map.of()).variable("last", 2).execute()
			.path("campaigns.edges[*].node.id").entityList(String.class).containsExactly(forwards.get(3), forwards.get(4))
			.path("campaigns.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
			.path("campaigns.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		assertErrorType(admin.documentName("campaignPage").variable("filter", Map.of()).variable("first", 2)
			.variable("last", 2).execute(), "BAD_REQUEST");
	}
}
