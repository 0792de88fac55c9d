package org.zhufang.outreach;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.officers.OfficerInputs.OfficerUpdateInput;
import org.zhufang.officers.OfficerStatus;
import org.zhufang.outreach.OutreachInputs.CampaignCreateInput;
import org.zhufang.outreach.OutreachInputs.TalkLogInput;
import org.zhufang.shared.Caller;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.teams.TeamInputs.TeamDisbandInput;
import org.zhufang.teams.TeamInputs.TeamCreateInput;
import org.zhufang.teams.TeamKind;
import org.zhufang.teams.TeamView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * Talks against the real database: the campaign's rules for when, where, which themes and who
 * spoke (every refusal writes nothing), who may log where, idempotent re-sends (also when eight
 * copies race), corrections with their history, and withdrawals.
 */
@IntegrationTest
class TalkIntegrationTests extends OutreachFixtures {

	GraphQlTester officerLi;

	GraphQlTester outreach;

	GraphQlTester chief;

	@BeforeEach
	void build() {
		buildCounty();
		officerLi = world.as(tree.account("officer.li", Role.COMMUNITY_OFFICER, village));
		outreach = world.as(tree.account("outreach", Role.OUTREACH_STAFF, town));
		chief = world.as(tree.account("chief", Role.STATION_CHIEF, town));
	}

	@Test
	void aCommunityOfficerLogsATalkInTheStrawberryGardenOfTheirVillage() {
		officerLi.documentName("talkLog").variable("input", talkInput(campaign, grid)).execute()
			.path("talkLog.userErrors").entityList(Object.class).hasSize(0)
			.path("talkLog.talk.venueName").entity(String.class).isEqualTo("南王庄村草莓园")
			.path("talkLog.talk.audienceCount").entity(Integer.class).isEqualTo(60)
			.path("talkLog.talk.status").entity(String.class).isEqualTo("COUNTED")
			.path("talkLog.talk.loggedBy").entity(String.class).isEqualTo(county.code() + ".officer.li")
			.path("talkLog.talk.area.id").entity(String.class).isEqualTo(String.valueOf(grid.id()))
			.path("talkLog.talk.speakerOfficers[0].name").entity(String.class).isEqualTo("李卫东")
			.path("talkLog.talk.speakerTeams[0].name").entity(String.class).isEqualTo("五老街长团队");
		assertThat(count("talk WHERE campaign_id = " + campaign.id())).isEqualTo(1);
	}

