package org.zhufang.outreach.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhufang.grids.AreaScope;
import org.zhufang.grids.GridNetwork;
import org.zhufang.officers.OfficerFilter;
import org.zhufang.officers.OfficerRoster;
import org.zhufang.officers.OfficerView;
import org.zhufang.shared.AccountDirectory;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Caller;
import org.zhufang.shared.Role;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;
import org.zhufang.teams.TeamFilter;
import org.zhufang.teams.TeamView;
import org.zhufang.teams.Teams;

/**
 * The demo county's outreach, when there is none yet: an anti-fraud campaign with talks in
 * strawberry gardens and village squares, the school anti-bullying campaign
 * (防校园欺凌、为成长护航), the 五防宣传宣讲团 touring all seven towns, last summer's loudspeaker rounds
 * at 小冀's night market (closed), and the 守护美丽乡村、警民共筑平安 lecture tour: 38 counted talks
 * reaching 5,121 people, plus one duplicate withdrawn and one audience corrected. Batch inserts
 * only; runs after the county, the accounts, the police and the teams, and finds what it refers
 * to by natural keys through published APIs (areas by code, officers by badge number, teams by name,
 * and accounts by username through the shared kernel's {@link AccountDirectory}, so that outreach
 * does not depend on the accounts module), never by the ids the other loaders happened to hand out. Without
 * all of them it loads nothing and says what is missing.
 */
