package org.zhufang.teams.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.zhufang.shared.BureauClock;

/**
 * The demo county's volunteer teams, when there are none yet: 五老街长团队 in 七里营,
 * 泰山志愿服务团队 in 翟坡 with its weekly patrol, a night-market patrol in 小冀 with a rota of
 * Friday and Saturday evenings through the latest summer (June to August), 300 volunteers (some on
 * two teams), and three months of Wednesday patrols and mediations around today. Batch inserts only; runs after the county and the accounts.
 */
@Component
@Order(400)
@ConditionalOnBooleanProperty("zhufang.demo-data.enabled")
class DemoTeams implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTeams.class);

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡" };

	private static final String[] GIVEN = { "建国", "素琴", "志强", "秀英", "国华", "玉兰", "卫东", "桂芳", "海涛", "丽娟", "振华", "春梅",
			"德胜", "红霞", "明亮", "淑珍", "新民", "小燕", "长河", "金凤" };

	private final JdbcTemplate jdbc;

	private final GridNetwork grids;

	private final AreaScope scope;

	private final Clock clock;

	DemoTeams(JdbcTemplate jdbc, GridNetwork grids, AreaScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.grids = grids;
		this.scope = scope;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM team", Integer.class);
		Map<String, Long> towns = grids.idsByCode(List.of("410721100", "410721102", "410721104"));
		if ((existing != null && existing > 0) || towns.size() < 3) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		long qiliying = towns.get("410721100");
		long xiaoji = towns.get("410721102");
		long zhaopo = towns.get("410721104");
		jdbc.batchUpdate("""
				INSERT INTO team (id, name, kind, area_id, area_path, messaging_group, description, status, version,
				                  created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?, ?)""", List.of(
				new Object[] { 1L, "五老街长团队", "MEDIATION", qiliying, scope.pathOf(qiliying), "七里营五老调解群",
						"老干部、老党员、老专家、老教师、老模范调解邻里纠纷", now, now },
				new Object[] { 2L, "泰山志愿服务团队", "PATROL", zhaopo, scope.pathOf(zhaopo), "平安微信群",
						"退役军人和青年志愿者，每周三晚巡逻", now, now },
				new Object[] { 3L, "小冀夜市巡逻队", "PATROL", xiaoji, scope.pathOf(xiaoji), "小冀夜市平安群",
						"夏季夜市周五、周六晚巡逻", now, now }));

		long[] homes = { qiliying, zhaopo, xiaoji };
		List<Object[]> volunteers = new ArrayList<>();
		List<Object[]> memberships = new ArrayList<>();
		// members since before the latest summer's night markets
		LocalDate joined = LocalDate.now(clock).minusMonths(6).withDayOfMonth(1);
		if (joined.getMonthValue() >= 6 && joined.getMonthValue() <= 8) {
			joined = joined.withMonth(5);
		}
		long membershipId = 1;
		for (int i = 0; i < 300; i++) {
			int team = i < 60 ? 1 : i < 220 ? 2 : 3;
			long home = homes[team - 1];
			String tags = switch (team) {
				case 1 -> List.of("RETIRED_CADRE", "PARTY_MEMBER", "EXPERT", "TEACHER", "MODEL_WORKER").get(i % 5)
						+ (i % 3 == 0 ? ",PARTY_MEMBER" : "");
				case 2 -> i % 3 == 0 ? "YOUTH" : "VETERAN";
				default -> i % 2 == 0 ? "YOUTH" : "ENTERPRISE_GUARD";
			};
			String skills = team == 1 ? "LEGAL,MEDIATION" : i % 4 == 0 ? "FIRST_AID" : i % 4 == 1 ? "DRIVING" : "";
			String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length];
			volunteers.add(new Object[] { (long) i + 1, name, String.format("1370373%04d", i), i % 3 == 0 ? "FEMALE" : "MALE",
					team == 1 ? 1950 + i % 15 : 1965 + i % 40, home, scope.pathOf(home), sortedCsv(tags), skills, now, now });
			memberships.add(new Object[] { membershipId++, (long) team, (long) i + 1, i % 40 == 0 ? "LEADER" : "MEMBER",
					Date.valueOf(joined), now });
			if (i >= 200 && i < 220) {
				// young patrol volunteers who also help at the night market
				memberships.add(new Object[] { membershipId++, 3L, (long) i + 1, "MEMBER", Date.valueOf(joined), now });
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO volunteer (id, name, phone, gender, birth_year, area_id, area_path, tags, skills, status,
				                       version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?, ?)""",
				volunteers);
		jdbc.batchUpdate("""
				INSERT INTO team_membership (id, team_id, volunteer_id, role, joined_on, version, created_at)
				VALUES (?, ?, ?, ?, ?, 0, ?)""", memberships);

		Roster roster = new Roster(now);
		LocalDate today = LocalDate.now(clock);
		LocalDate from = today.minusWeeks(12).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		// the night market runs in summer: the latest summer's Fridays and Saturdays, June to August;
		// this year's only from June 8, when its first Friday and Saturday are over and have attendance
		int summer = today.isBefore(LocalDate.of(today.getYear(), 6, 8)) ? today.getYear() - 1 : today.getYear();
		LocalDate summerFrom = LocalDate.of(summer, 6, 1);
		LocalDate summerTo = LocalDate.of(summer, 8, 31);
		jdbc.update("""
				INSERT INTO shift_series (id, team_id, days_of_week, start_time, end_time, from_date, to_date, version,
				                          created_at) VALUES (1, 3, 'FRIDAY,SATURDAY', '19:00', '23:00', ?, ?, 0, ?)""",
				Date.valueOf(summerFrom), Date.valueOf(summerTo), now);
		for (LocalDate day = summerFrom; !day.isAfter(summerTo); day = day.plusDays(1)) {
			if (day.getDayOfWeek() == DayOfWeek.FRIDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY) {
				roster.shift(3, 1L, xiaoji, "NIGHT_MARKET", day, LocalTime.of(19, 0), 4, 3, 8,
						List.of(220L, 221L, 222L, 223L, 224L, 200L + day.getDayOfMonth() % 20));
			}
		}
		for (LocalDate day = from; day.isBefore(today.plusWeeks(8)); day = day.plusDays(1)) {
			if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY && day.isBefore(today.plusWeeks(4))) {
				roster.shift(2, null, zhaopo, "PATROL", day, LocalTime.of(19, 30), 3, 4, 10,
						List.of(61L + day.getDayOfYear() % 100, 62L + day.getDayOfYear() % 100, 63L + day.getDayOfYear() % 100));
			}
			if ((day.getDayOfWeek() == DayOfWeek.TUESDAY || day.getDayOfWeek() == DayOfWeek.THURSDAY)
					&& day.isBefore(today)) {
				roster.activity(1, "MEDIATION", day, qiliying, "调解邻里纠纷一起，当场化解", null,
						List.of(1L + day.getDayOfYear() % 60, 1L + (day.getDayOfYear() + 7) % 60), 2.0);
			}
		}
		roster.flush();
		log.info("Loaded the demo teams: 3 teams, {} volunteers, {} memberships, {} shifts, {} activities",
				volunteers.size(), memberships.size(), roster.shifts.size(), roster.activities.size());
	}

	private static String sortedCsv(String csv) {
		return String.join(",", new java.util.TreeSet<>(List.of(csv.split(","))));
	}

	/** Shifts with sign-ups, attendance of past ones and the activities they became, inserted in batches. */
	private final class Roster {

		final Timestamp now;

		final Instant nowInstant = clock.instant();

		final List<Object[]> shifts = new ArrayList<>();

		final List<Object[]> assignments = new ArrayList<>();

		final List<Object[]> activities = new ArrayList<>();

		final List<Object[]> participants = new ArrayList<>();

		long nextShift = 1;

		long nextActivity = 1;

		Roster(Timestamp now) {
			this.now = now;
		}

		void shift(long team, Long series, long area, String purpose, LocalDate day, LocalTime start, int hours,
				int min, int max, List<Long> volunteers) {
			long id = nextShift++;
			ZonedDateTime startsAt = ZonedDateTime.of(day, start, BureauClock.ZONE);
			ZonedDateTime endsAt = startsAt.plusHours(hours);
			boolean past = endsAt.toInstant().isBefore(nowInstant);
			List<Long> signed = past ? volunteers : volunteers.subList(0, Math.min(2, volunteers.size()));
			shifts.add(new Object[] { id, team, series, area, scope.pathOf(area), Timestamp.from(startsAt.toInstant()),
					Timestamp.from(endsAt.toInstant()), purpose, min, max, signed.size(), past ? "COMPLETED" : "SCHEDULED", now });
			List<Long> present = new ArrayList<>();
			for (int i = 0; i < signed.size(); i++) {
				boolean absent = past && i == signed.size() - 1 && day.getDayOfMonth() % 3 == 0;
				if (past && !absent) {
					present.add(signed.get(i));
				}
				assignments.add(new Object[] { id, signed.get(i), past ? (absent ? "ABSENT" : "PRESENT") : null,
						past && !absent ? Timestamp.from(startsAt.toInstant()) : null,
						past && !absent ? Timestamp.from(endsAt.toInstant()) : null,
						past ? BigDecimal.valueOf(absent ? 0 : hours) : null, now });
			}
			if (past) {
				activity(team, purpose.equals("NIGHT_MARKET") ? "PATROL" : purpose, day, area, null, id, present, hours);
			}
		}

		void activity(long team, String kind, LocalDate day, long area, String outcome, Long shift,
				List<Long> volunteers, double hours) {
			long id = nextActivity++;
			activities.add(new Object[] { id, team, kind, Date.valueOf(day), area, scope.pathOf(area), outcome, shift, now });
			volunteers.stream().distinct().forEach(v -> participants.add(new Object[] { id, v, BigDecimal.valueOf(hours) }));
		}

		void flush() {
			jdbc.batchUpdate("""
					INSERT INTO shift (id, team_id, series_id, area_id, area_path, starts_at, ends_at, purpose,
					                   min_volunteers, max_volunteers, required_skills, signed_up, status, version, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 0, ?)""", shifts);
			jdbc.batchUpdate("""
					INSERT INTO shift_assignment (shift_id, volunteer_id, status, walk_in, attendance, checked_in_at,
					                              checked_out_at, hours, signed_up_at, version)
					VALUES (?, ?, 'SIGNED_UP', FALSE, ?, ?, ?, ?, ?, 0)""", assignments);
			jdbc.batchUpdate("""
					INSERT INTO activity (id, team_id, kind, occurred_on, area_id, area_path, outcome, shift_id, logged_by,
					                      version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'demo', 0, ?)""", activities);
			jdbc.batchUpdate("INSERT INTO activity_participant (activity_id, volunteer_id, hours) VALUES (?, ?, ?)",
					participants);
		}
	}
}
