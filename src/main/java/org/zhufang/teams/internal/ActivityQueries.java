package org.zhufang.teams.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhufang.shared.ScopeSql;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.Cursor;
import org.zhufang.shared.paging.PageRequest;
import org.zhufang.teams.ActivityKind;
import org.zhufang.teams.ActivityView;
import org.zhufang.teams.HoursSummary;
import org.zhufang.teams.ParticipantView;
import org.zhufang.teams.RankedHours;

/** Activities and hours in SQL: pages per team, hours summed per volunteer, team and area, rankings. */
@Repository
public class ActivityQueries {

	public static final String CURSOR = "activity";

	private static final String COLUMNS = "a.id, a.team_id, a.kind, a.occurred_on, a.area_id, a.area_path, a.outcome, "
			+ "a.shift_id, (SELECT COUNT(*) FROM activity_participant p WHERE p.activity_id = a.id) AS participants, "
			+ "(SELECT COALESCE(SUM(p.hours), 0) FROM activity_participant p WHERE p.activity_id = a.id) AS total_hours";

	private static final RowMapper<ActivityView> ACTIVITY = (rs, n) -> activity(rs);

	private final JdbcClient jdbc;

	ActivityQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ActivityView> activity(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM activity a WHERE a.id = :id").param("id", id).query(ACTIVITY)
			.optional();
	}

	public Optional<Long> idByIdempotencyKey(String loggedBy, String key) {
		return jdbc.sql("SELECT id FROM activity WHERE logged_by = :by AND idempotency_key = :key")
			.param("by", loggedBy).param("key", key).query(Long.class).optional();
	}

	/** Each team's activities, latest first, a page each, in one statement; teams at home inside the scope only. */
	public Map<Long, Connection<ActivityView>> activitiesOf(Collection<Long> teamIds, List<String> scope,
			PageRequest page, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		params.put("teams", teamIds);
		String inScope = " AND EXISTS (SELECT 1 FROM team t WHERE t.id = a.team_id AND "
				+ ScopeSql.underAny("t.area_path", scope, "scope", params) + ")";
		params.put("limit", page.fetchSize());
		String cursor = "";
		if (page.after() != null) {
			String[] key = Cursor.decode(CURSOR, page.after()).split("/");
			try {
				params.put("cDate", Date.valueOf(LocalDate.parse(key[0])));
				params.put("cId", Long.parseLong(key[1]));
			}
			catch (RuntimeException ex) {
				throw new org.zhufang.shared.BadRequestException("Invalid cursor");
			}
			cursor = " AND (a.occurred_on < :cDate OR (a.occurred_on = :cDate AND a.id < :cId))";
		}
		String sql = "SELECT * FROM (SELECT " + COLUMNS
				+ ", ROW_NUMBER() OVER (PARTITION BY a.team_id ORDER BY a.occurred_on DESC, a.id DESC) AS rn"
				+ " FROM activity a WHERE a.team_id IN (:teams)" + inScope + cursor + ") a WHERE a.rn <= :limit ORDER BY a.team_id, a.rn";
		Map<Long, List<ActivityView>> rows = new HashMap<>();
		jdbc.sql(sql).params(params).query(ACTIVITY).stream()
			.forEach(a -> rows.computeIfAbsent(a.teamId(), k -> new ArrayList<>()).add(a));
		Map<Long, Integer> counts = new HashMap<>();
		if (withCount) {
			jdbc.sql("SELECT a.team_id, COUNT(*) AS n FROM activity a WHERE a.team_id IN (:teams)" + inScope
					+ " GROUP BY a.team_id").params(params).query(rs -> {
					counts.put(rs.getLong("team_id"), rs.getInt("n"));
				});
		}
		Map<Long, Connection<ActivityView>> result = new HashMap<>();
		for (Long teamId : teamIds) {
			result.put(teamId, Connection.of(rows.getOrDefault(teamId, List.of()), page, ActivityQueries::cursorOf,
					withCount ? counts.getOrDefault(teamId, 0) : null));
		}
		return result;
	}

	public Map<Long, List<ParticipantView>> participantsOf(Collection<Long> activityIds) {
		Map<Long, List<ParticipantView>> result = new HashMap<>();
		if (activityIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT activity_id, volunteer_id, hours FROM activity_participant WHERE activity_id IN (:ids)"
				+ " ORDER BY activity_id, hours DESC, volunteer_id").param("ids", activityIds)
			.query((rs, n) -> new ParticipantView(rs.getLong("activity_id"), rs.getLong("volunteer_id"),
					rs.getBigDecimal("hours").doubleValue()))
			.stream().forEach(p -> result.computeIfAbsent(p.activityId(), k -> new ArrayList<>()).add(p));
		return result;
	}

