package org.zhufang.teams.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
import org.zhufang.teams.Attendance;
import org.zhufang.teams.ShiftPurpose;
import org.zhufang.teams.ShiftStatus;
import org.zhufang.teams.ShiftView;
import org.zhufang.teams.SignUpStatus;
import org.zhufang.teams.SignUpView;
import org.zhufang.teams.Skill;

/**
 * The roster in SQL: the guarded statements sign-up relies on under concurrency (a lock on the
 * volunteer, an atomic place count) and the batch loads behind nested fields.
 */
@Repository
public class RosterQueries {

	private static final String SHIFT_COLUMNS = "s.id, s.team_id, s.series_id, s.area_id, s.area_path, s.starts_at, "
			+ "s.ends_at, s.purpose, s.min_volunteers, s.max_volunteers, s.required_skills, s.signed_up, s.status, "
			+ "s.note, s.version";

	private static final String SIGN_UP_COLUMNS = "a.id, a.shift_id, a.volunteer_id, a.status, a.walk_in, a.attendance, "
			+ "a.checked_in_at, a.checked_out_at, a.hours";

	private static final RowMapper<ShiftView> SHIFT = (rs, n) -> shift(rs);

	private static final RowMapper<SignUpView> SIGN_UP = (rs, n) -> signUp(rs);

	private final JdbcClient jdbc;

	RosterQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the volunteer's row until the transaction ends, so that two sign-ups of one volunteer
	 * check for overlapping shifts one after the other. False when there is no such volunteer.
	 */
	public boolean lockVolunteer(long volunteerId) {
		return jdbc.sql("SELECT id FROM volunteer WHERE id = :id FOR UPDATE").param("id", volunteerId)
			.query(Long.class).optional().isPresent();
	}

	/**
	 * Takes a place on a scheduled shift in one guarded UPDATE: of concurrent sign-ups for the last
	 * place, the row lock lets one through and the others find the shift full.
	 */
	public boolean takePlace(long shiftId) {
		return jdbc.sql("UPDATE shift SET signed_up = signed_up + 1 WHERE id = :id AND status = 'SCHEDULED'"
				+ " AND signed_up < max_volunteers").param("id", shiftId).update() == 1;
	}

	public void releasePlace(long shiftId) {
		jdbc.sql("UPDATE shift SET signed_up = signed_up - 1 WHERE id = :id AND signed_up > 0").param("id", shiftId)
			.update();
	}

