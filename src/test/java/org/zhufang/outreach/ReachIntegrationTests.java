package org.zhufang.outreach;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.outreach.OutreachInputs.TalkCorrectInput;
import org.zhufang.outreach.OutreachInputs.TalkLogInput;
import org.zhufang.outreach.OutreachInputs.TalkWithdrawInput;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;

import static org.zhufang.support.TestWorld.ok;

/**
 * Reach against hand-computed totals: five talks in two towns and two months, one withdrawn and
 * one corrected, sliced by area, period, theme, venue kind and month.
 *
 * <pre>
 * talk  where              month  venue         themes              people
 * T1    南王庄村            m2     FIELD         ANTI_FRAUD, THEFT   100
 * T2    南王庄村第一网格     m1     FIELD         ANTI_FRAUD           50
 * T3    京华村 (小冀镇)      m1     NIGHT_MARKET  ANTI_DRUG           200
 * T4    七里营镇 (town-wide) m1     FIELD         ANTI_FRAUD           30  withdrawn: never counts
 * T5    南王庄村            m1     FIELD         THEFT                40  corrected to 45
 * </pre>
 * Counted: 4 talks, 100 + 50 + 200 + 45 = 395 people; by theme 150 + 145 + 200 = 495 (T1 counts
 * in two themes' rows).
 */
@IntegrationTest
class ReachIntegrationTests extends OutreachFixtures {

	YearMonth m1;

	YearMonth m2;

	GraphQlTester viewer;

	@BeforeEach
	void build() {
		buildCounty();
		m1 = YearMonth.now(BureauClock.ZONE).minusMonths(1);
		m2 = m1.minusMonths(1);
		talk(village, m2.atDay(15), VenueKind.FIELD, 100, OutreachTheme.ANTI_FRAUD, OutreachTheme.THEFT);
		talk(grid, m1.atDay(5), VenueKind.FIELD, 50, OutreachTheme.ANTI_FRAUD);
		talk(otherVillage, m1.atDay(20), VenueKind.NIGHT_MARKET, 200, OutreachTheme.ANTI_DRUG);
		TalkView t4 = talk(town, m1.atDay(20), VenueKind.FIELD, 30, OutreachTheme.ANTI_FRAUD);
		TalkView t5 = talk(village, m1.atDay(5), VenueKind.FIELD, 40, OutreachTheme.THEFT);
		ok(talks.withdraw(system, new TalkWithdrawInput(t4.id(), null, "误录")));
		ok(talks.correct(system, new TalkCorrectInput(t5.id(), null, "复核人数", null, null, null, null, null, null, 45,
				null, null, null, null, null, null)));
		viewer = world.as(tree.account("viewer", Role.DASHBOARD_VIEWER, county));
	}

	@Test
	void aCampaignsReachIsThePartInsideTheCallersJurisdiction() {
		// the county campaign, read by outreach staff of 七里营镇: T1, T2, T5 (京华村's 200 is another town's)
		world.as(tree.account("outreach", Role.OUTREACH_STAFF, town)).documentName("campaignWithReach")
			.variable("id", campaign.id()).execute()
			.path("campaign.reach.talks").entity(Integer.class).isEqualTo(3)
			.path("campaign.reach.peopleReached").entity(Integer.class).isEqualTo(195)
			.path("campaign.talks.edges[*].node.audienceCount").entityList(Integer.class)
			.satisfies(people -> org.assertj.core.api.Assertions.assertThat(people).doesNotContain(200));
		// a town with no talk of it sees nothing reached
		world.as(tree.account("outreachOther", Role.OUTREACH_STAFF, tree.child(county, "翟坡镇")))
			.documentName("campaignWithReach").variable("id", campaign.id()).execute()
			.path("campaign.reach.talks").entity(Integer.class).isEqualTo(0)
			.path("campaign.reach.peopleReached").entity(Integer.class).isEqualTo(0);
		// the bureau sees the whole
		world.as(tree.account("admin", Role.BUREAU_ADMIN, county)).documentName("campaignWithReach")
			.variable("id", campaign.id()).execute()
			.path("campaign.reach.talks").entity(Integer.class).isEqualTo(4)
			.path("campaign.reach.peopleReached").entity(Integer.class).isEqualTo(395);
	}

	TalkView talk(AreaView where, LocalDate on, VenueKind venue, int people, OutreachTheme... themes) {
		TalkLogInput base = input(campaign, where, OffsetDateTime.of(on.atTime(10, 0), java.time.ZoneOffset.ofHours(8)),
				people, null, themes);
		return ok(talks.log(system, new TalkLogInput(base.campaignId(), base.areaId(), base.heldAt(), venue,
				base.venueName(), base.format(), base.themes(), base.audienceCount(), base.audienceKind(), base.materials(),
				base.appInstalls(), base.speakerOfficerIds(), base.speakerTeamIds(), null, null)));
	}

	GraphQlTester.Response reach(GraphQlTester as, AreaView area, LocalDate from, LocalDate to, List<String> groupBy) {
		return as.documentName("reachByArea").variable("areaId", area.id()).variable("from", from.toString())
			.variable("to", to.toString()).variable("groupBy", groupBy).execute();
	}

