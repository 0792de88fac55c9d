package org.zhufang.outreach.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhufang.shared.ScopeSql;
import org.zhufang.outreach.AudienceKind;
import org.zhufang.outreach.CampaignFilter;
import org.zhufang.outreach.CampaignReachView;
import org.zhufang.outreach.CampaignStatus;
import org.zhufang.outreach.CampaignView;
import org.zhufang.outreach.OutreachTheme;
import org.zhufang.outreach.ReachDimension;
import org.zhufang.outreach.ReachView;
import org.zhufang.outreach.TalkCorrectionView;
import org.zhufang.outreach.TalkCorrectionView.Change;
import org.zhufang.outreach.TalkFilter;
import org.zhufang.outreach.TalkFormat;
import org.zhufang.outreach.TalkStatus;
import org.zhufang.outreach.TalkView;
import org.zhufang.outreach.VenueKind;
import org.zhufang.shared.BadRequestException;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.Cursor;
import org.zhufang.shared.paging.PageRequest;

/**
 * Campaigns, talks and reach in SQL: keyset pages filtered by area paths, batch loads behind
 * nested fields (one statement per field and level, whatever the number of parents), and the
 * reach aggregates, each one range scan of {@code talk.area_path}.
 */
@Repository
public class OutreachQueries {

	public static final String CAMPAIGN_CURSOR = "campaign";

	public static final String TALK_CURSOR = "talk";

	private static final String CAMPAIGN_COLUMNS = "c.id, c.name, c.themes, c.area_id, c.area_path, c.starts_on, "
			+ "c.ends_on, c.reach_target, c.description, c.status, c.version, c.created_at";

	/** A talk with its themes and speakers in the same row: one statement for a whole page. */
	private static final String TALK_COLUMNS = "t.id, t.campaign_id, t.area_id, t.area_path, t.held_at, t.held_on, "
			+ "t.venue_kind, t.venue_name, t.format, t.audience_count, t.audience_kind, t.materials, t.app_installs, "
			+ "t.notes, t.status, t.withdrawn_reason, t.withdrawn_at, t.logged_by, t.logged_by_name, t.version, "
			+ "t.created_at, "
			+ "(SELECT GROUP_CONCAT(th.theme ORDER BY th.theme) FROM talk_theme th WHERE th.talk_id = t.id) AS themes, "
			+ "(SELECT GROUP_CONCAT(o.officer_id ORDER BY o.officer_id) FROM talk_officer o WHERE o.talk_id = t.id) AS officer_ids, "
			+ "(SELECT GROUP_CONCAT(m.team_id ORDER BY m.team_id) FROM talk_team m WHERE m.talk_id = t.id) AS team_ids";

	private static final String COUNTED = "t.status = 'COUNTED'";

	private static final RowMapper<CampaignView> CAMPAIGN = (rs, n) -> campaign(rs);

	private static final RowMapper<TalkView> TALK = (rs, n) -> talk(rs);

	/** Whose talks a nested list shows: the join that ties a talk to its parent. */
	public enum Owner {
		CAMPAIGN("t.campaign_id", ""), OFFICER("o.officer_id", " JOIN talk_officer o ON o.talk_id = t.id"),
		TEAM("m.team_id", " JOIN talk_team m ON m.talk_id = t.id");

		private final String column;

		private final String join;

		Owner(String column, String join) {
			this.column = column;
			this.join = join;
		}
	}

	private final JdbcClient jdbc;

	OutreachQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Campaigns

	public Optional<CampaignView> campaign(long id) {
		return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign c WHERE c.id = :id").param("id", id)
			.query(CAMPAIGN).optional();
	}

