package org.zhufang.officers.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhufang.grids.AreaLevel;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;

/**
 * The demo county's police: seven stations (one per town), their police offices, 102 station
 * officers (43 community officers, 42.2 %) and 142 in bureau departments (so 41.8 % serve in
 * stations, as the bureau reports), village officers for most villages but not all, and four
 * months of visits. Loaded with batch inserts when the officer tables are empty, after the demo
 * county and accounts.
 * <p>
 * Officer 1 is 李卫东, community officer of 七里营派出所 at 龙华医院警务室, responsible for
 * 七里营村, 南王庄村 and 南新村: the villages of the demo account {@code officer.li}, which
 * links to him with {@code personKind=OFFICER, personRef=1}.
 */
@Component
@Order(300)
@ConditionalOnBooleanProperty("zhufang.demo-data.enabled")
class DemoOfficers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOfficers.class);

	/** Station per town: name, code, supervising committee member, officers, community officers. */
	private record StationSpec(String townCode, String name, String code, String member, int officers, int community) {
	}

	private static final List<StationSpec> STATIONS = List.of(
			new StationSpec("410721100", "七里营派出所", "410721-01", "赵国强", 24, 10),
			new StationSpec("410721101", "朗公庙派出所", "410721-02", "孙建军", 13, 6),
			new StationSpec("410721102", "小冀派出所", "410721-03", "周海涛", 14, 6),
			new StationSpec("410721103", "古固寨派出所", "410721-04", "吴志刚", 13, 5),
			new StationSpec("410721104", "翟坡派出所", "410721-05", "郑卫东", 13, 6),
			new StationSpec("410721105", "大召营派出所", "410721-06", "冯立新", 13, 5),
			new StationSpec("410721106", "合河派出所", "410721-07", "陈永明", 12, 5));

	private static final int DEPARTMENT_OFFICERS = 142;

	/** 七里营村, 南王庄村, 南新村: officer.li's villages. */
	private static final List<String> LI_VILLAGES = List.of("410721100201", "410721100203", "410721100204");

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎";

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明",
			"超", "霞", "平", "刚", "辉", "鹏", "建国", "海燕", "志强", "晓东", "红梅", "建华", "永刚", "丽娟", "宏伟", "新民",
			"卫东", "春生", "国栋", "秀英", "振华", "立新", "文博", "子涵", "浩然", "晨曦" };

	private static final String[] PLACES = { "村委会", "卫生室", "小学", "超市", "养殖场", "农资店", "加油站", "幼儿园" };

	private static final String[] SUGGESTIONS = { "希望夜间多巡逻", "村口路灯坏了", "提醒老人防范电信诈骗", "希望多开展法律宣传",
			"非常满意，没有建议" };

	private final JdbcTemplate jdbc;

	private final GridNetwork grids;

	private final Clock clock;

	DemoOfficers(JdbcTemplate jdbc, GridNetwork grids, Clock clock) {
		this.jdbc = jdbc;
		this.grids = grids;
		this.clock = clock;
	}

	private record OfficerRow(long id, long stationId, boolean community, LocalDate joinedOn) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM station) + (SELECT COUNT(*) FROM officer)",
				Integer.class);
		Long countyId = grids.idsByCode(List.of("410721")).get("410721");
		if ((existing != null && existing > 0) || countyId == null) {
			return;
		}
		String countyPath = grids.find(countyId).orElseThrow().path();
		Map<String, AreaView> towns = grids.activeAreasUnder(List.of(countyId), AreaLevel.TOWN).stream()
			.collect(Collectors.toMap(AreaView::code, a -> a));
		List<AreaView> villages = grids.activeAreasUnder(List.of(countyId), AreaLevel.VILLAGE);
		Map<Long, List<AreaView>> gridsOf = grids.activeAreasUnder(List.of(countyId), AreaLevel.GRID).stream()
			.collect(Collectors.groupingBy(AreaView::parentId));
		Timestamp now = Timestamp.from(clock.instant());
		LocalDate today = LocalDate.now(clock);
		Random random = new Random(410721);

		List<Object[]> stations = new ArrayList<>();
		List<Object[]> stationTowns = new ArrayList<>();
		Map<Long, List<AreaView>> villagesOf = new HashMap<>();
		long stationId = 1;
		for (StationSpec spec : STATIONS) {
			AreaView town = towns.get(spec.townCode());
			stations.add(new Object[] { stationId, spec.code(), spec.name(), true, spec.member(), now, now });
			stationTowns.add(new Object[] { stationId, town.id(), town.path() });
			villagesOf.put(stationId, villages.stream().filter(v -> v.path().startsWith(town.path()))
				.sorted(Comparator.comparing(AreaView::code)).toList());
			stationId++;
		}
		jdbc.batchUpdate("INSERT INTO station (id, code, name, has_party_branch, supervising_member, version, created_at, updated_at)"
				+ " VALUES (?, ?, ?, ?, ?, 0, ?, ?)", stations);
		jdbc.batchUpdate("INSERT INTO station_town (station_id, town_id, town_path) VALUES (?, ?, ?)", stationTowns);

		// One village office per station at its first village, and the offices of the report.
		List<Object[]> offices = new ArrayList<>();
		long officeId = 1;
		for (long s = 1; s <= STATIONS.size(); s++) {
			AreaView first = villagesOf.get(s).get(0);
			offices.add(office(officeId++, s, first.name() + "警务室", first, "VILLAGE", first.name() + "村委会院内", false, null, now));
		}
		long longhua = officeId++;
		offices.add(office(longhua, 1, "龙华医院警务室", villageByCode(villagesOf.get(1L), "410721100203"), "HOSPITAL",
				"七里营镇龙华医院门诊楼一层", true, "新乡县龙华医院", now));
		offices.add(office(officeId++, 1, "七里营中学警务室", villagesOf.get(1L).get(1), "SCHOOL", "七里营镇中学东门", false,
				"七里营镇中学", now));
		long xinlianxin = officeId++;
		offices.add(office(xinlianxin, 2, "心连心警务室", villagesOf.get(2L).get(1), "ENTERPRISE", "心连心化工厂区北门",
				false, "河南心连心化学工业集团", now));
		offices.add(office(officeId++, 3, "京华园警务室", villagesOf.get(3L).get(1), "COMMERCIAL", "京华园景区游客中心",
				true, "京华园景区及周边商超", now));
		jdbc.batchUpdate("INSERT INTO police_office (id, station_id, name, area_id, area_path, mode, address, open_24x7,"
				+ " partner_organisation, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", offices);

		// Officers: 李卫东 first (officer.li), then the stations', then the departments'.
		List<Object[]> officers = new ArrayList<>();
		List<OfficerRow> rows = new ArrayList<>();
		long officerId = 1;
		int newThisYear = 0;
		for (int s = 0; s < STATIONS.size(); s++) {
			StationSpec spec = STATIONS.get(s);
			long station = s + 1;
			for (int i = 0; i < spec.officers(); i++) {
				boolean community = i < spec.community();
				String name;
				Long office = null;
				String rank;
				String kind = community || i % 2 == 0 ? "POLICE" : "AUXILIARY";
				if (station == 1 && i == 0) {
					name = "李卫东";
					office = longhua;
					rank = "一级警长";
				}
				else if (station == 1 && i == spec.community()) {
					name = "张晓峰";
					rank = "三级高级警长";
					kind = "POLICE";
				}
				else if (station == 1 && i == spec.community() + 1) {
					name = "李秀云";
					rank = "辅警";
					kind = "AUXILIARY";
				}
				else if (station == 2 && i == 0) {
					name = "刘建军";
					office = xinlianxin;
					rank = "二级警长";
				}
				else {
					name = name(random);
					rank = kind.equals("POLICE") ? (random.nextBoolean() ? "三级警长" : "一级警员") : "辅警";
				}
				LocalDate joined = newThisYear < 22 && i % 5 == 4
						? today.minusDays(20 + random.nextInt(300))
						: today.minusYears(1).minusDays(random.nextInt(15 * 365));
				if (i % 5 == 4 && newThisYear < 22) {
					newThisYear++;
				}
				officers.add(officer(officerId, name, kind, rank, random, station, office, community, joined, countyPath, now));
				rows.add(new OfficerRow(officerId, station, community, joined));
				officerId++;
			}
		}
		for (int i = 0; i < DEPARTMENT_OFFICERS; i++) {
			LocalDate joined = today.minusYears(1).minusDays(random.nextInt(20 * 365));
			officers.add(officer(officerId++, name(random), i % 4 == 3 ? "AUXILIARY" : "POLICE",
					i % 4 == 3 ? "辅警" : "一级警长", random, null, null, false, joined, countyPath, now));
		}
		jdbc.batchUpdate("INSERT INTO officer (id, name, badge_number, kind, rank_title, phone, station_id, police_office_id,"
				+ " community_officer, joined_on, registered_on, status, bureau_path, version, created_at, updated_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 0, ?, ?)", officers);

		// Village officers: most villages of each town, the last ~12 % left without one.
		List<Object[]> assignments = new ArrayList<>();
		Map<Long, OfficerRow> responsible = new HashMap<>();
		Map<Long, LocalDate> since = new HashMap<>();
		for (long s = 1; s <= STATIONS.size(); s++) {
			long station = s;
			List<OfficerRow> community = rows.stream().filter(r -> r.stationId() == station && r.community()).toList();
			List<AreaView> list = villagesOf.get(s);
			int covered = list.size() - Math.max(1, Math.round(list.size() * 0.12f));
			int next = station == 1 ? 1 : 0;
			for (int v = 0; v < covered; v++) {
				AreaView village = list.get(v);
				OfficerRow officer;
				if (LI_VILLAGES.contains(village.code())) {
					officer = community.get(0);
				}
				else {
					officer = community.get(next);
					next = next + 1 < community.size() ? next + 1 : (station == 1 ? 1 : 0);
				}
				LocalDate start = later(officer.joinedOn(), today.minusMonths(8 + random.nextInt(10)));
				if (v % 7 == 3) {
					OfficerRow before = community.get((community.indexOf(officer) + 1) % community.size());
					LocalDate earlier = later(before.joinedOn(), start.minusYears(2));
					if (earlier.isBefore(start)) {
						assignments.add(new Object[] { village.id(), village.path(), before.id(), Date.valueOf(earlier),
								Date.valueOf(start), "REPLACED", now });
					}
				}
				assignments.add(new Object[] { village.id(), village.path(), officer.id(), Date.valueOf(start), null, null, now });
				responsible.put(village.id(), officer);
				since.put(village.id(), start);
			}
		}
		jdbc.batchUpdate("INSERT INTO village_officer (village_id, village_path, officer_id, started_on, ended_on, end_reason,"
				+ " version, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)", assignments);

		// About four months of visits: each responsible officer every week or two in each village.
		List<Object[]> visits = new ArrayList<>();
		for (AreaView village : villages) {
			OfficerRow officer = responsible.get(village.id());
			if (officer == null) {
				continue;
			}
			List<AreaView> villageGrids = gridsOf.getOrDefault(village.id(), List.of());
			for (LocalDate day = later(since.get(village.id()), today.minusDays(120)).plusDays(random.nextInt(7));
					day.isBefore(today); day = day.plusDays(7 + random.nextInt(7))) {
				visits.add(visit(random, village, villageGrids, officer.id(), day, now));
			}
		}
		jdbc.batchUpdate("INSERT INTO visit (officer_id, village_id, grid_id, area_path, visited_on, address, place_name,"
				+ " purpose, contact_cards, satisfaction, suggestions, notes, logged_by, version, created_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', 0, ?)", visits);
		log.info("Loaded the demo police: {} stations, {} police offices, {} officers, {} village assignments, {} visits",
				stations.size(), offices.size(), officers.size(), assignments.size(), visits.size());
	}

	private static Object[] office(long id, long stationId, String name, AreaView area, String mode, String address,
			boolean open24x7, String partner, Timestamp now) {
		return new Object[] { id, stationId, name, area.id(), area.path(), mode, address, open24x7, partner, now, now };
	}

	private static Object[] officer(long id, String name, String kind, String rank, Random random, Long stationId,
			Long officeId, boolean community, LocalDate joined, String countyPath, Timestamp now) {
		String badge = (kind.equals("POLICE") ? "4107" : "F4107") + String.format("%04d", id);
		String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
		return new Object[] { id, name, badge, kind, rank, phone, stationId, officeId, community, Date.valueOf(joined),
				Date.valueOf(joined), countyPath, now, now };
	}

	private static Object[] visit(Random random, AreaView village, List<AreaView> villageGrids, long officerId,
			LocalDate day, Timestamp now) {
		boolean place = random.nextInt(5) == 0;
		String address = place ? null : village.name() + (1 + random.nextInt(8)) + "组" + (1 + random.nextInt(40)) + "号";
		String placeName = place ? village.name() + PLACES[random.nextInt(PLACES.length)] : null;
		int roll = random.nextInt(100);
		String purpose = roll < 40 ? "ROUTINE" : roll < 65 ? "CONTACT_CARD" : roll < 80 ? "SATISFACTION_SURVEY"
				: roll < 88 ? "HAZARD_CHECK" : roll < 96 ? "DISPUTE_FOLLOW_UP" : "OTHER";
		int cards = purpose.equals("CONTACT_CARD") ? 5 + random.nextInt(16) : random.nextInt(3);
		String satisfaction = null;
		if (purpose.equals("SATISFACTION_SURVEY") || random.nextInt(100) < 50) {
			int s = random.nextInt(100);
			satisfaction = s < 70 ? "VERY_SATISFIED" : s < 92 ? "SATISFIED" : s < 98 ? "NEUTRAL" : "DISSATISFIED";
		}
		String suggestion = random.nextInt(6) == 0 ? SUGGESTIONS[random.nextInt(SUGGESTIONS.length)] : null;
		AreaView grid = villageGrids.isEmpty() || random.nextBoolean() ? null
				: villageGrids.get(random.nextInt(villageGrids.size()));
		return new Object[] { officerId, village.id(), grid == null ? null : grid.id(),
				grid == null ? village.path() : grid.path(), Date.valueOf(day), address, placeName, purpose, cards,
				satisfaction, suggestion, null, now };
	}

	private static AreaView villageByCode(List<AreaView> villages, String code) {
		return villages.stream().filter(v -> v.code().equals(code)).findFirst().orElse(villages.get(0));
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static String name(Random random) {
		int surname = random.nextInt(SURNAMES.length());
		return SURNAMES.substring(surname, surname + 1) + GIVEN[random.nextInt(GIVEN.length)];
	}
}
