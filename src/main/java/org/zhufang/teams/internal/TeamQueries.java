package org.zhufang.teams.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhufang.shared.ScopeSql;
import org.zhufang.teams.Gender;
import org.zhufang.teams.MembershipRole;
import org.zhufang.teams.MembershipView;
import org.zhufang.teams.Skill;
import org.zhufang.teams.TeamFilter;
import org.zhufang.teams.TeamKind;
import org.zhufang.teams.TeamStatus;
import org.zhufang.teams.TeamView;
import org.zhufang.teams.VolunteerFilter;
import org.zhufang.teams.VolunteerStatus;
import org.zhufang.teams.VolunteerTag;
import org.zhufang.teams.VolunteerView;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.Cursor;
import org.zhufang.shared.paging.PageRequest;

/**
 * Teams, volunteers and memberships in SQL: keyset pages filtered by area paths, and the batch
 * loads behind nested fields (one statement per field and level, whatever the number of parents).
 */
@Repository
public class TeamQueries {

	public static final String TEAM_CURSOR = "team";

	public static final String VOLUNTEER_CURSOR = "volunteer";

	public static final String MEMBER_CURSOR = "member";

	private static final String TEAM_COLUMNS = "t.id, t.name, t.kind, t.area_id, t.area_path, t.messaging_group, "
			+ "t.description, t.status, t.version";

	/** The volunteer with the home-area paths of its active teams (for scope and masking). */
	private static final String VOLUNTEER_COLUMNS = "v.id, v.name, v.phone, v.gender, v.birth_year, v.area_id, "
			+ "v.area_path, v.tags, v.skills, v.status, v.version, (SELECT GROUP_CONCAT(DISTINCT t.area_path SEPARATOR ' ')"
			+ " FROM team_membership m JOIN team t ON t.id = m.team_id"
			+ " WHERE m.volunteer_id = v.id AND m.left_on IS NULL) AS team_paths";

	private static final String MEMBER_COLUMNS = "m.id, m.team_id, m.volunteer_id, m.role, m.joined_on, m.left_on";

	private static final RowMapper<TeamView> TEAM = (rs, n) -> team(rs);

	private static final RowMapper<VolunteerView> VOLUNTEER = (rs, n) -> volunteer(rs);

	private static final RowMapper<MembershipView> MEMBER = (rs, n) -> membership(rs);

	private final JdbcClient jdbc;

	TeamQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Teams

	public Optional<TeamView> team(long id) {
		return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM team t WHERE t.id = :id").param("id", id).query(TEAM)
			.optional();
	}

	public Map<Long, TeamView> teams(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM team t WHERE t.id IN (:ids)").param("ids", ids).query(TEAM)
			.stream().collect(Collectors.toMap(TeamView::id, t -> t));
	}

