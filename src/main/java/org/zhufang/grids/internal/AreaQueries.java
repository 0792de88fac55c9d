package org.zhufang.grids.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
import org.zhufang.grids.AreaFilter;
import org.zhufang.grids.AreaLevel;
import org.zhufang.grids.AreaStatus;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridStaffView;
import org.zhufang.grids.PersonKind;
import org.zhufang.grids.StaffRole;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.Cursor;
import org.zhufang.shared.paging.PageRequest;

/**
 * The grid network's read side in SQL: keyset pages over the area tree ordered by code, and the
 * batch loads behind nested fields (one statement per level of a query, whatever the number of
 * parents).
 */
@Repository
public class AreaQueries {

	static final String CURSOR_KIND = "area";

	private static final String COLUMNS = "a.id, a.code, a.name, a.level, a.status, a.parent_id, a.path, "
			+ "a.households, a.residents, a.version";

	private static final RowMapper<AreaView> AREA = (rs, n) -> area(rs);

	private final JdbcClient jdbc;

	AreaQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<AreaView> byId(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM area a WHERE a.id = :id").param("id", id).query(AREA).optional();
	}

	public Optional<AreaView> byCode(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM area a WHERE a.code = :code").param("code", code).query(AREA)
			.optional();
	}

	public Map<Long, AreaView> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM area a WHERE a.id IN (:ids)").param("ids", ids).query(AREA)
			.stream().collect(Collectors.toMap(AreaView::id, a -> a));
	}

	/** Areas named by code, for callers that know codes (federated tokens, imports). */
	public Map<String, Long> idsByCode(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("SELECT code, id FROM area WHERE code IN (:codes)").param("codes", codes)
			.query(rs -> {
				ids.put(rs.getString("code"), rs.getLong("id"));
			});
		return ids;
	}

	public Map<Long, String> pathsOf(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> paths = new HashMap<>();
		jdbc.sql("SELECT id, path FROM area WHERE id IN (:ids)").param("ids", ids)
			.query(rs -> {
				paths.put(rs.getLong("id"), rs.getString("path"));
			});
		return paths;
	}

	/** Active areas of a level whose paths start with one of the prefixes, by code. */
	public List<AreaView> activeUnder(List<String> prefixes, AreaLevel level) {
		if (prefixes.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("level", level.name());
		return jdbc.sql("SELECT " + COLUMNS + " FROM area a WHERE a.level = :level AND a.status = 'ACTIVE' AND "
				+ ScopeSql.underAny("a.path", prefixes, "scope", params) + " ORDER BY a.code").params(params).query(AREA).list();
	}

	/**
	 * One page of areas matching the filter, restricted to the subtrees whose paths start with
	 * one of {@code scopePrefixes}.
	 */
	public Connection<AreaView> page(AreaFilter filter, String underPrefix, List<String> scopePrefixes,
			PageRequest page, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(ScopeSql.underAny("a.path", scopePrefixes, "scope", params));
		if (filter.level() != null) {
			where.append(" AND a.level = :level");
			params.put("level", filter.level().name());
		}
		if (filter.parentId() != null) {
			where.append(" AND a.parent_id = :parentId");
			params.put("parentId", filter.parentId());
		}
		if (underPrefix != null) {
			where.append(" AND a.path LIKE :underPrefix");
			params.put("underPrefix", underPrefix + "%");
		}
		if (filter.status() != null) {
			where.append(" AND a.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			String term = filter.search().strip();
			// Codes are ASCII digits: only an ASCII term can match one (and comparing other text
			// with the ascii column would mix collations).
			boolean ascii = term.chars().allMatch(c -> c < 128);
			where.append(ascii ? " AND (a.name LIKE :search OR a.code LIKE :search)" : " AND a.name LIKE :search");
			params.put("search", ScopeSql.containing(term));
		}
		Integer total = withCount
				? jdbc.sql("SELECT COUNT(*) FROM area a" + where).params(params).query(Integer.class).single() : null;

		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM area a").append(where);
		String cursor = page.cursor();
		if (cursor != null) {
			sql.append(page.backwards() ? " AND a.code < :cursor" : " AND a.code > :cursor");
			params.put("cursor", Cursor.decode(CURSOR_KIND, cursor));
		}
		sql.append(page.backwards() ? " ORDER BY a.code DESC" : " ORDER BY a.code ASC").append(" LIMIT :limit");
		params.put("limit", page.fetchSize());
		List<AreaView> rows = jdbc.sql(sql.toString()).params(params).query(AREA).list();
		return Connection.of(rows, page, AreaQueries::cursorOf, total);
	}

	/**
	 * The first page of children of each parent, in one statement (a window over the parents),
	 * plus one more for the counts when asked.
	 */
	public Map<Long, Connection<AreaView>> childrenOf(Collection<Long> parentIds, PageRequest page, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		params.put("parents", parentIds);
		params.put("limit", page.fetchSize());
		String cursorCondition = "";
		if (page.after() != null) {
			cursorCondition = " AND a.code > :cursor";
			params.put("cursor", Cursor.decode(CURSOR_KIND, page.after()));
		}
		String sql = "SELECT * FROM (SELECT " + COLUMNS
				+ ", ROW_NUMBER() OVER (PARTITION BY a.parent_id ORDER BY a.code) AS rn FROM area a"
				+ " WHERE a.parent_id IN (:parents)" + cursorCondition + ") a WHERE a.rn <= :limit ORDER BY a.parent_id, a.rn";
		Map<Long, List<AreaView>> rows = new LinkedHashMap<>();
		jdbc.sql(sql).params(params).query(AREA).stream()
			.forEach(row -> rows.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row));
		Map<Long, Integer> counts = withCount ? childCounts(parentIds) : Map.of();
		Map<Long, Connection<AreaView>> result = new HashMap<>();
		for (Long parentId : parentIds) {
			result.put(parentId, Connection.of(rows.getOrDefault(parentId, List.of()), page, AreaQueries::cursorOf,
					withCount ? counts.getOrDefault(parentId, 0) : null));
		}
		return result;
	}

	private Map<Long, Integer> childCounts(Collection<Long> parentIds) {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("SELECT parent_id, COUNT(*) AS n FROM area WHERE parent_id IN (:parents) GROUP BY parent_id")
			.param("parents", parentIds)
			.query(rs -> {
				counts.put(rs.getLong("parent_id"), rs.getInt("n"));
			});
		return counts;
	}

	/** Staff of each grid, chiefs first, in one statement. */
	public Map<Long, List<GridStaffView>> staffOf(Collection<Long> gridIds, boolean includeEnded) {
		Map<Long, List<GridStaffView>> staff = new HashMap<>();
		if (gridIds.isEmpty()) {
			return staff;
		}
		String sql = "SELECT id, grid_id, role, person_kind, person_ref, display_name, phone, started_on, ended_on, end_reason"
				+ " FROM grid_staff WHERE grid_id IN (:grids)" + (includeEnded ? "" : " AND ended_on IS NULL")
				+ " ORDER BY grid_id, ended_on IS NOT NULL, FIELD(role, 'CHIEF', 'DEPUTY_CHIEF', 'MEMBER', 'EXTRA'), started_on, id";
		jdbc.sql(sql).param("grids", gridIds).query((rs, n) -> staffRow(rs)).stream()
			.forEach(row -> staff.computeIfAbsent(row.gridId(), k -> new ArrayList<>()).add(row));
		return staff;
	}

	public Optional<GridStaffView> staffById(long id) {
		return jdbc.sql("SELECT id, grid_id, role, person_kind, person_ref, display_name, phone, started_on, ended_on, end_reason"
				+ " FROM grid_staff WHERE id = :id").param("id", id).query((rs, n) -> staffRow(rs)).optional();
	}

	static String cursorOf(AreaView area) {
		return Cursor.encode(CURSOR_KIND, area.code());
	}

	private static AreaView area(ResultSet rs) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		return new AreaView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				AreaLevel.valueOf(rs.getString("level")), AreaStatus.valueOf(rs.getString("status")),
				parentId, rs.getString("path"), rs.getInt("households"), rs.getInt("residents"),
				rs.getInt("version"));
	}

	private static GridStaffView staffRow(ResultSet rs) throws SQLException {
		java.sql.Date ended = rs.getDate("ended_on");
		return new GridStaffView(rs.getLong("id"), rs.getLong("grid_id"), StaffRole.valueOf(rs.getString("role")),
				PersonKind.valueOf(rs.getString("person_kind")), rs.getString("person_ref"),
				rs.getString("display_name"), rs.getString("phone"), rs.getDate("started_on").toLocalDate(),
				ended == null ? null : ended.toLocalDate(), rs.getString("end_reason"));
	}
}