	@Test
	void refusesTalksThatBreakTheCampaignsRulesWritingNothing() {
		long before = rows();
		Map<String, Object> input = talkInput(campaign, village);
		input.put("heldAt", java.time.OffsetDateTime.now().plusHours(2).toString());
		assertCode(outreach.documentName("talkLog").variable("input", input).execute(), "talkLog", "IN_FUTURE", "heldAt");
		input = talkInput(campaign, village);
		input.put("heldAt", at(201).toString());
		assertCode(outreach.documentName("talkLog").variable("input", input).execute(), "talkLog", "BEFORE_CAMPAIGN_START", "heldAt");
		input = talkInput(campaign, village);
		input.put("themes", List.of("ANTI_FRAUD", "ANTI_BULLYING"));
		assertCode(outreach.documentName("talkLog").variable("input", input).execute(), "talkLog", "THEME_NOT_IN_CAMPAIGN", "themes");
		input = talkInput(campaign, village);
		input.put("audienceCount", 100_001);
		assertCode(outreach.documentName("talkLog").variable("input", input).execute(), "talkLog", "TOO_LARGE", "audienceCount");
		input.put("audienceCount", -1);
		assertCode(outreach.documentName("talkLog").variable("input", input).execute(), "talkLog", "TOO_SMALL", "audienceCount");
		input = talkInput(campaign, village);
		input.put("speakerOfficerIds", List.of());
		input.put("speakerTeamIds", List.of());
		assertCode(outreach.documentName("talkLog").variable("input", input).execute(), "talkLog", "REQUIRED", "speakerOfficerIds");
		input = talkInput(campaign, village);
		input.put("speakerOfficerIds", List.of(999_999_999L));
		assertCode(outreach.documentName("talkLog").variable("input", input).execute(), "talkLog", "NOT_FOUND", "speakerOfficerIds");
		input = talkInput(campaign, village);
		input.put("themes", List.of());
		assertCode(outreach.documentName("talkLog").variable("input", input).execute(), "talkLog", "REQUIRED", "themes");

		TeamView disbanded = ok(teams.createTeam(system, new TeamCreateInput("散伙队", TeamKind.PATROL, town.id(), null, null)));
		ok(teams.disbandTeam(system, new TeamDisbandInput(disbanded.id(), null)));
		before = rows();
		input = talkInput(campaign, village);
		input.put("speakerTeamIds", List.of(disbanded.id()));
		assertCode(outreach.documentName("talkLog").variable("input", input).execute(), "talkLog", "TEAM_DISBANDED", "speakerTeamIds");

		// where: a town campaign's talks stay in the town; the county itself is no venue
		CampaignView townCampaign = activeCampaign("七里营镇禁毒宣传", town, List.of(OutreachTheme.ANTI_DRUG), null);
		before = rows();
		input = talkInput(townCampaign, otherVillage);
		input.put("themes", List.of("ANTI_DRUG"));
		assertCode(chiefOfCounty().documentName("talkLog").variable("input", input).execute(), "talkLog",
				"OUTSIDE_CAMPAIGN_AREA", "areaId");
		input = talkInput(campaign, county);
		assertCode(chiefOfCounty().documentName("talkLog").variable("input", input).execute(), "talkLog",
				"INVALID_LEVEL", "areaId");

		// when: not after the campaign's end
		CampaignView ended = ok(campaigns.create(system, new CampaignCreateInput("春季反诈", List.of(OutreachTheme.ANTI_FRAUD),
				town.id(), today.minusDays(30), today.minusDays(5), null, null)));
		ok(campaigns.activate(system, new OutreachInputs.CampaignActivateInput(ended.id(), null)));
		before = rows();
		input = talkInput(ended, village);
		input.put("heldAt", at(2).toString());
		assertCode(outreach.documentName("talkLog").variable("input", input).execute(), "talkLog",
				"AFTER_CAMPAIGN_END", "heldAt");

		// who: a speaker who has retired speaks no more
		ok(roster.update(system, new OfficerUpdateInput(otherOfficer.id(), null, null, null, null, null, null,
				OfficerStatus.RETIRED)));
		input = talkInput(campaign, village);
		input.put("speakerOfficerIds", List.of(liWeidong.id(), otherOfficer.id()));
		GraphQlTester.Response response = chiefOfCounty().documentName("talkLog").variable("input", input).execute();
		assertCode(response, "talkLog", "OFFICER_NOT_ACTIVE", "speakerOfficerIds");
		response.path("talkLog.userErrors[*].code").entityList(String.class).containsExactly("OFFICER_NOT_ACTIVE");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void talksAreLoggedAgainstActiveCampaignsOnly() {
		CampaignView planned = ok(campaigns.create(system, new CampaignCreateInput("防校园欺凌", List.of(OutreachTheme.ANTI_FRAUD),
				town.id(), today.minusDays(10), today.plusDays(10), null, null)));
		long before = rows();
		assertCode(outreach.documentName("talkLog").variable("input", talkInput(planned, village)).execute(), "talkLog",
				"CAMPAIGN_NOT_ACTIVE", "campaignId");
		CampaignView closed = activeCampaign("暑期反诈", town, List.of(OutreachTheme.ANTI_FRAUD), null);
		ok(campaigns.close(system, new OutreachInputs.CampaignCloseInput(closed.id(), null)));
		before = rows();
		assertCode(outreach.documentName("talkLog").variable("input", talkInput(closed, village)).execute(), "talkLog",
				"CAMPAIGN_CLOSED", "campaignId");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void whoMayLogWhere() {
		long before = count("talk");
		// a community officer only in their villages
		assertErrorType(officerLi.documentName("talkLog").variable("input", talkInput(campaign, otherVillage)).execute(),
				"FORBIDDEN");
		assertErrorType(officerLi.documentName("talkLog").variable("input", talkInput(campaign, town)).execute(),
				"FORBIDDEN");
		// outreach staff in their area: their town (also town-wide), not the next town
		assertErrorType(outreach.documentName("talkLog").variable("input", talkInput(campaign, otherVillage)).execute(),
				"FORBIDDEN");
		// readers only
		for (Role role : List.of(Role.GRID_MEMBER, Role.TEAM_COORDINATOR, Role.DASHBOARD_VIEWER)) {
			assertErrorType(world.as(tree.account("r" + role.ordinal(), role, town)).documentName("talkLog")
				.variable("input", talkInput(campaign, village)).execute(), "FORBIDDEN");
		}
		assertThat(count("talk")).isEqualTo(before);
		outreach.documentName("talkLog").variable("input", talkInput(campaign, town)).execute()
			.path("talkLog.userErrors").entityList(Object.class).hasSize(0);
		chief.documentName("talkLog").variable("input", talkInput(campaign, village)).execute()
			.path("talkLog.userErrors").entityList(Object.class).hasSize(0);
		assertThat(count("talk")).isEqualTo(before + 2);

		// reading: everyone but the dashboard viewer, and only inside the jurisdiction
		ok(talks.log(system, input(campaign, otherVillage, at(3), 40, null, OutreachTheme.ANTI_FRAUD)));
		outreach.documentName("talksWithSpeakersAndCampaigns").execute()
			.path("talks.totalCount").entity(Integer.class).isEqualTo(2);
		world.as(tree.account("admin", Role.BUREAU_ADMIN, county)).documentName("talksWithSpeakersAndCampaigns").execute()
			.path("talks.totalCount").entity(Integer.class).isEqualTo(3);
		assertErrorType(world.as(tree.account("viewer", Role.DASHBOARD_VIEWER, county))
			.documentName("talksWithSpeakersAndCampaigns").execute(), "FORBIDDEN");
	}

	@Test
	void aReSentTalkWithTheSameKeyIsCountedOnce() {
		Map<String, Object> input = talkInput(campaign, village);
		input.put("idempotencyKey", "phone-talk-0001");
		String first = officerLi.documentName("talkLog").variable("input", input).execute()
			.path("talkLog.talk.id").entity(String.class).get();
		long after = count("talk");
		officerLi.documentName("talkLog").variable("input", input).execute()
			.path("talkLog.talk.id").entity(String.class).isEqualTo(first);
		assertThat(count("talk")).isEqualTo(after);
		assertThat(campaigns.reach(system, List.of(campaign)).get(campaign.id()).peopleReached()).isEqualTo(60);

		// the same key from another account is another talk
		String other = chief.documentName("talkLog").variable("input", input).execute()
			.path("talkLog.talk.id").entity(String.class).get();
		assertThat(other).isNotEqualTo(first);

		// the key reused for a different talk is refused
		input.put("heldAt", at(2).toString());
		officerLi.documentName("talkLog").variable("input", input).execute()
			.path("talkLog.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(count("talk")).isEqualTo(after + 1);
	}

	@Test
	void aReSentTalkIsForbiddenOnceTheAccountNoLongerCoversItsAreaAndWritesNothing() {
		Map<String, Object> input = talkInput(campaign, village);
		input.put("idempotencyKey", "phone-talk-rescoped");
		String first = officerLi.documentName("talkLog").variable("input", input).execute()
			.path("talkLog.userErrors").entityList(Object.class).hasSize(0)
			.path("talkLog.talk.id").entity(String.class).get();

		// the bureau moves officer Li to 京华村 in the next town
		GraphQlTester admin = chiefOfCounty();
		String username = county.code() + ".officer.li";
		admin.documentName("accountUpdate")
			.variable("input", Map.of("id", world.accountId(username), "scopeAreaIds", List.of(otherVillage.id())))
			.execute().path("accountUpdate.userErrors").entityList(Object.class).hasSize(0);
		long before = rows();
		assertErrorType(officerLi.documentName("talk").variable("id", first).execute(), "FORBIDDEN");
		assertErrorType(officerLi.documentName("talkLog").variable("input", input).execute(), "FORBIDDEN");
		assertThat(rows()).isEqualTo(before);
		assertThat(campaigns.reach(system, List.of(campaign)).get(campaign.id()).talks()).isEqualTo(1);

		admin.documentName("accountUpdate")
			.variable("input", Map.of("id", world.accountId(username), "scopeAreaIds", List.of(village.id())))
			.execute().path("accountUpdate.userErrors").entityList(Object.class).hasSize(0);
		officerLi.documentName("talkLog").variable("input", input).execute()
			.path("talkLog.talk.id").entity(String.class).isEqualTo(first);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void eightSimultaneousCopiesOfATalkLogOneTalk() throws Exception {
		Caller caller = new Caller("race-" + county.code(), "race", Role.BUREAU_ADMIN, List.of(county.id()));
		TalkLogInput input = input(campaign, village, at(1), 75, "race-key-" + county.code(), OutreachTheme.ANTI_FRAUD);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Long>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return talks.log(caller, input).value().id();
			}));
		}
		start.countDown();
		Set<Long> ids = new HashSet<>();
		for (Future<Long> result : results) {
			ids.add(result.get());
		}
		pool.shutdown();
		assertThat(ids).hasSize(1);
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM talk WHERE logged_by = ?").param(caller.subject())
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(campaigns.reach(system, List.of(campaign)).get(campaign.id()).talks()).isEqualTo(1);
		assertThat(campaigns.reach(system, List.of(campaign)).get(campaign.id()).peopleReached()).isEqualTo(75);
	}