	/** Campaigns by id owned by an area inside the scope or above it, as {@link #campaignPage} lists them. */
	public Map<Long, CampaignView> campaigns(Collection<Long> ids, List<String> scope) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign c WHERE c.id IN (:ids) AND "
				+ ScopeSql.insideOrAbove("c.area_path", scope, "scope", params)).params(params)
			.query(CAMPAIGN).stream().collect(Collectors.toMap(CampaignView::id, c -> c));
	}

	/**
	 * Campaigns owned by an area inside the scope or above it (a county campaign runs in every
	 * town), matching the filter, by id; backwards pages are read in descending order.
	 */
	public Connection<CampaignView> campaignPage(CampaignFilter filter, String filterPath, List<String> scope,
			PageRequest page, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(ScopeSql.insideOrAbove("c.area_path", scope, "scope", params));
		if (filterPath != null) {
			where.append(" AND ").append(ScopeSql.insideOrAbove("c.area_path", List.of(filterPath), "area", params));
		}
		if (filter.theme() != null) {
			where.append(" AND FIND_IN_SET(:theme, c.themes) > 0");
			params.put("theme", filter.theme().name());
		}
		if (filter.status() != null) {
			where.append(" AND c.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.activeOn() != null) {
			where.append(" AND c.status = 'ACTIVE' AND c.starts_on <= :activeOn AND c.ends_on >= :activeOn");
			params.put("activeOn", Date.valueOf(filter.activeOn()));
		}
		Integer total = withCount
				? jdbc.sql("SELECT COUNT(*) FROM campaign c" + where).params(params).query(Integer.class).single()
				: null;
		if (page.cursor() != null) {
			where.append(page.backwards() ? " AND c.id < :cursor" : " AND c.id > :cursor");
			params.put("cursor", Cursor.decodeLong(CAMPAIGN_CURSOR, page.cursor()));
		}
		params.put("limit", page.fetchSize());
		List<CampaignView> rows = jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign c" + where
				+ " ORDER BY c.id" + (page.backwards() ? " DESC" : "") + " LIMIT :limit").params(params)
			.query(CAMPAIGN).list();
		return Connection.of(rows, page, c -> Cursor.encode(CAMPAIGN_CURSOR, String.valueOf(c.id())), total);
	}

	/** Reach of each campaign: its counted talks, in one statement for all of them. */
	public Map<Long, CampaignReachView> campaignReach(Map<Long, Integer> targets) {
		return campaignReach(targets, null);
	}

	/**
	 * What each campaign's counted talks held inside the scope reached (all its talks when the
	 * scope is null), in one statement for all the campaigns.
	 */
	public Map<Long, CampaignReachView> campaignReach(Map<Long, Integer> targets, List<String> scope) {
		if (targets.isEmpty()) {
			return Map.of();
		}
		Map<Long, CampaignReachView> result = new HashMap<>();
		Map<String, Object> params = new HashMap<>();
		params.put("ids", targets.keySet());
		String inScope = scope == null ? "" : " AND " + ScopeSql.underAny("t.area_path", scope, "scope", params);
		jdbc.sql("SELECT t.campaign_id, COUNT(*) AS talks, SUM(t.audience_count) AS people, SUM(t.materials) AS materials,"
				+ " SUM(t.app_installs) AS installs FROM talk t WHERE t.campaign_id IN (:ids) AND " + COUNTED + inScope
				+ " GROUP BY t.campaign_id").params(params)
			.query(rs -> {
				long id = rs.getLong("campaign_id");
				result.put(id, new CampaignReachView(id, rs.getInt("talks"), rs.getInt("people"), rs.getInt("materials"),
						rs.getInt("installs"), targets.get(id)));
			});
		targets.forEach((id, target) -> result.putIfAbsent(id, new CampaignReachView(id, 0, 0, 0, 0, target)));
		return result;
	}

	/**
	 * The campaign's status read under a shared lock, held until the transaction ends: a talk
	 * logged meanwhile and the campaign's closing cannot interleave.
	 */
	public Optional<CampaignStatus> lockStatus(long campaignId) {
		return jdbc.sql("SELECT status FROM campaign WHERE id = :id LOCK IN SHARE MODE").param("id", campaignId)
			.query((rs, n) -> CampaignStatus.valueOf(rs.getString(1))).optional();
	}

	/**
	 * The campaign's status read under an exclusive lock, held until the transaction ends: taken
	 * first by the campaign's own changes (update, activate, close), which so wait for talks being
	 * logged, corrected or withdrawn ({@link #lockStatus}) and then read what those committed.
	 */
	public Optional<CampaignStatus> lockForChange(long campaignId) {
		return jdbc.sql("SELECT status FROM campaign WHERE id = :id FOR UPDATE").param("id", campaignId)
			.query((rs, n) -> CampaignStatus.valueOf(rs.getString(1))).optional();
	}

	/**
	 * The campaign of a talk, the talk's row locked until the transaction ends (a locking read, so
	 * the transaction's snapshot starts after it): corrections and withdrawals of one talk queue.
	 */
	public Optional<Long> lockTalk(long talkId) {
		return jdbc.sql("SELECT campaign_id FROM talk WHERE id = :id FOR UPDATE").param("id", talkId)
			.query(Long.class).optional();
	}

	/** Themes of the campaign's counted talks. */
	public Set<OutreachTheme> themesInUse(long campaignId) {
		return jdbc.sql("SELECT DISTINCT th.theme FROM talk t JOIN talk_theme th ON th.talk_id = t.id"
				+ " WHERE t.campaign_id = :id AND " + COUNTED).param("id", campaignId)
			.query((rs, n) -> OutreachTheme.valueOf(rs.getString(1))).stream()
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(OutreachTheme.class)));
	}

	/** The first and last day of the campaign's counted talks, if it has any. */
	public Optional<LocalDate[]> talkDays(long campaignId) {
		return jdbc.sql("SELECT MIN(t.held_on), MAX(t.held_on) FROM talk t WHERE t.campaign_id = :id AND " + COUNTED)
			.param("id", campaignId)
			.query((rs, n) -> rs.getDate(1) == null ? null
					: new LocalDate[] { rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate() })
			.optional();
	}

	// Talks

	public Optional<TalkView> talk(long id) {
		return jdbc.sql("SELECT " + TALK_COLUMNS + " FROM talk t WHERE t.id = :id").param("id", id).query(TALK)
			.optional();
	}

	/**
	 * Talks inside the scope matching the filter, newest first; backwards pages are read oldest
	 * first from the cursor and turned round by {@link Connection#of}.
	 */
	public Connection<TalkView> talkPage(TalkFilter filter, String underPrefix, List<String> scope, PageRequest page,
			boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(ScopeSql.underAny("t.area_path", scope, "scope", params));
		if (underPrefix != null) {
			where.append(" AND t.area_path LIKE :under");
			params.put("under", underPrefix + "%");
		}
		if (filter.campaignId() != null) {
			where.append(" AND t.campaign_id = :campaignId");
			params.put("campaignId", filter.campaignId());
		}
		if (filter.theme() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM talk_theme ft WHERE ft.talk_id = t.id AND ft.theme = :theme)");
			params.put("theme", filter.theme().name());
		}
		if (filter.venueKind() != null) {
			where.append(" AND t.venue_kind = :venueKind");
			params.put("venueKind", filter.venueKind().name());
		}
		if (filter.from() != null) {
			where.append(" AND t.held_on >= :from");
			params.put("from", Date.valueOf(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" AND t.held_on <= :to");
			params.put("to", Date.valueOf(filter.to()));
		}
		if (filter.speakerOfficerId() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM talk_officer fo WHERE fo.talk_id = t.id AND fo.officer_id = :officer)");
			params.put("officer", filter.speakerOfficerId());
		}
		if (filter.speakerTeamId() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM talk_team fm WHERE fm.talk_id = t.id AND fm.team_id = :team)");
			params.put("team", filter.speakerTeamId());
		}
		Integer total = withCount
				? jdbc.sql("SELECT COUNT(*) FROM talk t" + where).params(params).query(Integer.class).single()
				: null;
		if (page.backwards()) {
			if (page.before() != null) {
				where.append(beforeCursor(page.before(), params));
			}
		}
		else if (page.after() != null) {
			where.append(afterCursor(page.after(), params));
		}
		params.put("limit", page.fetchSize());
		String order = page.backwards() ? " ORDER BY t.held_at ASC, t.id ASC" : " ORDER BY t.held_at DESC, t.id DESC";
		List<TalkView> rows = jdbc.sql("SELECT " + TALK_COLUMNS + " FROM talk t" + where + order + " LIMIT :limit")
			.params(params).query(TALK).list();
		return Connection.of(rows, page, OutreachQueries::talkCursor, total);
	}

	/**
	 * The first page of talks (inside the scope, newest first) of each campaign, officer or team,
	 * in one statement, and their counts in one more when asked for.
	 */
	public Map<Long, Connection<TalkView>> talksOf(Owner owner, Collection<Long> ownerIds, List<String> scope,
			PageRequest page, boolean withCount) {
		if (page.backwards()) {
			throw new BadRequestException("Nested talks are paged forwards only");
		}
		if (ownerIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("owners", ownerIds);
		String where = " WHERE " + owner.column + " IN (:owners) AND " + ScopeSql.underAny("t.area_path", scope, "scope", params);
		Map<Long, Integer> counts = new HashMap<>();
		if (withCount) {
			jdbc.sql("SELECT " + owner.column + " AS owner_id, COUNT(*) AS n FROM talk t" + owner.join + where
					+ " GROUP BY " + owner.column).params(params)
				.query(rs -> {
					counts.put(rs.getLong("owner_id"), rs.getInt("n"));
				});
		}
		String cursor = page.after() == null ? "" : afterCursor(page.after(), params);
		params.put("limit", page.fetchSize());
		Map<Long, List<TalkView>> found = new HashMap<>();
		jdbc.sql("SELECT * FROM (SELECT " + owner.column + " AS owner_id, " + TALK_COLUMNS + ", ROW_NUMBER() OVER ("
				+ "PARTITION BY " + owner.column + " ORDER BY t.held_at DESC, t.id DESC) AS rn FROM talk t" + owner.join
				+ where + cursor + ") x WHERE x.rn <= :limit ORDER BY x.owner_id, x.rn").params(params)
			.query((rs, n) -> Map.entry(rs.getLong("owner_id"), talk(rs))).stream()
			.forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, Connection<TalkView>> result = new HashMap<>();
		ownerIds.forEach(id -> result.put(id, Connection.of(found.getOrDefault(id, List.of()), page,
				OutreachQueries::talkCursor, withCount ? counts.getOrDefault(id, 0) : null)));
		return result;
	}

	/** Corrections of each talk, oldest first, in one statement. */
	public Map<Long, List<TalkCorrectionView>> corrections(Collection<Long> talkIds) {
		if (talkIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Map<Integer, TalkCorrectionView>> byTalk = new LinkedHashMap<>();
		jdbc.sql("SELECT talk_id, talk_version, field, before_value, after_value, reason, corrected_by_name, corrected_at"
				+ " FROM talk_correction WHERE talk_id IN (:ids) ORDER BY talk_id, id").param("ids", talkIds)
			.query(rs -> {
				long talkId = rs.getLong("talk_id");
				int version = rs.getInt("talk_version");
				TalkCorrectionView correction = byTalk.computeIfAbsent(talkId, k -> new LinkedHashMap<>())
					.computeIfAbsent(version, v -> {
						try {
							return new TalkCorrectionView(talkId, v, instant(rs, "corrected_at"),
									rs.getString("corrected_by_name"), rs.getString("reason"), new ArrayList<>());
						}
						catch (SQLException ex) {
							throw new IllegalStateException(ex);
						}
					});
				correction.changes().add(new Change(rs.getString("field"), rs.getString("before_value"),
						rs.getString("after_value")));
			});
		Map<Long, List<TalkCorrectionView>> result = new HashMap<>();
		byTalk.forEach((id, corrections) -> result.put(id, List.copyOf(corrections.values())));
		return result;
	}

	public void recordCorrection(long talkId, int talkVersion, List<Change> changes, String reason, String by,
			String byName, Instant at) {
		for (Change change : changes) {
			jdbc.sql("INSERT INTO talk_correction (talk_id, talk_version, field, before_value, after_value, reason,"
					+ " corrected_by, corrected_by_name, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(talkId, talkVersion, change.field(), change.before(), change.after(), reason, by, byName,
						Timestamp.from(at))
				.update();
		}
	}

	// Reach

	/**
	 * Reach of the subtree under {@code prefix} between two days (inclusive): totals in one
	 * statement, rows per combination of the dimensions in another. Grouping by THEME joins the
	 * talks' themes, so a talk counts once in each of its themes' rows.
	 */
	public ReachView reach(long areaId, String prefix, LocalDate from, LocalDate to, Collection<ReachDimension> groupBy) {
		Map<String, Object> params = Map.of("prefix", prefix + "%", "from", Date.valueOf(from), "to", Date.valueOf(to));
		String where = " WHERE t.area_path LIKE :prefix AND t.held_on BETWEEN :from AND :to AND " + COUNTED;
		ReachView totals = jdbc.sql("SELECT COUNT(*) AS talks, COALESCE(SUM(t.audience_count), 0) AS people,"
				+ " COALESCE(SUM(t.materials), 0) AS materials, COALESCE(SUM(t.app_installs), 0) AS installs FROM talk t"
				+ where).params(params)
			.query((rs, n) -> new ReachView(areaId, from, to, rs.getInt("talks"), rs.getInt("people"),
					rs.getInt("materials"), rs.getInt("installs"), List.of()))
			.single();
		Set<ReachDimension> dimensions = groupBy == null ? Set.of() : new TreeSet<>(groupBy);
		if (dimensions.isEmpty()) {
			return totals;
		}
		List<String> columns = new ArrayList<>();
		String join = "";
		if (dimensions.contains(ReachDimension.THEME)) {
			columns.add("th.theme");
			join = " JOIN talk_theme th ON th.talk_id = t.id";
		}
		if (dimensions.contains(ReachDimension.VENUE_KIND)) {
			columns.add("t.venue_kind");
		}
		if (dimensions.contains(ReachDimension.MONTH)) {
			columns.add("DATE_FORMAT(t.held_on, '%Y-%m')");
		}
		String grouped = String.join(", ", columns);
		String select = (dimensions.contains(ReachDimension.THEME) ? "th.theme" : "NULL") + " AS theme, "
				+ (dimensions.contains(ReachDimension.VENUE_KIND) ? "t.venue_kind" : "NULL") + " AS venue_kind, "
				+ (dimensions.contains(ReachDimension.MONTH) ? "DATE_FORMAT(t.held_on, '%Y-%m')" : "NULL") + " AS month";
		List<ReachView.Row> rows = jdbc.sql("SELECT " + select + ", COUNT(*) AS talks, SUM(t.audience_count) AS people"
				+ " FROM talk t" + join + where + " GROUP BY " + grouped + " ORDER BY " + grouped).params(params)
			.query((rs, n) -> new ReachView.Row(
					rs.getString("theme") == null ? null : OutreachTheme.valueOf(rs.getString("theme")),
					rs.getString("venue_kind") == null ? null : VenueKind.valueOf(rs.getString("venue_kind")),
					rs.getString("month"), rs.getInt("talks"), rs.getInt("people")))
			.list();
		return new ReachView(areaId, from, to, totals.talks(), totals.peopleReached(), totals.materials(),
				totals.appInstalls(), rows);
	}

	/** Reach totals of each area's subtree in one statement: the areas are a derived table joined on path prefixes. */
	public Map<Long, ReachView> reachUnder(Map<Long, String> areaPaths, LocalDate from, LocalDate to) {
		if (areaPaths.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> params = new HashMap<>();
		List<String> rows = new ArrayList<>();
		int i = 0;
		for (Map.Entry<Long, String> area : areaPaths.entrySet()) {
			rows.add("SELECT :a" + i + " AS area_id, :p" + i + " AS prefix");
			params.put("a" + i, area.getKey());
			params.put("p" + i, area.getValue() + "%");
			i++;
		}
		params.put("from", Date.valueOf(from));
		params.put("to", Date.valueOf(to));
		Map<Long, ReachView> result = new HashMap<>();
		jdbc.sql("SELECT a.area_id, COUNT(t.id) AS talks, COALESCE(SUM(t.audience_count), 0) AS people,"
				+ " COALESCE(SUM(t.materials), 0) AS materials, COALESCE(SUM(t.app_installs), 0) AS installs FROM ("
				+ String.join(" UNION ALL ", rows) + ") a LEFT JOIN talk t ON t.area_path LIKE a.prefix"
				+ " AND t.held_on BETWEEN :from AND :to AND " + COUNTED + " GROUP BY a.area_id").params(params)
			.query(rs -> {
				long id = rs.getLong("area_id");
				result.put(id, new ReachView(id, from, to, rs.getInt("talks"), rs.getInt("people"),
						rs.getInt("materials"), rs.getInt("installs"), List.of()));
			});
		return result;
	}

	// Mapping

	/** Talks after the cursor's in the newest-first order: older ones. */
	private static String afterCursor(String after, Map<String, Object> params) {
		talkKey(after, "after", params);
		return " AND (t.held_at < :afterAt OR (t.held_at = :afterAt AND t.id < :afterId))";
	}

	/** Talks before the cursor's in the newest-first order: newer ones. */
	private static String beforeCursor(String before, Map<String, Object> params) {
		talkKey(before, "before", params);
		return " AND (t.held_at > :beforeAt OR (t.held_at = :beforeAt AND t.id > :beforeId))";
	}

	private static void talkKey(String cursor, String name, Map<String, Object> params) {
		String[] key = Cursor.decode(TALK_CURSOR, cursor).split(":");
		try {
			params.put(name + "At", Timestamp.from(Instant.ofEpochSecond(Long.parseLong(key[0]))));
			params.put(name + "Id", Long.parseLong(key[1]));
		}
		catch (RuntimeException ex) {
			throw new BadRequestException("Invalid cursor");
		}
	}

	private static String talkCursor(TalkView talk) {
		return Cursor.encode(TALK_CURSOR, talk.heldAt().getEpochSecond() + ":" + talk.id());
	}

	private static CampaignView campaign(ResultSet rs) throws SQLException {
		return new CampaignView(rs.getLong("id"), rs.getString("name"), Campaign.splitThemes(rs.getString("themes")),
				rs.getLong("area_id"), rs.getString("area_path"), rs.getDate("starts_on").toLocalDate(),
				rs.getDate("ends_on").toLocalDate(), nullableInt(rs, "reach_target"), rs.getString("description"),
				CampaignStatus.valueOf(rs.getString("status")), rs.getInt("version"), instant(rs, "created_at"));
	}

	private static TalkView talk(ResultSet rs) throws SQLException {
		return new TalkView(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("area_id"),
				rs.getString("area_path"), instant(rs, "held_at"), rs.getDate("held_on").toLocalDate(),
				VenueKind.valueOf(rs.getString("venue_kind")), rs.getString("venue_name"),
				TalkFormat.valueOf(rs.getString("format")), Campaign.splitThemes(rs.getString("themes")),
				rs.getInt("audience_count"), AudienceKind.valueOf(rs.getString("audience_kind")), rs.getInt("materials"),
				rs.getInt("app_installs"), longs(rs.getString("officer_ids")), longs(rs.getString("team_ids")),
				rs.getString("notes"), TalkStatus.valueOf(rs.getString("status")), rs.getString("withdrawn_reason"),
				instant(rs, "withdrawn_at"), rs.getString("logged_by"), rs.getString("logged_by_name"),
				rs.getInt("version"), instant(rs, "created_at"));
	}

	private static List<Long> longs(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(Long::valueOf).toList();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}
}