@Component
@Order(500)
@ConditionalOnBooleanProperty("zhufang.demo-data.enabled")
class DemoOutreach implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOutreach.class);

	/** Who logs the demo talks: admin, officer.li (李卫东) and outreach.zhang, by username. */
	private static final String ADMIN = "admin";

	private static final String OFFICER_LI = "officer.li";

	private static final String OUTREACH_ZHANG = "outreach.zhang";

	/** Speakers by badge number: 李卫东, 张晓峰 of 七里营派出所, 刘建军 of 朗公庙派出所. */
	private static final String LI_WEIDONG = "41070001";

	private static final String ZHANG_XIAOFENG = "41070011";

	private static final String LIU_JIANJUN = "41070025";

	/** The first two community officers of 小冀派出所, on the night-market rounds. */
	private static final String[] XIAOJI_OFFICERS = { "41070038", "41070039" };

	/** Department officers of the county-wide 五防宣传宣讲团. */
	private static final String[] LECTURE_TEAM_OFFICERS = { "41070103", "41070104", "41070105" };

	private static final List<String> USERNAMES = List.of(ADMIN, OFFICER_LI, OUTREACH_ZHANG);

	private static final List<String> BADGES = List.of(LI_WEIDONG, ZHANG_XIAOFENG, LIU_JIANJUN, XIAOJI_OFFICERS[0],
			XIAOJI_OFFICERS[1], LECTURE_TEAM_OFFICERS[0], LECTURE_TEAM_OFFICERS[1], LECTURE_TEAM_OFFICERS[2]);

	private static final String WULAO = "五老街长团队";

	private static final String TAISHAN = "泰山志愿服务团队";

	private static final String NIGHT_MARKET_PATROL = "小冀夜市巡逻队";

	private static final List<String> TEAM_NAMES = List.of(WULAO, TAISHAN, NIGHT_MARKET_PATROL);

	private final JdbcTemplate jdbc;

	private final GridNetwork grids;

	private final AreaScope scope;

	private final AccountDirectory accountDirectory;

	private final OfficerRoster officerRoster;

	private final Teams teamRegistry;

	private final Clock clock;

	private final List<Object[]> talks = new ArrayList<>();

	private final List<Object[]> themes = new ArrayList<>();

	private final List<Object[]> officers = new ArrayList<>();

	private final List<Object[]> teams = new ArrayList<>();

	private Map<String, Long> areas;

	private Map<String, String> accountIds;

	private Map<String, Long> officerIds;

	private Map<String, Long> teamIds;

	private Timestamp now;

	private long nextTalk = 1;

	DemoOutreach(JdbcTemplate jdbc, GridNetwork grids, AreaScope scope, AccountDirectory accountDirectory,
			OfficerRoster officerRoster, Teams teamRegistry, Clock clock) {
		this.jdbc = jdbc;
		this.grids = grids;
		this.scope = scope;
		this.accountDirectory = accountDirectory;
		this.officerRoster = officerRoster;
		this.teamRegistry = teamRegistry;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM campaign", Integer.class);
		List<String> codes = List.of("410721", "410721100", "410721101", "410721102", "410721103", "410721104",
				"410721105", "410721106", "410721100201", "410721100203", "410721100204", "410721100205",
				"410721100207", "410721101201", "410721102201", "410721102202", "410721103201", "410721104201",
				"410721104202", "410721105201", "410721106201");
		areas = grids.idsByCode(codes);
		if ((existing != null && existing > 0) || areas.size() < codes.size()) {
			return;
		}
		Set<String> missing = resolve(new Caller("0", "demo-data", Role.BUREAU_ADMIN, List.of(areas.get("410721"))));
		if (!missing.isEmpty()) {
			log.warn("Demo outreach skipped: the demo county lacks {}", missing);
			return;
		}
		now = Timestamp.from(clock.instant());
		LocalDate today = LocalDate.now(clock.withZone(BureauClock.ZONE));
		int summerYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;

		jdbc.batchUpdate("""
				INSERT INTO campaign (id, name, themes, area_id, area_path, starts_on, ends_on, reach_target, description,
				                      status, activated_at, closed_at, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""", List.of(
				campaign(1, "反诈宣传进万家", "ANTI_FRAUD", "410721", today.minusDays(150), today.plusDays(60), 3000,
						"反诈宣传走进草莓园、村广场，助力乡村振兴；现场指导安装国家反诈中心APP", "ACTIVE"),
				campaign(2, "防校园欺凌、为成长护航", "ANTI_BULLYING,LEGAL", "410721100", today.minusDays(90),
						today.plusDays(30), 2000, "“防校园欺凌、为成长护航”主题安全教育活动走进辖区中小学", "ACTIVE"),
				campaign(3, "五防宣传宣讲团巡回宣讲", "ANTI_DRUG,ANTI_FRAUD,DISPUTE_PREVENTION,SAFETY_ACCIDENTS,THEFT", "410721",
						today.minusDays(120), today.plusDays(90), 5000,
						"反诈、治安、交警、消防、禁赌宣传能手组成的“五防宣传宣讲团”深入乡镇村居、田间地头，普及防盗、防骗、防毒、防矛盾纠纷、防治安灾害事故常识", "ACTIVE"),
				campaign(4, "夏夜喇叭警务·小冀夜市", "ANTI_FRAUD,TRAFFIC", "410721102", LocalDate.of(summerYear, 6, 1),
						LocalDate.of(summerYear, 8, 31), null, "夜经济护航小队在网红小吃街用小喇叭提醒：喝酒不开车，开车不喝酒", "CLOSED"),
				campaign(5, "守护美丽乡村、警民共筑平安", "ANTI_FRAUD,DISPUTE_PREVENTION,LEGAL", "410721", today.minusDays(60),
						today.plusDays(120), 500, "巡回宣讲活动", "ACTIVE")));

		// 1. Anti-fraud in strawberry gardens and village squares (1,160 people)
		String[][] gardens = { { "410721100201", "七里营村草莓园" }, { "410721100203", "南王庄村草莓园" },
				{ "410721100204", "南新村村广场" }, { "410721100205", "东曹村草莓采摘园" }, { "410721100207", "八柳树村文化广场" },
				{ "410721104201", "翟坡村村广场" } };
		int[] audience = { 85, 120, 64, 150, 96, 73, 110, 58, 132, 90, 77, 105 };
		for (int i = 0; i < audience.length; i++) {
			String[] place = gardens[i % gardens.length];
			boolean square = place[1].contains("广场");
			boolean li = place[0].startsWith("410721100") && !place[0].endsWith("205") && !place[0].endsWith("207");
			String by = place[0].startsWith("410721104") ? OUTREACH_ZHANG : li ? OFFICER_LI : ADMIN;
			talk(1, place[0], today.minusDays(140 - i * 11), LocalTime.of(i % 2 == 0 ? 9 : 16, 30),
					square ? "VILLAGE_SQUARE" : "FIELD", place[1], "LECTURE", "ANTI_FRAUD", audience[i],
					square ? "RESIDENTS" : "MIXED", audience[i] + 20, audience[i] / 6, speakers(LI_WEIDONG), team(WULAO), by,
					square ? null : "草莓大棚前讲解刷单返利、冒充客服等诈骗手法");
		}
		// the same talk sent twice from a phone without a key, withdrawn
		long duplicate = talk(1, "410721100201", today.minusDays(140), LocalTime.of(9, 30), "FIELD", "七里营村草莓园",
				"LECTURE", "ANTI_FRAUD", 85, "MIXED", 105, 14, speakers(LI_WEIDONG), team(WULAO), OFFICER_LI, null);

		// 2. Anti-bullying in schools (1,810 students)
		String[][] schools = { { "410721100", "七里营镇第一初级中学" }, { "410721100201", "七里营村小学" },
				{ "410721100203", "南王庄村小学" }, { "410721100", "七里营镇中心学校" }, { "410721100204", "南新村小学" },
				{ "410721100205", "东曹村小学" } };
		int[] students = { 320, 280, 450, 260, 310, 190 };
		for (int i = 0; i < students.length; i++) {
			talk(2, schools[i][0], today.minusDays(80 - i * 12), LocalTime.of(10, 0), "SCHOOL", schools[i][1], "LECTURE",
					i % 2 == 0 ? "ANTI_BULLYING,LEGAL" : "ANTI_BULLYING", students[i], "STUDENTS", students[i], 0,
					speakers(ZHANG_XIAOFENG), List.of(), ADMIN, null);
		}
		// 3. The five-prevention lecture team in every town (1,340 people)
		String[] towns = { "410721100", "410721101", "410721102", "410721103", "410721104", "410721105", "410721106" };
		int[] tour = { 260, 180, 210, 150, 230, 170, 140 };
		long corrected = 0;
		for (int i = 0; i < towns.length; i++) {
			long id = talk(3, towns[i], today.minusDays(110 - i * 14), LocalTime.of(14, 30), i % 3 == 0 ? "FIELD" : "VILLAGE_SQUARE",
					i % 3 == 0 ? "田间地头宣讲点" : "镇政府广场", i % 2 == 0 ? "PERFORMANCE" : "LECTURE",
					"ANTI_DRUG,ANTI_FRAUD,DISPUTE_PREVENTION,SAFETY_ACCIDENTS,THEFT", tour[i], "MIXED", tour[i] * 2,
					tour[i] / 5, speakers(LECTURE_TEAM_OFFICERS), List.of(),
					towns[i].equals("410721104") ? OUTREACH_ZHANG : ADMIN,
					"五防宣传宣讲团：发放宣传资料、面对面宣讲、拉微信群");
			if (i == 1) {
				corrected = id;
			}
		}
		// 4. Summer loudspeaker rounds at 小冀's night market (580 people, campaign closed)
		int[] rounds = { 60, 75, 90, 55, 80, 70, 65, 85 };
		for (int i = 0; i < rounds.length; i++) {
			talk(4, i % 2 == 0 ? "410721102201" : "410721102202", LocalDate.of(summerYear, 6, 6).plusDays(i * 11L),
					LocalTime.of(21, 0), "NIGHT_MARKET", "小冀镇网红小吃街夜市", "LOUDSPEAKER", i % 2 == 0 ? "TRAFFIC" : "ANTI_FRAUD,TRAFFIC",
					rounds[i], "MERCHANTS", 30, i % 2 == 0 ? 0 : 4, speakers(XIAOJI_OFFICERS), team(NIGHT_MARKET_PATROL), ADMIN,
					"喝酒不开车，开车不喝酒");
		}
		// 5. 守护美丽乡村、警民共筑平安 lecture tour (231 people)
		String[] villages = { "410721101201", "410721103201", "410721104202", "410721105201", "410721106201" };
		int[] lecture = { 48, 36, 52, 40, 55 };
		for (int i = 0; i < villages.length; i++) {
			talk(5, villages[i], today.minusDays(50 - i * 9), LocalTime.of(19, 30), "VILLAGE_SQUARE", "村文化广场", "LECTURE",
					i % 2 == 0 ? "ANTI_FRAUD,LEGAL" : "DISPUTE_PREVENTION,LEGAL", lecture[i], "RESIDENTS", lecture[i],
					lecture[i] / 8, speakers(LIU_JIANJUN), team(TAISHAN),
					villages[i].startsWith("410721104") ? OUTREACH_ZHANG : ADMIN, null);
		}

		jdbc.batchUpdate("""
				INSERT INTO talk (id, campaign_id, area_id, area_path, held_at, held_on, venue_kind, venue_name, format,
				                  audience_count, audience_kind, materials, app_installs, notes, status, logged_by,
				                  logged_by_name, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'COUNTED', ?, ?, 1, ?, ?)""", talks);
		jdbc.batchUpdate("INSERT INTO talk_theme (talk_id, theme) VALUES (?, ?)", themes);
		jdbc.batchUpdate("INSERT INTO talk_officer (talk_id, officer_id) VALUES (?, ?)", officers);
		jdbc.batchUpdate("INSERT INTO talk_team (talk_id, team_id) VALUES (?, ?)", teams);
		jdbc.update("UPDATE talk SET status = 'WITHDRAWN', withdrawn_reason = ?, withdrawn_by = ?, withdrawn_at = ?,"
				+ " version = 2 WHERE id = ?", "网络不好重复提交，误录", accountIds.get(OFFICER_LI), now, duplicate);
		jdbc.update("UPDATE talk SET version = 2 WHERE id = ?", corrected);
		jdbc.update("INSERT INTO talk_correction (talk_id, talk_version, field, before_value, after_value, reason,"
				+ " corrected_by, corrected_by_name, corrected_at) VALUES (?, 2, 'audienceCount', '160', '180', ?, ?, ?, ?)",
				corrected, "按签到表复核，实到180人", accountIds.get(ADMIN), ADMIN, now);
		log.info("Demo outreach ready: 5 campaigns, {} talks", talks.size());
	}

	private Object[] campaign(long id, String name, String themeNames, String areaCode, LocalDate startsOn,
			LocalDate endsOn, Integer target, String description, String status) {
		long areaId = areas.get(areaCode);
		return new Object[] { id, name, themeNames, areaId, scope.pathOf(areaId), Date.valueOf(startsOn),
				Date.valueOf(endsOn), target, description, status, now, "CLOSED".equals(status) ? now : null, now, now };
	}

	private long talk(long campaignId, String areaCode, LocalDate on, LocalTime at, String venueKind, String venueName,
			String format, String themeNames, int audience, String audienceKind, int materials, int installs,
			List<Long> speakerOfficers, List<Long> speakerTeams, String username, String notes) {
		long id = nextTalk++;
		long areaId = areas.get(areaCode);
		Timestamp heldAt = Timestamp.from(on.atTime(at).atZone(BureauClock.ZONE).toInstant());
		talks.add(new Object[] { id, campaignId, areaId, scope.pathOf(areaId), heldAt, Date.valueOf(on), venueKind,
				venueName, format, audience, audienceKind, materials, installs, notes, accountIds.get(username), username,
				now, now });
		Set<String> distinct = new HashSet<>(List.of(themeNames.split(",")));
		distinct.forEach(theme -> themes.add(new Object[] { id, theme }));
		speakerOfficers.forEach(officer -> officers.add(new Object[] { id, officer }));
		speakerTeams.forEach(team -> teams.add(new Object[] { id, team }));
		return id;
	}

	/**
	 * Finds the demo accounts, speakers and teams through their modules' APIs, read as the bureau
	 * (scoped to the demo county) would; answers what is missing.
	 */
	private Set<String> resolve(Caller bureau) {
		PageRequest page = PageRequest.first(PageRequest.MAX_SIZE, null);
		accountIds = new HashMap<>();
		USERNAMES.forEach(username -> accountDirectory.subjectOf(username)
			.ifPresent(subject -> accountIds.put(username, subject)));
		officerIds = lookUp(BADGES, badge -> officerRoster.officers(bureau,
				new OfficerFilter(null, null, null, null, null, badge), page, false), OfficerView::badgeNumber,
				OfficerView::id);
		teamIds = lookUp(TEAM_NAMES, name -> teamRegistry.teams(bureau, new TeamFilter(null, null, null, name), page,
				false), TeamView::name, TeamView::id);
		Set<String> missing = new TreeSet<>();
		USERNAMES.stream().filter(u -> !accountIds.containsKey(u)).forEach(u -> missing.add("account " + u));
		BADGES.stream().filter(b -> !officerIds.containsKey(b)).forEach(b -> missing.add("officer " + b));
		TEAM_NAMES.stream().filter(t -> !teamIds.containsKey(t)).forEach(t -> missing.add("team " + t));
		return missing;
	}

	private List<Long> speakers(String... badges) {
		return Arrays.stream(badges).map(officerIds::get).toList();
	}

	private List<Long> team(String name) {
		return List.of(teamIds.get(name));
	}

	/**
	 * The id of each key found by searching a list for it: searches match parts of names, so only
	 * rows whose key is exactly the one asked for count.
	 */
	private static <T, I> Map<String, I> lookUp(Collection<String> keys, Function<String, Connection<T>> search,
			Function<T, String> keyOf, Function<T, I> idOf) {
		Map<String, I> found = new HashMap<>();
		for (String key : keys) {
			search.apply(key).edges().stream().map(Connection.Edge::node).filter(row -> key.equals(keyOf.apply(row)))
				.findFirst().ifPresent(row -> found.put(key, idOf.apply(row)));
		}
		return found;
	}
}