	/** Hours per volunteer for activities dated in [from, to] held inside the scope. */
	public Map<Long, HoursSummary> hoursOfVolunteers(Collection<Long> volunteerIds, List<String> scope, LocalDate from,
			LocalDate to) {
		return grouped("p.volunteer_id", "p.volunteer_id IN (:ids)", volunteerIds, scope, from, to);
	}

	/** Hours per team for activities dated in [from, to] held inside the scope. */
	public Map<Long, HoursSummary> hoursOfTeams(Collection<Long> teamIds, List<String> scope, LocalDate from,
			LocalDate to) {
		return grouped("a.team_id", "a.team_id IN (:ids)", teamIds, scope, from, to);
	}

	/** Hours of activities in an area (and below) inside the scope. */
	public HoursSummary hoursIn(String underPrefix, List<String> scope, LocalDate from, LocalDate to) {
		Map<String, Object> params = areaParams(underPrefix, from, to);
		String scopeCondition = ScopeSql.underAny("a.area_path", scope, "scope", params);
		return jdbc.sql("SELECT COALESCE(SUM(p.hours), 0) AS h, COUNT(DISTINCT a.id) AS n, COUNT(DISTINCT p.volunteer_id) AS v"
				+ " FROM activity a JOIN activity_participant p ON p.activity_id = a.id"
				+ " WHERE a.area_path LIKE :under AND " + scopeCondition + " AND a.occurred_on BETWEEN :from AND :to")
			.params(params)
			.query((rs, n) -> new HoursSummary(rs.getBigDecimal("h").doubleValue(), rs.getInt("n"), rs.getInt("v")))
			.single();
	}

	/**
	 * The volunteers (or teams) with the most hours in activities in an area (and below) inside
	 * the scope; ties share a rank.
	 */
	public List<RankedHours> ranking(boolean teams, String underPrefix, List<String> scope, LocalDate from,
			LocalDate to, int limit) {
		Map<String, Object> params = areaParams(underPrefix, from, to);
		String scopeCondition = ScopeSql.underAny("a.area_path", scope, "scope", params);
		String key = teams ? "a.team_id" : "p.volunteer_id";
		params.put("limit", limit);
		String sql = "SELECT " + key + " AS id, SUM(p.hours) AS h, COUNT(DISTINCT a.id) AS n,"
				+ " RANK() OVER (ORDER BY SUM(p.hours) DESC) AS r"
				+ " FROM activity a JOIN activity_participant p ON p.activity_id = a.id"
				+ " WHERE a.area_path LIKE :under AND " + scopeCondition + " AND a.occurred_on BETWEEN :from AND :to"
				+ " GROUP BY " + key + " ORDER BY h DESC, id LIMIT :limit";
		return jdbc.sql(sql).params(params)
			.query((rs, n) -> new RankedHours(rs.getInt("r"), rs.getLong("id"), rs.getBigDecimal("h").doubleValue(),
					rs.getInt("n")))
			.list();
	}

	private Map<String, Object> areaParams(String underPrefix, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("under", underPrefix + "%");
		params.put("from", Date.valueOf(from));
		params.put("to", Date.valueOf(to));
		return params;
	}

	private Map<Long, HoursSummary> grouped(String key, String condition, Collection<Long> ids, List<String> scope,
			LocalDate from, LocalDate to) {
		Map<Long, HoursSummary> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		params.put("from", Date.valueOf(from));
		params.put("to", Date.valueOf(to));
		String inScope = ScopeSql.underAny("a.area_path", scope, "scope", params);
		jdbc.sql("SELECT " + key + " AS k, SUM(p.hours) AS h, COUNT(DISTINCT a.id) AS n, COUNT(DISTINCT p.volunteer_id) AS v"
				+ " FROM activity a JOIN activity_participant p ON p.activity_id = a.id WHERE " + condition
				+ " AND " + inScope + " AND a.occurred_on BETWEEN :from AND :to GROUP BY " + key)
			.params(params)
			.query(rs -> {
				result.put(rs.getLong("k"), new HoursSummary(rs.getBigDecimal("h").doubleValue(), rs.getInt("n"),
						rs.getInt("v")));
			});
		return result;
	}

	static String cursorOf(ActivityView activity) {
		return Cursor.encode(CURSOR, activity.date() + "/" + activity.id());
	}

	static ActivityView activity(ResultSet rs) throws SQLException {
		return new ActivityView(rs.getLong("id"), rs.getLong("team_id"), ActivityKind.valueOf(rs.getString("kind")),
				rs.getDate("occurred_on").toLocalDate(), rs.getLong("area_id"), rs.getString("area_path"),
				rs.getString("outcome"), Sql.nullableLong(rs, "shift_id"), rs.getInt("participants"),
				rs.getBigDecimal("total_hours").doubleValue());
	}
}