	/** Whether the volunteer holds a place on another live shift overlapping [start, end). */
	public boolean hasOverlappingShift(long volunteerId, long shiftId, Instant start, Instant end) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM shift_assignment a JOIN shift s ON s.id = a.shift_id
				WHERE a.volunteer_id = :volunteer AND a.status = 'SIGNED_UP' AND s.id <> :shift
				  AND s.status <> 'CANCELLED' AND s.starts_at < :end AND s.ends_at > :start""")
			.param("volunteer", volunteerId).param("shift", shiftId).param("start", Sql.ts(start))
			.param("end", Sql.ts(end)).query(Integer.class).single() > 0;
	}

	public Optional<ShiftView> shift(long id) {
		return jdbc.sql("SELECT " + SHIFT_COLUMNS + " FROM shift s WHERE s.id = :id").param("id", id).query(SHIFT)
			.optional();
	}

	public Map<Long, ShiftView> shifts(Collection<Long> ids) {
		Map<Long, ShiftView> result = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT " + SHIFT_COLUMNS + " FROM shift s WHERE s.id IN (:ids)").param("ids", ids).query(SHIFT)
				.stream().forEach(s -> result.put(s.id(), s));
		}
		return result;
	}

	/** The shifts among {@code ids} of teams at home inside the scope, in one statement. */
	public Map<Long, ShiftView> shifts(Collection<Long> ids, List<String> scope) {
		Map<Long, ShiftView> result = new HashMap<>();
		if (!ids.isEmpty()) {
			Map<String, Object> params = new HashMap<>();
			params.put("ids", ids);
			jdbc.sql("SELECT " + SHIFT_COLUMNS + " FROM shift s JOIN team t ON t.id = s.team_id WHERE s.id IN (:ids)"
					+ " AND " + ScopeSql.underAny("t.area_path", scope, "scope", params)).params(params).query(SHIFT)
				.stream().forEach(s -> result.put(s.id(), s));
		}
		return result;
	}

	/** Scheduled shifts of a series from a start on (the rest of a series). */
	public List<Long> scheduledInSeriesFrom(long seriesId, Instant from) {
		return jdbc.sql("SELECT id FROM shift WHERE series_id = :series AND starts_at >= :from AND status = 'SCHEDULED'"
				+ " ORDER BY starts_at").param("series", seriesId).param("from", Sql.ts(from)).query(Long.class).list();
	}

	/** Scheduled future shifts of a team. */
	public List<Long> scheduledOfTeamFrom(long teamId, Instant from) {
		return jdbc.sql("SELECT id FROM shift WHERE team_id = :team AND starts_at >= :from AND status = 'SCHEDULED'")
			.param("team", teamId).param("from", Sql.ts(from)).query(Long.class).list();
	}

	/**
	 * Cancels scheduled shifts and releases everyone on them: the sign-ups (walk-ins included) are
	 * WITHDRAWN and the places taken back to 0, so the volunteers are free for other shifts at that
	 * time. The shift rows are locked first, like a sign-up taking a place does, so a sign-up racing
	 * the cancellation either lands before it (and is released) or finds the shift cancelled.
	 */
	public int cancel(Collection<Long> shiftIds) {
		if (shiftIds.isEmpty()) {
			return 0;
		}
		int cancelled = jdbc.sql("UPDATE shift SET status = 'CANCELLED', signed_up = 0, version = version + 1"
				+ " WHERE id IN (:ids) AND status = 'SCHEDULED'").param("ids", shiftIds).update();
		jdbc.sql("""
				UPDATE shift_assignment SET status = 'WITHDRAWN', version = version + 1
				WHERE shift_id IN (SELECT id FROM shift WHERE id IN (:ids) AND status = 'CANCELLED')
				  AND status = 'SIGNED_UP'""").param("ids", shiftIds).update();
		return cancelled;
	}

	/**
	 * Locks the shift's row until the transaction ends (recording attendance: a correction waits for
	 * the recording before it). False when there is no such shift.
	 */
	public boolean lockShift(long shiftId) {
		return jdbc.sql("SELECT id FROM shift WHERE id = :id FOR UPDATE").param("id", shiftId).query(Long.class)
			.optional().isPresent();
	}

	/** The shift's status as committed now, not as this transaction first saw it. */
	public Optional<String> currentStatus(long shiftId) {
		return jdbc.sql("SELECT status FROM shift WHERE id = :id LOCK IN SHARE MODE").param("id", shiftId)
			.query(String.class).optional();
	}

	/** Gives back a leaving member's places on the team's shifts that have not started. */
	public int withdrawFromTeamShifts(long teamId, long volunteerId, Instant now) {
		List<Long> shifts = jdbc.sql("""
				SELECT a.shift_id FROM shift_assignment a JOIN shift s ON s.id = a.shift_id
				WHERE a.volunteer_id = :volunteer AND s.team_id = :team AND a.status = 'SIGNED_UP'
				  AND a.walk_in = FALSE AND s.status = 'SCHEDULED' AND s.starts_at > :now""")
			.param("volunteer", volunteerId).param("team", teamId).param("now", Sql.ts(now)).query(Long.class).list();
		if (shifts.isEmpty()) {
			return 0;
		}
		// shift rows first, then sign-ups: the order cancelling takes its locks in
		jdbc.sql("UPDATE shift SET signed_up = signed_up - 1 WHERE id IN (:shifts) AND signed_up > 0")
			.param("shifts", shifts).update();
		jdbc.sql("UPDATE shift_assignment SET status = 'WITHDRAWN', version = version + 1"
				+ " WHERE volunteer_id = :volunteer AND shift_id IN (:shifts)")
			.param("volunteer", volunteerId).param("shifts", shifts).update();
		return shifts.size();
	}

	/** Each team's shifts overlapping [from, to), by start, in one statement; teams at home inside the scope only. */
	public Map<Long, List<ShiftView>> shiftsOfTeams(Collection<Long> teamIds, List<String> scope, Instant from,
			Instant to) {
		Map<Long, List<ShiftView>> result = new HashMap<>();
		if (teamIds.isEmpty()) {
			return result;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("teams", teamIds);
		params.put("from", Sql.ts(from));
		params.put("to", Sql.ts(to));
		jdbc.sql("SELECT " + SHIFT_COLUMNS + " FROM shift s JOIN team t ON t.id = s.team_id WHERE s.team_id IN (:teams)"
				+ " AND " + ScopeSql.underAny("t.area_path", scope, "scope", params) + " AND s.starts_at < :to"
				+ " AND s.ends_at > :from ORDER BY s.team_id, s.starts_at, s.id")
			.params(params).query(SHIFT).stream()
			.forEach(s -> result.computeIfAbsent(s.teamId(), k -> new ArrayList<>()).add(s));
		return result;
	}

	/** The sign-ups (and walk-ins) of each shift of a team at home inside the scope, in one statement. */
	public Map<Long, List<SignUpView>> signUpsOf(Collection<Long> shiftIds, List<String> scope,
			boolean includeWithdrawn) {
		Map<Long, List<SignUpView>> result = new HashMap<>();
		if (shiftIds.isEmpty()) {
			return result;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("shifts", shiftIds);
		jdbc.sql("SELECT " + SIGN_UP_COLUMNS + " FROM shift_assignment a JOIN shift s ON s.id = a.shift_id"
				+ " JOIN team t ON t.id = s.team_id WHERE a.shift_id IN (:shifts) AND "
				+ ScopeSql.underAny("t.area_path", scope, "scope", params)
				+ (includeWithdrawn ? "" : " AND a.status = 'SIGNED_UP'") + " ORDER BY a.shift_id, a.id")
			.params(params).query(SIGN_UP).stream()
			.forEach(s -> result.computeIfAbsent(s.shiftId(), k -> new ArrayList<>()).add(s));
		return result;
	}

	/**
	 * Each volunteer's next scheduled shifts (not yet ended) it holds a place on, of teams at home
	 * inside the scope, at most {@code limit} each, in one statement.
	 */
	public Map<Long, List<ShiftView>> upcomingOf(Collection<Long> volunteerIds, List<String> scope, Instant now,
			int limit) {
		Map<Long, List<ShiftView>> result = new HashMap<>();
		if (volunteerIds.isEmpty()) {
			return result;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", volunteerIds);
		params.put("now", Sql.ts(now));
		params.put("limit", limit);
		jdbc.sql("SELECT * FROM (SELECT a.volunteer_id AS for_volunteer, " + SHIFT_COLUMNS
				+ ", ROW_NUMBER() OVER (PARTITION BY a.volunteer_id ORDER BY s.starts_at, s.id) AS rn"
				+ " FROM shift_assignment a JOIN shift s ON s.id = a.shift_id JOIN team t ON t.id = s.team_id"
				+ " WHERE a.volunteer_id IN (:ids) AND " + ScopeSql.underAny("t.area_path", scope, "scope", params)
				+ " AND a.status = 'SIGNED_UP' AND s.status = 'SCHEDULED' AND s.ends_at > :now) s"
				+ " WHERE s.rn <= :limit ORDER BY s.for_volunteer, s.rn")
			.params(params)
			.query((rs, n) -> Map.entry(rs.getLong("for_volunteer"), shift(rs))).stream()
			.forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return result;
	}

	/** Scheduled shifts starting in [from, to) under the area and inside the scope with fewer places taken than needed. */
	public List<ShiftView> understaffed(String underPrefix, List<String> scope, Instant from, Instant to, int limit) {
		Map<String, Object> params = new HashMap<>();
		String sql = "SELECT " + SHIFT_COLUMNS + " FROM shift s WHERE s.area_path LIKE :under AND "
				+ ScopeSql.underAny("s.area_path", scope, "scope", params)
				+ " AND s.status = 'SCHEDULED' AND s.signed_up < s.min_volunteers AND s.starts_at >= :from"
				+ " AND s.starts_at < :to ORDER BY s.starts_at, s.id LIMIT :limit";
		params.put("under", underPrefix + "%");
		params.put("from", Sql.ts(from));
		params.put("to", Sql.ts(to));
		params.put("limit", limit);
		return jdbc.sql(sql).params(params).query(SHIFT).list();
	}

	static ShiftView shift(ResultSet rs) throws SQLException {
		return new ShiftView(rs.getLong("id"), rs.getLong("team_id"), Sql.nullableLong(rs, "series_id"),
				rs.getLong("area_id"), rs.getString("area_path"), Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"),
				ShiftPurpose.valueOf(rs.getString("purpose")), rs.getInt("min_volunteers"), rs.getInt("max_volunteers"),
				EnumSets.split(rs.getString("required_skills"), Skill.class), rs.getInt("signed_up"),
				ShiftStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getInt("version"));
	}

	static SignUpView signUp(ResultSet rs) throws SQLException {
		String attendance = rs.getString("attendance");
		java.math.BigDecimal hours = rs.getBigDecimal("hours");
		return new SignUpView(rs.getLong("id"), rs.getLong("shift_id"), rs.getLong("volunteer_id"),
				SignUpStatus.valueOf(rs.getString("status")), rs.getBoolean("walk_in"),
				attendance == null ? null : Attendance.valueOf(attendance), Sql.instant(rs, "checked_in_at"),
				Sql.instant(rs, "checked_out_at"), hours == null ? null : hours.doubleValue());
	}
}
