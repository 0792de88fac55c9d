package org.zhufang.outreach;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.officers.OfficerInputs.OfficerRegisterInput;
import org.zhufang.officers.OfficerInputs.StationCreateInput;
import org.zhufang.officers.OfficerInputs.VillageOfficerAssignInput;
import org.zhufang.officers.OfficerKind;
import org.zhufang.officers.OfficerRoster;
import org.zhufang.officers.OfficerView;
import org.zhufang.officers.StationRegistry;
import org.zhufang.officers.StationView;
import org.zhufang.outreach.OutreachInputs.CampaignActivateInput;
import org.zhufang.outreach.OutreachInputs.CampaignCreateInput;
import org.zhufang.outreach.OutreachInputs.TalkLogInput;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Caller;
import org.zhufang.support.TestWorld;
import org.zhufang.teams.TeamInputs.TeamCreateInput;
import org.zhufang.teams.TeamKind;
import org.zhufang.teams.TeamView;
import org.zhufang.teams.Teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * A county of one's own with two towns, each covered by a station with officers, a volunteer
 * team, and an ACTIVE county-wide campaign that started 200 days ago, built through the modules'
 * facades (so every rule applies).
 */
abstract class OutreachFixtures {

	private static final AtomicInteger next = new AtomicInteger(1);

	@Autowired
	TestWorld world;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Talks talks;

	@Autowired
	StationRegistry stations;

	@Autowired
	OfficerRoster roster;

	@Autowired
	Teams teams;

	TestWorld.Tree tree;

	AreaView county;

	AreaView town;

	AreaView otherTown;

	AreaView village;

	AreaView otherVillage;

	AreaView grid;

	OfficerView liWeidong;

	OfficerView otherOfficer;

	TeamView team;

	CampaignView campaign;

	Caller system;

	final LocalDate today = LocalDate.now(BureauClock.ZONE);

	void buildCounty() {
		tree = world.county("新乡县宣讲测试");
		county = tree.county();
		system = TestWorld.system(county.id());
		town = tree.child(county, "七里营镇");
		otherTown = tree.child(county, "小冀镇");
		village = tree.child(town, "南王庄村");
		otherVillage = tree.child(otherTown, "京华村");
		grid = tree.child(village, "南王庄村第一网格");
		StationView station = station("七里营派出所", town);
		StationView otherStation = station("小冀派出所", otherTown);
		liWeidong = officer("李卫东", station);
		otherOfficer = officer("周海涛", otherStation);
		ok(roster.assignVillage(system, new VillageOfficerAssignInput(village.id(), liWeidong.id(), today.minusDays(300))));
		team = ok(teams.createTeam(system, new TeamCreateInput("五老街长团队", TeamKind.MEDIATION, town.id(), "七里营五老调解群", null)));
		campaign = activeCampaign("反诈宣传进万家", county, List.of(OutreachTheme.ANTI_FRAUD, OutreachTheme.THEFT,
				OutreachTheme.ANTI_DRUG), 5000);
	}

	StationView station(String name, AreaView... towns) {
		return ok(stations.createStation(system, new StationCreateInput("S" + county.code() + "-" + next.getAndIncrement(),
				name, List.of(towns).stream().map(AreaView::id).toList(), true, "赵国强")));
	}

	OfficerView officer(String name, StationView in) {
		return ok(roster.register(system, new OfficerRegisterInput(name,
				"O" + ProcessHandle.current().pid() % 100000 + "-" + next.getAndIncrement(), OfficerKind.POLICE, "一级警长",
				"13912345678", in.id(), null, null, true, today.minusYears(1))));
	}

	CampaignView activeCampaign(String name, AreaView area, List<OutreachTheme> themes, Integer target) {
		CampaignView planned = ok(campaigns.create(system, new CampaignCreateInput(name, themes, area.id(),
				today.minusDays(200), today.plusDays(60), target, "进村入户、田间地头")));
		return ok(campaigns.activate(system, new CampaignActivateInput(planned.id(), null)));
	}

