package org.zhufang.officers.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhufang.shared.ScopeSql;
import org.zhufang.officers.OfficerFilter;
import org.zhufang.officers.OfficerKind;
import org.zhufang.officers.OfficerStatus;
import org.zhufang.officers.OfficerTransferView;
import org.zhufang.officers.OfficerView;
import org.zhufang.officers.PoliceOfficeFilter;
import org.zhufang.officers.PoliceOfficeMode;
import org.zhufang.officers.PoliceOfficeView;
import org.zhufang.officers.Satisfaction;
import org.zhufang.officers.StaffingView.StationStaffingView;
import org.zhufang.officers.StationView;
import org.zhufang.officers.VillageOfficerView;
import org.zhufang.officers.VisitFilter;
import org.zhufang.officers.VisitFiguresView;
import org.zhufang.officers.VisitPurpose;
import org.zhufang.officers.VisitView;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.Cursor;
import org.zhufang.shared.paging.PageRequest;

/**
 * The officers module's read side in SQL: keyset pages, jurisdiction filters over the stored area
 * paths, the batch loads behind nested fields (one statement per field per level of a query), and
 * the figures.
 * <p>
 * Jurisdiction: a caller's scope is a list of path prefixes. An officer lies inside it when their
 * station covers a town inside it, when they are responsible for a village inside it or
 * containing it (the village officer of a grid member's grid), or, serving in a bureau
 * department, when the bureau's county lies inside it. A station lies inside it when one of its
 * towns lies inside or contains it.
 */
@Repository
public class OfficerQueries {

	static final String OFFICER_CURSOR = "officer";

	static final String OFFICE_CURSOR = "office";

	static final String VISIT_CURSOR = "visit";

	private static final String OFFICER_COLUMNS = "o.id, o.name, o.badge_number, o.kind, o.rank_title, o.phone, "
			+ "o.station_id, o.police_office_id, o.community_officer, o.joined_on, o.status, o.version";

	private static final String OFFICE_COLUMNS = "p.id, p.station_id, p.name, p.area_id, p.mode, p.address, "
			+ "p.open_24x7, p.partner_organisation, p.version";

	private static final String VISIT_COLUMNS = "v.id, v.officer_id, v.village_id, v.grid_id, v.visited_on, v.address, "
			+ "v.place_name, v.purpose, v.contact_cards, v.satisfaction, v.suggestions, v.notes, v.created_at";

	private static final RowMapper<OfficerView> OFFICER = (rs, n) -> officer(rs);

	private static final RowMapper<PoliceOfficeView> OFFICE = (rs, n) -> office(rs);

	private static final RowMapper<VisitView> VISIT = (rs, n) -> visit(rs);

	private final JdbcClient jdbc;

	OfficerQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Stations

	/** Stations inside the scope (null: all), by code, with their towns. */
	public List<StationView> stations(List<String> scopePrefixes) {
		Map<String, Object> params = new HashMap<>();
		String where = scopePrefixes == null ? ""
				: " WHERE s.id IN (SELECT st2.station_id FROM station_town st2 WHERE "
						+ stationTownCondition("st2", scopePrefixes, params) + ")";
		return stationRows("SELECT s.id, s.code, s.name, s.has_party_branch, s.supervising_member, s.version, st.town_id"
				+ " FROM station s LEFT JOIN station_town st ON st.station_id = s.id" + where + " ORDER BY s.code, st.town_id",
				params);
	}