	@Test
	void totalsPerAreaSubtreeAndPeriodLeaveOutWithdrawnTalksAndFollowCorrections() {
		LocalDate from = m2.atDay(1);
		reach(viewer, county, from, today, List.of()).path("outreachReach.talks").entity(Integer.class).isEqualTo(4)
			.path("outreachReach.peopleReached").entity(Integer.class).isEqualTo(395)
			.path("outreachReach.materials").entity(Integer.class).isEqualTo(80)
			.path("outreachReach.appInstalls").entity(Integer.class).isEqualTo(12)
			.path("outreachReach.rows").entityList(Object.class).hasSize(0);
		reach(viewer, town, from, today, null).path("outreachReach.talks").entity(Integer.class).isEqualTo(3)
			.path("outreachReach.peopleReached").entity(Integer.class).isEqualTo(195);
		reach(viewer, village, from, today, null).path("outreachReach.peopleReached").entity(Integer.class).isEqualTo(195);
		reach(viewer, grid, from, today, null).path("outreachReach.peopleReached").entity(Integer.class).isEqualTo(50);
		reach(viewer, otherTown, from, today, null).path("outreachReach.peopleReached").entity(Integer.class).isEqualTo(200);
		reach(viewer, county, m1.atDay(1), m1.atEndOfMonth(), null).path("outreachReach.talks").entity(Integer.class).isEqualTo(3)
			.path("outreachReach.peopleReached").entity(Integer.class).isEqualTo(295);
		reach(viewer, county, m2.atDay(1), m2.atEndOfMonth(), null).path("outreachReach.peopleReached").entity(Integer.class).isEqualTo(100);
	}

	@Test
	void breakdownsByThemeMonthAndVenueMatchTheHandCount() {
		LocalDate from = m2.atDay(1);
		reach(viewer, county, from, today, List.of("THEME")).path("outreachReach.peopleReached").entity(Integer.class).isEqualTo(395)
			.path("outreachReach.rows[*].theme").entityList(String.class).containsExactly("ANTI_DRUG", "ANTI_FRAUD", "THEFT")
			.path("outreachReach.rows[*].talks").entityList(Integer.class).containsExactly(1, 2, 2)
			.path("outreachReach.rows[*].peopleReached").entityList(Integer.class).containsExactly(200, 150, 145);
		reach(viewer, county, from, today, List.of("MONTH")).path("outreachReach.rows[*].month").entityList(String.class)
			.containsExactly(m2.toString(), m1.toString())
			.path("outreachReach.rows[*].talks").entityList(Integer.class).containsExactly(1, 3)
			.path("outreachReach.rows[*].peopleReached").entityList(Integer.class).containsExactly(100, 295);
		reach(viewer, county, from, today, List.of("VENUE_KIND")).path("outreachReach.rows[*].venueKind").entityList(String.class)
			.containsExactly("FIELD", "NIGHT_MARKET")
			.path("outreachReach.rows[*].peopleReached").entityList(Integer.class).containsExactly(195, 200);
		reach(viewer, town, from, today, List.of("THEME", "MONTH"))
			.path("outreachReach.rows[*].theme").entityList(String.class).containsExactly("ANTI_FRAUD", "ANTI_FRAUD", "THEFT", "THEFT")
			.path("outreachReach.rows[*].month").entityList(String.class).containsExactly(m2.toString(), m1.toString(), m2.toString(), m1.toString())
			.path("outreachReach.rows[*].peopleReached").entityList(Integer.class).containsExactly(100, 50, 100, 45);
	}

	@Test
	void areasCarryTheirReachAndCampaignsTheirProgress() {
		GraphQlTester admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, county));
		admin.documentName("reachOfAreas").variable("filter", Map.of("parentId", county.id()))
			.variable("from", m2.atDay(1).toString()).execute()
			.path("areas.edges[*].node.name").entityList(String.class).containsExactly("七里营镇", "小冀镇")
			.path("areas.edges[*].node.outreach.talks").entityList(Integer.class).containsExactly(3, 1)
			.path("areas.edges[*].node.outreach.peopleReached").entityList(Integer.class).containsExactly(195, 200);
		admin.documentName("campaignWithReach").variable("id", campaign.id()).execute()
			.path("campaignWithReach").pathDoesNotExist()
			.path("campaign.reach.talks").entity(Integer.class).isEqualTo(4)
			.path("campaign.reach.peopleReached").entity(Integer.class).isEqualTo(395)
			.path("campaign.reach.target").entity(Integer.class).isEqualTo(5000)
			.path("campaign.reach.progress").entity(Double.class).isEqualTo(395 / 5000.0)
			.path("campaign.talks.totalCount").entity(Integer.class).isEqualTo(5);
	}

	@Test
	void reachIsReadInsideTheJurisdictionOnly() {
		GraphQlTester staff = world.as(tree.account("outreach", Role.OUTREACH_STAFF, town));
		reach(staff, town, m2.atDay(1), today, null).path("outreachReach.peopleReached").entity(Integer.class).isEqualTo(195);
		assertErrorType(reach(staff, county, m2.atDay(1), today, null), "FORBIDDEN");
		assertErrorType(reach(staff, otherTown, m2.atDay(1), today, null), "FORBIDDEN");
		assertErrorType(reach(viewer, county, today, m2.atDay(1), null), "BAD_REQUEST");
	}
}