	@Test
	void speakerTeamsComeFromTheJurisdictionOrFromAboveTheTalksAreaAndForeignOnesAreNotNamed() {
		TeamView foreign = ok(teams.createTeam(system, new TeamCreateInput("京华园巡逻队", TeamKind.PATROL, otherTown.id(), null, null)));
		TeamView sibling = ok(teams.createTeam(system, new TeamCreateInput("北王庄调解队", TeamKind.MEDIATION,
				tree.child(town, "北王庄村").id(), null, null)));
		TeamView townTeam = ok(teams.createTeam(system, new TeamCreateInput("五防宣传宣讲团", TeamKind.PATROL, town.id(), null, null)));
		long before = rows();
		for (TeamView refused : List.of(foreign, sibling)) {
			Map<String, Object> input = talkInput(campaign, village);
			input.put("speakerTeamIds", List.of(refused.id()));
			GraphQlTester.Response response = officerLi.documentName("talkLog").variable("input", input).execute();
			assertCode(response, "talkLog", "NOT_FOUND", "speakerTeamIds");
			assertThat(String.join(" ", response.path("talkLog.userErrors[*].message").entityList(String.class).get()))
				.doesNotContain(refused.name());
		}
		assertThat(rows()).isEqualTo(before);

		Map<String, Object> input = talkInput(campaign, village);
		input.put("speakerTeamIds", List.of(team.id(), townTeam.id()));
		String id = officerLi.documentName("talkLog").variable("input", input).execute()
			.path("talkLog.userErrors").entityList(Object.class).hasSize(0)
			.path("talkLog.talk.speakerTeams[*].name").entityList(String.class).contains("五老街长团队", "五防宣传宣讲团").hasSize(2)
			.path("talkLog.talk.id").entity(String.class).get();
		before = rows();
		GraphQlTester.Response response = officerLi.documentName("talkCorrect")
			.variable("input", Map.of("talkId", id, "reason", "补记宣讲队伍", "speakerTeamIds", List.of(team.id(), foreign.id())))
			.execute();
		assertCode(response, "talkCorrect", "NOT_FOUND", "speakerTeamIds");
		assertThat(String.join(" ", response.path("talkCorrect.userErrors[*].message").entityList(String.class).get()))
			.doesNotContain(foreign.name());
		assertThat(rows()).isEqualTo(before);
		outreach.documentName("talkLog").variable("input", input.entrySet().stream()
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
						e -> e.getKey().equals("speakerTeamIds") ? List.of(sibling.id()) : e.getValue())))
			.execute()
			.path("talkLog.userErrors").entityList(Object.class).hasSize(0)
			.path("talkLog.talk.speakerTeams[*].name").entityList(String.class).containsExactly("北王庄调解队");
	}

	@Test
	void aTalksSpeakerTeamsAndCampaignShowOnlyWhatTheReaderMaySee() {
		Map<String, Object> input = talkInput(campaign, village);
		TeamView foreign = ok(teams.createTeam(system, new TeamCreateInput("京华园巡逻队", TeamKind.PATROL, otherTown.id(), null, null)));
		input.put("speakerTeamIds", List.of(team.id(), foreign.id()));
		String id = chiefOfCounty().documentName("talkLog").variable("input", input).execute()
			.path("talkLog.userErrors").entityList(Object.class).hasSize(0)
			.path("talkLog.talk.speakerTeams[*].name").entityList(String.class).contains("五老街长团队", "京华园巡逻队").hasSize(2)
			.path("talkLog.talk.id").entity(String.class).get();
		String query = "query($id: ID!) { talk(id: $id) { campaign { id } speakerTeams { name } } }";
		officerLi.document(query).variable("id", id).execute()
			.path("talk.campaign.id").entity(String.class).isEqualTo(String.valueOf(campaign.id()))
			.path("talk.speakerTeams[*].name").entityList(String.class).containsExactly("五老街长团队");
	}

	@Test
	void campaignsByIdLeaveOutWhatTheCampaignsQueryWouldNotList() {
		assertThat(campaigns.campaignsByIds(new Caller("x", "x", Role.OUTREACH_STAFF, List.of(otherTown.id())),
				List.of(activeCampaign("七里营镇禁毒宣传", town, List.of(OutreachTheme.ANTI_DRUG), null).id(), campaign.id())))
			.containsOnlyKeys(campaign.id());
	}

	@Test
	void correctionsKeepWhoWhenWhyBeforeAndAfterAndReachFollows() {
		String id = officerLi.documentName("talkLog").variable("input", talkInput(campaign, village)).execute()
			.path("talkLog.talk.id").entity(String.class).get();
		Map<String, Object> correction = Map.of("talkId", id, "reason", "点名册复核，实到人数为80人", "audienceCount", 80,
				"themes", List.of("ANTI_FRAUD", "THEFT"));
		officerLi.documentName("talkCorrect").variable("input", correction).execute()
			.path("talkCorrect.userErrors").entityList(Object.class).hasSize(0)
			.path("talkCorrect.talk.audienceCount").entity(Integer.class).isEqualTo(80)
			.path("talkCorrect.talk.corrections[0].correctedBy").entity(String.class).isEqualTo(county.code() + ".officer.li")
			.path("talkCorrect.talk.corrections[0].reason").entity(String.class).isEqualTo("点名册复核，实到人数为80人")
			.path("talkCorrect.talk.corrections[0].changes[?(@.field == 'audienceCount')].before").entityList(String.class).containsExactly("60")
			.path("talkCorrect.talk.corrections[0].changes[?(@.field == 'audienceCount')].after").entityList(String.class).containsExactly("80")
			.path("talkCorrect.talk.corrections[0].changes[?(@.field == 'themes')].after").entityList(String.class).containsExactly("ANTI_FRAUD,THEFT");
		assertThat(campaigns.reach(system, List.of(campaign)).get(campaign.id()).peopleReached()).isEqualTo(80);

		// a station chief of the town may correct it too; other outreach staff may not
		chief.documentName("talkCorrect").variable("input", Map.of("talkId", id, "reason", "核对照片", "audienceCount", 85))
			.execute().path("talkCorrect.talk.corrections").entityList(Object.class).hasSize(2);
		long before = rows();
		assertErrorType(outreach.documentName("talkCorrect")
			.variable("input", Map.of("talkId", id, "reason", "我觉得不对", "audienceCount", 10)).execute(), "FORBIDDEN");
		// refusals: no reason, nothing changed, a theme outside the campaign, a stale version
		assertCode(officerLi.documentName("talkCorrect").variable("input", Map.of("talkId", id, "reason", " ", "audienceCount", 10))
			.execute(), "talkCorrect", "REQUIRED", "reason");
		assertCode(officerLi.documentName("talkCorrect").variable("input", Map.of("talkId", id, "reason", "重复", "audienceCount", 85))
			.execute(), "talkCorrect", "NOTHING_TO_CORRECT", "talkId");
		assertCode(officerLi.documentName("talkCorrect").variable("input", Map.of("talkId", id, "reason", "改主题",
				"themes", List.of("FIRE"))).execute(), "talkCorrect", "THEME_NOT_IN_CAMPAIGN", "themes");
		assertErrorType(officerLi.documentName("talkCorrect").variable("input", Map.of("talkId", id, "reason", "旧版本",
				"audienceCount", 10, "expectedVersion", 0)).execute(), "CONFLICT");
		assertThat(rows()).isEqualTo(before);
		assertThat(campaigns.reach(system, List.of(campaign)).get(campaign.id()).peopleReached()).isEqualTo(85);
	}

	@Test
	void aWithdrawnTalkStopsCountingButIsKept() {
		String id = officerLi.documentName("talkLog").variable("input", talkInput(campaign, village)).execute()
			.path("talkLog.talk.id").entity(String.class).get();
		log(system, campaign, village, 2, 30, OutreachTheme.THEFT);
		assertThat(campaigns.reach(system, List.of(campaign)).get(campaign.id()).peopleReached()).isEqualTo(90);

		assertErrorType(outreach.documentName("talkWithdraw").variable("input", Map.of("talkId", id, "reason", "误录"))
			.execute(), "FORBIDDEN");
		officerLi.documentName("talkWithdraw").variable("input", Map.of("talkId", id, "reason", "重复录入，误录"))
			.execute()
			.path("talkWithdraw.talk.status").entity(String.class).isEqualTo("WITHDRAWN")
			.path("talkWithdraw.talk.withdrawnReason").entity(String.class).isEqualTo("重复录入，误录");
		assertThat(campaigns.reach(system, List.of(campaign)).get(campaign.id()).peopleReached()).isEqualTo(30);
		assertThat(campaigns.reach(system, List.of(campaign)).get(campaign.id()).talks()).isEqualTo(1);
		officerLi.documentName("talk").variable("id", id).execute()
			.path("talk.status").entity(String.class).isEqualTo("WITHDRAWN")
			.path("talk.audienceCount").entity(Integer.class).isEqualTo(60);

		long before = rows();
		assertCode(officerLi.documentName("talkWithdraw").variable("input", Map.of("talkId", id, "reason", "再撤一次"))
			.execute(), "talkWithdraw", "ALREADY_WITHDRAWN", "talkId");
		assertCode(officerLi.documentName("talkCorrect").variable("input", Map.of("talkId", id, "reason", "改人数",
				"audienceCount", 5)).execute(), "talkCorrect", "ALREADY_WITHDRAWN", "talkId");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void talksPageBackwardsOverTheSameTalksAsForwards() {
		// two talks held at the same second: the id orders them
		for (int daysAgo : List.of(5, 3, 3, 9, 1)) {
			log(system, campaign, village, daysAgo, 40, OutreachTheme.ANTI_FRAUD);
		}
		List<String> forwards = walk(outreach, "talkPage", "talks", Map.of(), 2, false);
		assertThat(forwards).hasSize(5);
		List<TalkView> newestFirst = forwards.stream().map(id -> talks.talk(system, Long.parseLong(id)).orElseThrow()).toList();
		assertThat(newestFirst).extracting(TalkView::heldAt)
			.isSortedAccordingTo(java.util.Comparator.<java.time.Instant>naturalOrder().reversed());
		assertThat(walk(outreach, "talkPage", "talks", Map.of(), 2, true)).isEqualTo(forwards);
		assertThat(walk(outreach, "talkPage", "talks", Map.of(), 3, true)).isEqualTo(forwards);
		assertThat(walk(outreach, "talkPage", "talks", Map.of("from", today.minusDays(6).toString()), 1, true))
			.isEqualTo(forwards.subList(0, 4));

		String tie = outreach.documentName("talkPage").variable("filter", Map.of()).variable("first", 3).execute()
			.path("talks.pageInfo.endCursor").entity(String.class).get();
		outreach.documentName("talkPage").variable("filter", Map.of()).variable("last", 1).variable("before", tie).execute()
			.path("talks.edges[*].node.id").entityList(String.class).containsExactly(forwards.get(1))
			.path("talks.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
			.path("talks.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
	}

	private GraphQlTester bureau;

	private GraphQlTester chiefOfCounty() {
		if (bureau == null) {
			bureau = world.as(tree.account("bureau", Role.BUREAU_ADMIN, county));
		}
		return bureau;
	}
}