	/** Stations by id, leaving out those outside the scope (null: no scope applied). */
	public Map<Long, StationView> stationsByIds(Collection<Long> ids, List<String> scopePrefixes) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		String scope = scopePrefixes == null ? ""
				: " AND " + visibleStation("s.id", scopePrefixes, params);
		Map<Long, StationView> result = new HashMap<>();
		stationRows("SELECT s.id, s.code, s.name, s.has_party_branch, s.supervising_member, s.version, st.town_id"
				+ " FROM station s LEFT JOIN station_town st ON st.station_id = s.id WHERE s.id IN (:ids)" + scope
				+ " ORDER BY s.code, st.town_id", params)
			.forEach(s -> result.put(s.id(), s));
		return result;
	}

	public boolean stationVisible(long stationId, List<String> scopePrefixes) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", stationId);
		return jdbc.sql("SELECT COUNT(*) > 0 FROM station_town st WHERE st.station_id = :id AND "
				+ stationTownCondition("st", scopePrefixes, params)).params(params).query(Boolean.class).single();
	}

	/** Paths of the towns each station covers. */
	public Map<Long, Set<String>> townPathsOf(Collection<Long> stationIds) {
		Map<Long, Set<String>> result = new HashMap<>();
		if (stationIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT station_id, town_path FROM station_town WHERE station_id IN (:ids)").param("ids", stationIds)
			.query(rs -> {
				result.computeIfAbsent(rs.getLong("station_id"), k -> new HashSet<>()).add(rs.getString("town_path"));
			});
		return result;
	}

	/**
	 * What still sits in each of these towns (by path): the names of the station's police
	 * offices there, and the villages there with a responsible officer. Two statements for all
	 * the towns.
	 */
	public Map<String, TownUse> townUse(long stationId, Collection<String> townPaths) {
		Map<String, TownUse> result = new HashMap<>();
		if (townPaths.isEmpty()) {
			return result;
		}
		townPaths.forEach(path -> result.put(path, new TownUse(new ArrayList<>(), new ArrayList<>())));
		List<String> prefixes = List.copyOf(townPaths);
		Map<String, Object> params = new HashMap<>();
		params.put("station", stationId);
		jdbc.sql("SELECT p.name, p.area_path FROM police_office p WHERE p.station_id = :station AND "
				+ ScopeSql.underAny("p.area_path", prefixes, "town", params) + " ORDER BY p.id").params(params)
			.query(rs -> {
				townOf(result, rs.getString("area_path")).officeNames().add(rs.getString("name"));
			});
		params = new HashMap<>();
		jdbc.sql("SELECT vo.village_id, vo.village_path FROM village_officer vo WHERE vo.ended_on IS NULL AND "
				+ ScopeSql.underAny("vo.village_path", prefixes, "town", params) + " ORDER BY vo.village_path")
			.params(params)
			.query(rs -> {
				townOf(result, rs.getString("village_path")).villageIds().add(rs.getLong("village_id"));
			});
		return result;
	}

	private static TownUse townOf(Map<String, TownUse> byPath, String path) {
		return byPath.entrySet().stream().filter(e -> path.startsWith(e.getKey())).findFirst().orElseThrow().getValue();
	}

	/** The police offices (names) and villages with a responsible officer (ids) inside one town. */
	public record TownUse(List<String> officeNames, List<Long> villageIds) {

		public boolean inUse() {
			return !officeNames.isEmpty() || !villageIds.isEmpty();
		}
	}

	private List<StationView> stationRows(String sql, Map<String, Object> params) {
		Map<Long, Object[]> rows = new LinkedHashMap<>();
		Map<Long, List<Long>> towns = new HashMap<>();
		jdbc.sql(sql).params(params).query(rs -> {
			long id = rs.getLong("id");
			rows.computeIfAbsent(id, k -> {
				try {
					return new Object[] { rs.getString("code"), rs.getString("name"), rs.getBoolean("has_party_branch"),
							rs.getString("supervising_member"), rs.getInt("version") };
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			long town = rs.getLong("town_id");
			if (!rs.wasNull()) {
				towns.computeIfAbsent(id, k -> new ArrayList<>()).add(town);
			}
		});
		List<StationView> result = new ArrayList<>();
		rows.forEach((id, r) -> result.add(new StationView(id, (String) r[0], (String) r[1],
				List.copyOf(towns.getOrDefault(id, List.of())), (Boolean) r[2], (String) r[3], (Integer) r[4])));
		return result;
	}

	// Police offices

	public Optional<PoliceOfficeView> office(long id) {
		return jdbc.sql("SELECT " + OFFICE_COLUMNS + " FROM police_office p WHERE p.id = :id").param("id", id)
			.query(OFFICE).optional();
	}

	/** Offices by id, leaving out those of stations outside the scope. */
	public Map<Long, PoliceOfficeView> officesByIds(Collection<Long> ids, List<String> scopePrefixes) {
		Map<Long, PoliceOfficeView> result = new HashMap<>();
		if (!ids.isEmpty()) {
			Map<String, Object> params = new HashMap<>();
			params.put("ids", ids);
			jdbc.sql("SELECT " + OFFICE_COLUMNS + " FROM police_office p WHERE p.id IN (:ids) AND "
					+ visibleStation("p.station_id", scopePrefixes, params)).params(params)
				.query(OFFICE).stream().forEach(o -> result.put(o.id(), o));
		}
		return result;
	}

	/** The offices of each station, by id, leaving out stations outside the scope. */
	public Map<Long, List<PoliceOfficeView>> officesOfStations(Collection<Long> stationIds, List<String> scopePrefixes) {
		Map<Long, List<PoliceOfficeView>> result = new HashMap<>();
		if (!stationIds.isEmpty()) {
			Map<String, Object> params = new HashMap<>();
			params.put("ids", stationIds);
			jdbc.sql("SELECT " + OFFICE_COLUMNS + " FROM police_office p WHERE p.station_id IN (:ids) AND "
					+ visibleStation("p.station_id", scopePrefixes, params) + " ORDER BY p.station_id, p.id")
				.params(params).query(OFFICE).stream()
				.forEach(o -> result.computeIfAbsent(o.stationId(), k -> new ArrayList<>()).add(o));
		}
		return result;
	}

	/** Offices of stations inside the scope, by id. */
	public Connection<PoliceOfficeView> offices(PoliceOfficeFilter filter, String areaPrefix, List<String> scopePrefixes,
			PageRequest page, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(visibleStation("p.station_id", scopePrefixes, params));
		if (filter.stationId() != null) {
			where.append(" AND p.station_id = :stationId");
			params.put("stationId", filter.stationId());
		}
		if (filter.mode() != null) {
			where.append(" AND p.mode = :mode");
			params.put("mode", filter.mode().name());
		}
		if (areaPrefix != null) {
			where.append(" AND p.area_path LIKE :areaPrefix");
			params.put("areaPrefix", areaPrefix + "%");
		}
		Integer total = withCount ? count("SELECT COUNT(*) FROM police_office p" + where, params) : null;
		List<PoliceOfficeView> rows = pageById("SELECT " + OFFICE_COLUMNS + " FROM police_office p" + where, "p", params,
				page, OFFICE_CURSOR, OFFICE);
		return Connection.of(rows, page, o -> Cursor.encode(OFFICE_CURSOR, String.valueOf(o.id())), total);
	}

	// Officers

	public Optional<OfficerView> officer(long id) {
		return jdbc.sql("SELECT " + OFFICER_COLUMNS + " FROM officer o WHERE o.id = :id").param("id", id)
			.query(OFFICER).optional();
	}

	/** Officers by id, leaving out those outside the scope (null: no scope applied). */
	public Map<Long, OfficerView> officersByIds(Collection<Long> ids, List<String> scopePrefixes) {
		Map<Long, OfficerView> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		String scope = scopePrefixes == null ? "" : " AND " + officerJurisdiction(scopePrefixes, params, "j");
		jdbc.sql("SELECT " + OFFICER_COLUMNS + " FROM officer o WHERE o.id IN (:ids)" + scope).params(params)
			.query(OFFICER).stream().forEach(o -> result.put(o.id(), o));
		return result;
	}

	public boolean officerVisible(long officerId, List<String> scopePrefixes) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", officerId);
		return jdbc.sql("SELECT COUNT(*) > 0 FROM officer o WHERE o.id = :id AND "
				+ officerJurisdiction(scopePrefixes, params, "j")).params(params).query(Boolean.class).single();
	}

	public Connection<OfficerView> officers(OfficerFilter filter, String areaPrefix, List<String> scopePrefixes,
			PageRequest page, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(officerJurisdiction(scopePrefixes, params, "j"));
		if (areaPrefix != null) {
			where.append(" AND ").append(officerJurisdiction(List.of(areaPrefix), params, "a"));
		}
		if (filter.stationId() != null) {
			where.append(" AND o.station_id = :stationId");
			params.put("stationId", filter.stationId());
		}
		if (filter.kind() != null) {
			where.append(" AND o.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.status() != null) {
			where.append(" AND o.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.communityOfficer() != null) {
			where.append(" AND o.community_officer = :community");
			params.put("community", filter.communityOfficer());
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			String term = filter.search().strip();
			boolean ascii = term.chars().allMatch(c -> c < 128);
			where.append(ascii ? " AND (o.name LIKE :search OR o.badge_number LIKE :search)" : " AND o.name LIKE :search");
			params.put("search", ScopeSql.containing(term));
		}
		Integer total = withCount ? count("SELECT COUNT(*) FROM officer o" + where, params) : null;
		List<OfficerView> rows = pageById("SELECT " + OFFICER_COLUMNS + " FROM officer o" + where, "o", params, page,
				OFFICER_CURSOR, OFFICER);
		return Connection.of(rows, page, o -> Cursor.encode(OFFICER_CURSOR, String.valueOf(o.id())), total);
	}

	/** The active officer of each village that has one, in one statement. */
	public Map<Long, OfficerView> activeOfficersOf(Collection<Long> villageIds) {
		Map<Long, OfficerView> result = new HashMap<>();
		if (villageIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT vo.village_id, " + OFFICER_COLUMNS
				+ " FROM village_officer vo JOIN officer o ON o.id = vo.officer_id"
				+ " WHERE vo.village_id IN (:ids) AND vo.ended_on IS NULL").param("ids", villageIds)
			.query(rs -> {
				result.put(rs.getLong("village_id"), officer(rs));
			});
		return result;
	}

	/** Every assignment of each village, newest first. */
	public Map<Long, List<VillageOfficerView>> historyOf(Collection<Long> villageIds) {
		Map<Long, List<VillageOfficerView>> result = new HashMap<>();
		if (!villageIds.isEmpty()) {
			jdbc.sql("SELECT id, village_id, officer_id, started_on, ended_on, end_reason, end_note FROM village_officer"
					+ " WHERE village_id IN (:ids) ORDER BY village_id, started_on DESC, id DESC")
				.param("ids", villageIds).query((rs, n) -> assignment(rs)).stream()
				.forEach(a -> result.computeIfAbsent(a.villageId(), k -> new ArrayList<>()).add(a));
		}
		return result;
	}

	/** The villages each officer is responsible for now. */
	public Map<Long, List<Long>> activeVillagesOf(Collection<Long> officerIds) {
		Map<Long, List<Long>> result = new HashMap<>();
		if (!officerIds.isEmpty()) {
			jdbc.sql("SELECT officer_id, village_id FROM village_officer WHERE officer_id IN (:ids) AND ended_on IS NULL"
					+ " ORDER BY officer_id, village_path").param("ids", officerIds)
				.query(rs -> {
					result.computeIfAbsent(rs.getLong("officer_id"), k -> new ArrayList<>()).add(rs.getLong("village_id"));
				});
		}
		return result;
	}

	/** Villages among these that have an active officer. */
	public Set<Long> coveredVillages(Collection<Long> villageIds) {
		Set<Long> result = new HashSet<>();
		if (!villageIds.isEmpty()) {
			jdbc.sql("SELECT village_id FROM village_officer WHERE village_id IN (:ids) AND ended_on IS NULL")
				.param("ids", villageIds).query(rs -> {
					result.add(rs.getLong("village_id"));
				});
		}
		return result;
	}

	public Map<Long, List<OfficerTransferView>> transfersOf(Collection<Long> officerIds) {
		Map<Long, List<OfficerTransferView>> result = new HashMap<>();
		if (!officerIds.isEmpty()) {
			jdbc.sql("SELECT id, officer_id, from_station_id, to_station_id, transferred_on, reason FROM officer_transfer"
					+ " WHERE officer_id IN (:ids) ORDER BY officer_id, transferred_on, id").param("ids", officerIds)
				.query((rs, n) -> new OfficerTransferView(rs.getLong("id"), rs.getLong("officer_id"),
						nullableLong(rs, "from_station_id"), nullableLong(rs, "to_station_id"),
						rs.getDate("transferred_on").toLocalDate(), rs.getString("reason")))
				.stream().forEach(t -> result.computeIfAbsent(t.officerId(), k -> new ArrayList<>()).add(t));
		}
		return result;
	}

	// Staffing

	/** ACTIVE officers of each station with a town under the area, by station code. */
	public List<StationStaffingView> stationStaffing(String areaPrefix) {
		return jdbc.sql("""
				SELECT s.id, COUNT(o.id) AS officers, COALESCE(SUM(o.kind = 'POLICE'), 0) AS police,
				       COALESCE(SUM(o.community_officer), 0) AS community
				FROM station s LEFT JOIN officer o ON o.station_id = s.id AND o.status = 'ACTIVE'
				WHERE s.id IN (SELECT st.station_id FROM station_town st WHERE st.town_path LIKE :prefix)
				GROUP BY s.id, s.code ORDER BY s.code""").param("prefix", areaPrefix + "%")
			.query((rs, n) -> new StationStaffingView(rs.getLong("id"), rs.getInt("officers"), rs.getInt("police"),
					rs.getInt("officers") - rs.getInt("police"), rs.getInt("community")))
			.list();
	}

	/** ACTIVE officers serving in departments of a bureau whose county lies under the area. */
	public int departmentOfficers(String areaPrefix) {
		return jdbc.sql("SELECT COUNT(*) FROM officer WHERE status = 'ACTIVE' AND station_id IS NULL AND bureau_path LIKE :prefix")
			.param("prefix", areaPrefix + "%").query(Integer.class).single();
	}

	/** Officers of the area (its stations, or its bureau's departments) registered in the period. */
	public int newOfficers(String areaPrefix, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM officer o
				WHERE o.registered_on BETWEEN :from AND :to
				  AND (o.station_id IN (SELECT st.station_id FROM station_town st WHERE st.town_path LIKE :prefix)
				       OR (o.station_id IS NULL AND o.bureau_path LIKE :prefix))""")
			.param("prefix", areaPrefix + "%").param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.query(Integer.class).single();
	}

	// Visits

	public Optional<VisitView> visit(long id) {
		return jdbc.sql("SELECT " + VISIT_COLUMNS + " FROM visit v WHERE v.id = :id").param("id", id).query(VISIT)
			.optional();
	}

	/** Visits inside the scope, newest first. */
	public Connection<VisitView> visits(VisitFilter filter, String areaPrefix, List<String> scopePrefixes,
			PageRequest page, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(ScopeSql.underAny("v.area_path", scopePrefixes, "s", params));
		if (areaPrefix != null) {
			where.append(" AND v.area_path LIKE :areaPrefix");
			params.put("areaPrefix", areaPrefix + "%");
		}
		if (filter.officerId() != null) {
			where.append(" AND v.officer_id = :officerId");
			params.put("officerId", filter.officerId());
		}
		if (filter.from() != null) {
			where.append(" AND v.visited_on >= :from");
			params.put("from", Date.valueOf(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" AND v.visited_on <= :to");
			params.put("to", Date.valueOf(filter.to()));
		}
		if (filter.purpose() != null) {
			where.append(" AND v.purpose = :purpose");
			params.put("purpose", filter.purpose().name());
		}
		Integer total = withCount ? count("SELECT COUNT(*) FROM visit v" + where, params) : null;
		StringBuilder sql = new StringBuilder("SELECT " + VISIT_COLUMNS + " FROM visit v").append(where);
		if (page.cursor() != null) {
			String[] key = Cursor.decode(VISIT_CURSOR, page.cursor()).split("\\|");
			try {
				params.put("cursorDate", Date.valueOf(LocalDate.parse(key[0])));
				params.put("cursorId", Long.parseLong(key[1]));
			}
			catch (RuntimeException ex) {
				throw new org.zhufang.shared.BadRequestException("Invalid cursor");
			}
			// newest first: forwards goes to older visits, backwards to newer ones
			sql.append(page.backwards()
					? " AND (v.visited_on > :cursorDate OR (v.visited_on = :cursorDate AND v.id > :cursorId))"
					: " AND (v.visited_on < :cursorDate OR (v.visited_on = :cursorDate AND v.id < :cursorId))");
		}
		sql.append(page.backwards() ? " ORDER BY v.visited_on, v.id" : " ORDER BY v.visited_on DESC, v.id DESC")
			.append(" LIMIT :limit");
		params.put("limit", page.fetchSize());
		List<VisitView> rows = jdbc.sql(sql.toString()).params(params).query(VISIT).list();
		return Connection.of(rows, page, v -> Cursor.encode(VISIT_CURSOR, v.visitedOn() + "|" + v.id()), total);
	}

	public VisitFiguresView visitFigures(long areaId, String areaPrefix, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COUNT(*) AS visits,
				       COUNT(DISTINCT v.village_id, COALESCE(v.address, v.place_name)) AS households,
				       COALESCE(SUM(v.contact_cards), 0) AS cards,
				       COALESCE(SUM(v.satisfaction IS NOT NULL), 0) AS asked,
				       COALESCE(SUM(v.satisfaction IN ('VERY_SATISFIED', 'SATISFIED')), 0) AS satisfied
				FROM visit v
				WHERE v.area_path LIKE :prefix AND v.visited_on BETWEEN :from AND :to""")
			.param("prefix", areaPrefix + "%").param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.query((rs, n) -> new VisitFiguresView(areaId, from, to, rs.getInt("visits"), rs.getInt("households"),
					rs.getInt("cards"), rs.getInt("asked"), rs.getInt("satisfied")))
			.single();
	}

	// SQL helpers

	/** A keyset page ordered by id: forwards after the cursor, or backwards before it (rows come in paging direction). */
	private <T> List<T> pageById(String select, String alias, Map<String, Object> params, PageRequest page,
			String cursorKind, RowMapper<T> mapper) {
		StringBuilder sql = new StringBuilder(select);
		if (page.cursor() != null) {
			sql.append(" AND ").append(alias).append(page.backwards() ? ".id < :cursor" : ".id > :cursor");
			params.put("cursor", Cursor.decodeLong(cursorKind, page.cursor()));
		}
		sql.append(" ORDER BY ").append(alias).append(page.backwards() ? ".id DESC" : ".id").append(" LIMIT :limit");
		params.put("limit", page.fetchSize());
		return jdbc.sql(sql.toString()).params(params).query(mapper).list();
	}

	private Integer count(String sql, Map<String, Object> params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	/**
	 * Officers inside the subtrees of these prefixes: see the class comment. {@code name}
	 * keeps the parameters of two such conditions in one statement apart.
	 */
	static String officerJurisdiction(List<String> prefixes, Map<String, Object> params, String name) {
		if (prefixes.isEmpty()) {
			return "1 = 0";
		}
		List<String> towns = new ArrayList<>();
		List<String> villages = new ArrayList<>();
		List<String> bureau = new ArrayList<>();
		for (int i = 0; i < prefixes.size(); i++) {
			String like = name + "Like" + i;
			String exact = name + "Path" + i;
			params.put(like, prefixes.get(i) + "%");
			params.put(exact, prefixes.get(i));
			towns.add("st.town_path LIKE :" + like);
			villages.add("vo.village_path LIKE :" + like + " OR :" + exact + " LIKE CONCAT(vo.village_path, '%')");
			bureau.add("o.bureau_path LIKE :" + like);
		}
		return "(EXISTS (SELECT 1 FROM station_town st WHERE st.station_id = o.station_id AND (" + String.join(" OR ", towns)
				+ ")) OR EXISTS (SELECT 1 FROM village_officer vo WHERE vo.officer_id = o.id AND vo.ended_on IS NULL AND ("
				+ String.join(" OR ", villages) + ")) OR (o.station_id IS NULL AND (" + String.join(" OR ", bureau) + ")))";
	}

	/**
	 * {@code column} names a station with a town inside, or containing, the subtrees of these
	 * prefixes: the visibility of stations and of their police offices.
	 */
	static String visibleStation(String column, List<String> prefixes, Map<String, Object> params) {
		return column + " IN (SELECT vst.station_id FROM station_town vst WHERE "
				+ stationTownCondition("vst", prefixes, params) + ")";
	}

	/** Station towns inside, or containing, the subtrees of these prefixes. */
	static String stationTownCondition(String alias, List<String> prefixes, Map<String, Object> params) {
		return ScopeSql.insideOrAbove(alias + ".town_path", prefixes, "town", params);
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static OfficerView officer(ResultSet rs) throws SQLException {
		return new OfficerView(rs.getLong("id"), rs.getString("name"), rs.getString("badge_number"),
				OfficerKind.valueOf(rs.getString("kind")), rs.getString("rank_title"), rs.getString("phone"),
				nullableLong(rs, "station_id"), nullableLong(rs, "police_office_id"), rs.getBoolean("community_officer"),
				rs.getDate("joined_on").toLocalDate(), OfficerStatus.valueOf(rs.getString("status")), rs.getInt("version"));
	}

	private static PoliceOfficeView office(ResultSet rs) throws SQLException {
		return new PoliceOfficeView(rs.getLong("id"), rs.getLong("station_id"), rs.getString("name"),
				rs.getLong("area_id"), PoliceOfficeMode.valueOf(rs.getString("mode")), rs.getString("address"),
				rs.getBoolean("open_24x7"), rs.getString("partner_organisation"), rs.getInt("version"));
	}

	private static VillageOfficerView assignment(ResultSet rs) throws SQLException {
		Date ended = rs.getDate("ended_on");
		return new VillageOfficerView(rs.getLong("id"), rs.getLong("village_id"), rs.getLong("officer_id"),
				rs.getDate("started_on").toLocalDate(), ended == null ? null : ended.toLocalDate(), rs.getString("end_reason"),
				rs.getString("end_note"));
	}

	private static VisitView visit(ResultSet rs) throws SQLException {
		String satisfaction = rs.getString("satisfaction");
		Timestamp created = rs.getTimestamp("created_at");
		return new VisitView(rs.getLong("id"), rs.getLong("officer_id"), rs.getLong("village_id"),
				nullableLong(rs, "grid_id"), rs.getDate("visited_on").toLocalDate(), rs.getString("address"),
				rs.getString("place_name"), VisitPurpose.valueOf(rs.getString("purpose")), rs.getInt("contact_cards"),
				satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getString("suggestions"),
				rs.getString("notes"), created == null ? null : created.toInstant());
	}
}