	/** The teams among {@code ids} at home inside the scope, in one statement; the others are left out. */
	public Map<Long, TeamView> teams(Collection<Long> ids, List<String> scope) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM team t WHERE t.id IN (:ids) AND "
				+ ScopeSql.underAny("t.area_path", scope, "scope", params)).params(params).query(TEAM)
			.stream().collect(Collectors.toMap(TeamView::id, t -> t));
	}

	/** Teams inside the scope matching the filter, ordered by id. */
	public Connection<TeamView> teamPage(TeamFilter filter, String underPrefix, List<String> scope, PageRequest page,
			boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(ScopeSql.underAny("t.area_path", scope, "scope", params));
		if (underPrefix != null) {
			where.append(" AND t.area_path LIKE :under");
			params.put("under", underPrefix + "%");
		}
		if (filter.kind() != null) {
			where.append(" AND t.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.status() != null) {
			where.append(" AND t.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			where.append(" AND (t.name LIKE :search OR t.messaging_group LIKE :search)");
			params.put("search", ScopeSql.containing(filter.search().strip()));
		}
		return page(TEAM_COLUMNS, " FROM team t", "t.id", where, params, page, withCount, TEAM,
				t -> Cursor.encode(TEAM_CURSOR, String.valueOf(t.id())), TEAM_CURSOR);
	}

	/**
	 * The first page of teams at home in or below each area, in one statement: the areas (id and
	 * path) are a derived table the teams join on their path prefix.
	 */
	public Map<Long, Connection<TeamView>> teamsUnder(Map<Long, String> areaPaths, List<String> scope,
			PageRequest page, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		String inScope = " AND " + ScopeSql.underAny("t.area_path", scope, "scope", params);
		List<String> rows = new ArrayList<>();
		int i = 0;
		for (Map.Entry<Long, String> area : areaPaths.entrySet()) {
			rows.add("SELECT :a" + i + " AS area_id, :p" + i + " AS prefix");
			params.put("a" + i, area.getKey());
			params.put("p" + i, area.getValue() + "%");
			i++;
		}
		String areas = "(" + String.join(" UNION ALL ", rows) + ")";
		String cursor = "";
		if (page.after() != null) {
			cursor = " AND t.id > :cursor";
			params.put("cursor", Cursor.decodeLong(TEAM_CURSOR, page.after()));
		}
		params.put("limit", page.fetchSize());
		String sql = "SELECT * FROM (SELECT a.area_id AS under_id, " + TEAM_COLUMNS
				+ ", ROW_NUMBER() OVER (PARTITION BY a.area_id ORDER BY t.id) AS rn FROM " + areas
				+ " a JOIN team t ON t.area_path LIKE a.prefix" + inScope + cursor + ") x WHERE x.rn <= :limit ORDER BY x.under_id, x.rn";
		Map<Long, List<TeamView>> found = new HashMap<>();
		jdbc.sql(sql).params(params).query((rs, n) -> Map.entry(rs.getLong("under_id"), team(rs))).stream()
			.forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, Integer> counts = new HashMap<>();
		if (withCount) {
			params.remove("cursor");
			jdbc.sql("SELECT a.area_id, COUNT(*) AS n FROM " + areas + " a JOIN team t ON t.area_path LIKE a.prefix"
					+ inScope + " GROUP BY a.area_id").params(params)
				.query(rs -> {
					counts.put(rs.getLong("area_id"), rs.getInt("n"));
				});
		}
		Map<Long, Connection<TeamView>> result = new HashMap<>();
		areaPaths.keySet().forEach(id -> result.put(id, Connection.of(found.getOrDefault(id, List.of()), page,
				t -> Cursor.encode(TEAM_CURSOR, String.valueOf(t.id())), withCount ? counts.getOrDefault(id, 0) : null)));
		return result;
	}

	// Volunteers

	public Optional<VolunteerView> volunteer(long id) {
		return jdbc.sql("SELECT " + VOLUNTEER_COLUMNS + " FROM volunteer v WHERE v.id = :id").param("id", id)
			.query(VOLUNTEER).optional();
	}

	public Map<Long, VolunteerView> volunteers(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT " + VOLUNTEER_COLUMNS + " FROM volunteer v WHERE v.id IN (:ids)").param("ids", ids)
			.query(VOLUNTEER).stream().collect(Collectors.toMap(VolunteerView::id, v -> v));
	}

	/**
	 * The volunteers among {@code ids} inside the scope (living there, or an active member of a
	 * team at home there: {@link TeamAccess#sees}), in one statement; the others are left out.
	 */
	public Map<Long, VolunteerView> volunteers(Collection<Long> ids, List<String> scope) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		return jdbc.sql("SELECT " + VOLUNTEER_COLUMNS + " FROM volunteer v WHERE v.id IN (:ids) AND "
				+ volunteerInScope(scope, params)).params(params)
			.query(VOLUNTEER).stream().collect(Collectors.toMap(VolunteerView::id, v -> v));
	}

	/** The volunteer lives inside the scope or is an active member of a team at home there. */
	private static String volunteerInScope(List<String> scope, Map<String, Object> params) {
		return "(" + ScopeSql.underAny("v.area_path", scope, "scope", params)
				+ " OR EXISTS (SELECT 1 FROM team_membership sm JOIN team st ON st.id = sm.team_id"
				+ " WHERE sm.volunteer_id = v.id AND sm.left_on IS NULL AND "
				+ ScopeSql.underAny("st.area_path", scope, "scope", params) + "))";
	}

	/** The id and name of the volunteer with this phone, if any. */
	public Optional<Map.Entry<Long, String>> volunteerByPhone(String phone) {
		return jdbc.sql("SELECT id, name FROM volunteer WHERE phone = :phone").param("phone", phone)
			.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("name"))).optional();
	}

	/**
	 * Volunteers inside the scope (living there, or on a team at home there) matching the filter,
	 * ordered by id. For a caller who manages volunteers ({@code manager}) the search matches
	 * anywhere in the name, or a phone prefix; for anyone else, who sees names masked to the
	 * surname ({@code 王*}), it matches only the surname: the term's first character as a prefix
	 * of the name, so a guessed full name narrows nothing beyond what the mask shows.
	 */
	public Connection<VolunteerView> volunteerPage(VolunteerFilter filter, String underPrefix, List<String> scope,
			boolean manager, PageRequest page, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(volunteerInScope(scope, params));
		if (underPrefix != null) {
			where.append(" AND v.area_path LIKE :under");
			params.put("under", underPrefix + "%");
		}
		if (filter.teamId() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM team_membership fm WHERE fm.volunteer_id = v.id")
				.append(" AND fm.team_id = :teamId AND fm.left_on IS NULL)");
			params.put("teamId", filter.teamId());
		}
		if (filter.tag() != null) {
			where.append(" AND FIND_IN_SET(:tag, v.tags) > 0");
			params.put("tag", filter.tag().name());
		}
		if (filter.skill() != null) {
			where.append(" AND FIND_IN_SET(:skill, v.skills) > 0");
			params.put("skill", filter.skill().name());
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			String term = filter.search().strip();
			if (manager) {
				boolean phoneLike = term.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '-');
				where.append(phoneLike ? " AND (v.name LIKE :search OR v.phone LIKE :phone)" : " AND v.name LIKE :search");
				params.put("search", ScopeSql.containing(term));
				params.put("phone", ScopeSql.escapeLike(term) + "%");
			}
			else {
				where.append(" AND v.name LIKE :search");
				params.put("search", ScopeSql.escapeLike(term.substring(0, term.offsetByCodePoints(0, 1))) + "%");
			}
		}
		return page(VOLUNTEER_COLUMNS, " FROM volunteer v", "v.id", where, params, page, withCount,
				VOLUNTEER, v -> Cursor.encode(VOLUNTEER_CURSOR, String.valueOf(v.id())), VOLUNTEER_CURSOR);
	}

	// Memberships

	public Optional<MembershipView> membership(long id) {
		return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM team_membership m WHERE m.id = :id").param("id", id)
			.query(MEMBER).optional();
	}

	public boolean isActiveMember(long teamId, long volunteerId) {
		return jdbc.sql("SELECT COUNT(*) FROM team_membership WHERE team_id = :team AND volunteer_id = :volunteer"
				+ " AND left_on IS NULL").param("team", teamId).param("volunteer", volunteerId)
			.query(Integer.class).single() > 0;
	}

	/** A page of members of each team, in one statement (a window over the teams), ordered by id. */
	public Map<Long, Connection<MembershipView>> membersOf(Collection<Long> teamIds, List<String> scope,
			PageRequest page, boolean includeFormer, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		params.put("teams", teamIds);
		params.put("limit", page.fetchSize());
		String active = (includeFormer ? "" : " AND m.left_on IS NULL")
				+ " AND EXISTS (SELECT 1 FROM team t WHERE t.id = m.team_id AND "
				+ ScopeSql.underAny("t.area_path", scope, "scope", params) + ")";
		String cursor = "";
		if (page.after() != null) {
			cursor = " AND m.id > :cursor";
			params.put("cursor", Cursor.decodeLong(MEMBER_CURSOR, page.after()));
		}
		String sql = "SELECT * FROM (SELECT " + MEMBER_COLUMNS
				+ ", ROW_NUMBER() OVER (PARTITION BY m.team_id ORDER BY m.id) AS rn FROM team_membership m"
				+ " WHERE m.team_id IN (:teams)" + active + cursor + ") m WHERE m.rn <= :limit ORDER BY m.team_id, m.rn";
		Map<Long, List<MembershipView>> rows = new HashMap<>();
		jdbc.sql(sql).params(params).query(MEMBER).stream()
			.forEach(row -> rows.computeIfAbsent(row.teamId(), k -> new ArrayList<>()).add(row));
		Map<Long, Integer> counts = new HashMap<>();
		if (withCount) {
			params.remove("limit");
			params.remove("cursor");
			jdbc.sql("SELECT team_id, COUNT(*) AS n FROM team_membership m WHERE m.team_id IN (:teams)" + active
					+ " GROUP BY team_id").params(params)
				.query(rs -> {
					counts.put(rs.getLong("team_id"), rs.getInt("n"));
				});
		}
		Map<Long, Connection<MembershipView>> result = new HashMap<>();
		for (Long teamId : teamIds) {
			result.put(teamId, Connection.of(rows.getOrDefault(teamId, List.of()), page,
					m -> Cursor.encode(MEMBER_CURSOR, String.valueOf(m.id())), withCount ? counts.getOrDefault(teamId, 0) : null));
		}
		return result;
	}

	/** Each volunteer's memberships, active first, in one statement (whatever team: for the module's own checks). */
	public Map<Long, List<MembershipView>> membershipsOf(Collection<Long> volunteerIds, boolean includeFormer) {
		return membershipsOf(volunteerIds, includeFormer, null);
	}

	/**
	 * Each volunteer's memberships of teams at home inside the scope (all teams when the scope is
	 * null), active first, in one statement.
	 */
	public Map<Long, List<MembershipView>> membershipsOf(Collection<Long> volunteerIds, boolean includeFormer,
			List<String> scope) {
		Map<Long, List<MembershipView>> result = new LinkedHashMap<>();
		if (volunteerIds.isEmpty()) {
			return result;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", volunteerIds);
		String inScope = scope == null ? "" : " AND EXISTS (SELECT 1 FROM team t WHERE t.id = m.team_id AND "
				+ ScopeSql.underAny("t.area_path", scope, "scope", params) + ")";
		jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM team_membership m WHERE m.volunteer_id IN (:ids)"
				+ (includeFormer ? "" : " AND m.left_on IS NULL") + inScope
				+ " ORDER BY m.volunteer_id, m.left_on IS NOT NULL, m.id")
			.params(params).query(MEMBER).stream()
			.forEach(m -> result.computeIfAbsent(m.volunteerId(), k -> new ArrayList<>()).add(m));
		return result;
	}

	/** The active memberships of a team. */
	public List<MembershipView> activeMembers(long teamId) {
		return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM team_membership m WHERE m.team_id = :team AND m.left_on IS NULL")
			.param("team", teamId).query(MEMBER).list();
	}

	private <T> Connection<T> page(String columns, String from, String idColumn, StringBuilder where, Map<String, Object> params,
			PageRequest page, boolean withCount, RowMapper<T> mapper, java.util.function.Function<T, String> cursorOf,
			String cursorKind) {
		Integer total = withCount
				? jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Integer.class).single() : null;
		StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(from).append(where);
		if (page.cursor() != null) {
			sql.append(page.backwards() ? " AND " + idColumn + " < :cursor" : " AND " + idColumn + " > :cursor");
			params.put("cursor", Cursor.decodeLong(cursorKind, page.cursor()));
		}
		sql.append(" ORDER BY ").append(idColumn).append(page.backwards() ? " DESC" : " ASC").append(" LIMIT :limit");
		params.put("limit", page.fetchSize());
		return Connection.of(jdbc.sql(sql.toString()).params(params).query(mapper).list(), page, cursorOf, total);
	}

	static TeamView team(ResultSet rs) throws SQLException {
		return new TeamView(rs.getLong("id"), rs.getString("name"), TeamKind.valueOf(rs.getString("kind")),
				rs.getLong("area_id"), rs.getString("area_path"), rs.getString("messaging_group"),
				rs.getString("description"), TeamStatus.valueOf(rs.getString("status")), rs.getInt("version"));
	}

	static VolunteerView volunteer(ResultSet rs) throws SQLException {
		String gender = rs.getString("gender");
		String teamPaths = rs.getString("team_paths");
		return new VolunteerView(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
				gender == null ? null : Gender.valueOf(gender), Sql.nullableInt(rs, "birth_year"), rs.getLong("area_id"),
				rs.getString("area_path"), EnumSets.split(rs.getString("tags"), VolunteerTag.class),
				EnumSets.split(rs.getString("skills"), Skill.class), VolunteerStatus.valueOf(rs.getString("status")),
				rs.getInt("version"), teamPaths == null ? List.of() : Arrays.asList(teamPaths.split(" ")));
	}

	static MembershipView membership(ResultSet rs) throws SQLException {
		java.sql.Date left = rs.getDate("left_on");
		return new MembershipView(rs.getLong("id"), rs.getLong("team_id"), rs.getLong("volunteer_id"),
				MembershipRole.valueOf(rs.getString("role")), rs.getDate("joined_on").toLocalDate(),
				left == null ? null : left.toLocalDate());
	}
}