	/** A talk held at 10:00 (bureau time) that many days ago, as the given caller. */
	TalkView log(Caller caller, CampaignView in, AreaView where, int daysAgo, int audience, OutreachTheme... themes) {
		return ok(talks.log(caller, input(in, where, at(daysAgo), audience, null, themes)));
	}

	TalkLogInput input(CampaignView in, AreaView where, OffsetDateTime heldAt, int audience, String key,
			OutreachTheme... themes) {
		return new TalkLogInput(in.id(), where.id(), heldAt, VenueKind.FIELD, "南王庄村草莓园", TalkFormat.LECTURE,
				List.of(themes), audience, AudienceKind.RESIDENTS, 20, 3, List.of(liWeidong.id()), List.of(team.id()),
				null, key);
	}

	OffsetDateTime at(int daysAgo) {
		ZonedDateTime time = today.minusDays(daysAgo).atTime(10, 0).atZone(BureauClock.ZONE);
		if (time.toInstant().isAfter(java.time.Instant.now())) {
			time = time.minusDays(1);
		}
		return time.toOffsetDateTime();
	}

	/** The GraphQL input of a talk in the village, held yesterday. */
	Map<String, Object> talkInput(CampaignView in, AreaView where) {
		Map<String, Object> input = new HashMap<>();
		input.put("campaignId", in.id());
		input.put("areaId", where.id());
		input.put("heldAt", at(1).toString());
		input.put("venueKind", "FIELD");
		input.put("venueName", "南王庄村草莓园");
		input.put("format", "LECTURE");
		input.put("themes", List.of("ANTI_FRAUD"));
		input.put("audienceCount", 60);
		input.put("audienceKind", "RESIDENTS");
		input.put("materials", 80);
		input.put("appInstalls", 12);
		input.put("speakerOfficerIds", List.of(liWeidong.id()));
		input.put("speakerTeamIds", List.of(team.id()));
		return input;
	}

	/**
	 * Every id of a list, read page by page forwards ({@code first}/{@code after}) or backwards
	 * ({@code last}/{@code before}) in the list's order, checking each page's {@code pageInfo}:
	 * another page towards the end (or start) exactly while rows remain on that side.
	 */
	static List<String> walk(GraphQlTester tester, String document, String root, Map<String, Object> filter, int size,
			boolean backwards) {
		List<String> ids = new java.util.ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			GraphQlTester.Request<?> request = tester.documentName(document).variable("filter", filter)
				.variable(backwards ? "last" : "first", size);
			if (cursor != null) {
				request = request.variable(backwards ? "before" : "after", cursor);
			}
			GraphQlTester.Response page = request.execute();
			int total = page.path(root + ".totalCount").entity(Integer.class).get();
			List<String> pageIds = page.path(root + ".edges[*].node.id").entityList(String.class).get();
			assertThat(pageIds).hasSizeLessThanOrEqualTo(size);
			ids.addAll(backwards ? 0 : ids.size(), pageIds);
			boolean moreAhead = ids.size() < total;
			boolean behind = pages > 0;
			page.path(root + ".pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(backwards ? behind : moreAhead)
				.path(root + ".pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(backwards ? moreAhead : behind);
			cursor = page.path(root + ".pageInfo." + (backwards ? "startCursor" : "endCursor")).entity(String.class).get();
			pages++;
			if (!moreAhead) {
				return ids;
			}
		}
		while (pages <= 100);
		throw new AssertionError("More than 100 pages of " + root);
	}

	long count(String table) {
		return world.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	/** Rows of all the outreach tables: a refusal leaves every one as it was. */
	long rows() {
		return count("campaign") + count("talk") + count("talk_theme") + count("talk_officer") + count("talk_team")
				+ count("talk_correction");
	}

	static void assertErrorType(GraphQlTester.Response response, String type) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement()
			.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo(type)));
	}

	static void assertCode(GraphQlTester.Response response, String mutation, String code, String field) {
		response.path(mutation + "." + mutation.replaceAll("(Log|Correct|Withdraw|Create|Update|Activate|Close)$", ""))
			.valueIsNull()
			.path(mutation + ".userErrors[*].code").entityList(String.class).contains(code)
			.path(mutation + ".userErrors[?(@.code == '" + code + "')].field[1]").entityList(String.class).contains(field);
	}
}
