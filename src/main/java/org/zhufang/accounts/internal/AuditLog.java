package org.zhufang.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhufang.accounts.AuditEventView;
import org.zhufang.accounts.AuditFilter;
import org.zhufang.grids.AreaScope;
import org.zhufang.shared.Caller;
import org.zhufang.shared.PersonalData;
import org.zhufang.shared.ScopeSql;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.Cursor;
import org.zhufang.shared.paging.PageRequest;

/**
 * The append-only audit log: mutations (applied or refused), clear reads of personal data and
 * sign-ins. Entries are written in their own transaction, so a refused mutation's rollback
 * keeps its entry. Nothing here updates or deletes an entry.
 * <p>
 * Each entry keeps the actor's jurisdiction as one area path ({@code actor_path}: the deepest
 * area containing all of the actor's scope areas), so that a reader sees the entries of actors
 * inside their own jurisdiction only. Refused sign-ins of an unknown username have no actor and
 * no path and are shown to admins whose jurisdiction is a whole county; other entries without a
 * path are shown to nobody (see {@link #UNKNOWN_ACTOR}).
 */
@Component
public class AuditLog implements PersonalData.RevealLog {

	public static final String MUTATION = "MUTATION";

	public static final String PERSONAL_DATA_READ = "PERSONAL_DATA_READ";

	public static final String SIGN_IN = "SIGN_IN";

	private static final String CURSOR_KIND = "audit";

	/**
	 * Entries of nobody's jurisdiction that county-wide admins still see: refused sign-ins of an
	 * unknown username (no actor, no account). Other entries without a path (written before paths
	 * were kept, or of an actor whose scope resolved to no area) are shown to nobody, since they
	 * may belong to another county.
	 */
	private static final String UNKNOWN_ACTOR = "actor_path IS NULL AND kind = '" + SIGN_IN
			+ "' AND subject IS NULL AND target_ids IS NULL";

	/** The target_ids column's size: whole ids only, the rest counted in the detail. */
	private static final int MAX_TARGETS = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AreaScope scope;

	AuditLog(JdbcClient jdbc, Clock clock, AreaScope scope) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.scope = scope;
	}

	/** An entry of the caller, filed under the caller's jurisdiction. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String kind, Caller caller, String operation, Collection<?> targetIds, String outcome,
			String detail) {
		write(kind, caller, caller == null ? List.of() : caller.scopeAreaIds(), operation, targetIds, outcome, detail);
	}

	/**
	 * An entry without a signed-in caller but about a known account (a refused sign-in), filed
	 * under that account's jurisdiction; with no scope areas, under none.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFor(List<Long> actorScopeAreaIds, String kind, String operation, Collection<?> targetIds,
			String outcome, String detail) {
		write(kind, null, actorScopeAreaIds, operation, targetIds, outcome, detail);
	}

	private void write(String kind, Caller caller, List<Long> actorScopeAreaIds, String operation,
			Collection<?> targetIds, String outcome, String detail) {
		List<String> ids = targetIds.stream().map(String::valueOf).distinct().toList();
		StringBuilder listed = new StringBuilder();
		int omitted = 0;
		for (String id : ids) {
			if (listed.length() + id.length() + 1 > MAX_TARGETS) {
				omitted++;
			}
			else {
				listed.append(listed.isEmpty() ? "" : ",").append(id);
			}
		}
		String targets = listed.toString();
		if (omitted > 0) {
			detail = (detail == null ? "" : detail + "; ") + omitted + " more ids not listed";
		}
		jdbc.sql("""
				INSERT INTO audit_event (occurred_at, kind, subject, username, role, actor_path, operation, target_ids,
				                         outcome, detail)
				VALUES (:at, :kind, :subject, :username, :role, :actorPath, :operation, :targets, :outcome, :detail)""")
			.param("at", Timestamp.from(clock.instant()))
			.param("kind", kind)
			.param("subject", caller == null ? null : caller.subject())
			.param("username", caller == null ? null : caller.username())
			.param("role", caller == null ? null : caller.role().name())
			.param("actorPath", actorPath(actorScopeAreaIds))
			.param("operation", operation)
			.param("targets", targets.isEmpty() ? null : targets)
			.param("outcome", outcome)
			.param("detail", detail == null ? null : truncate(detail, 500))
			.update();
	}

	@Override
	public void revealed(Caller caller, String subjectType, Collection<?> subjectIds, String fields) {
		record(PERSONAL_DATA_READ, caller, subjectType + "." + fields, subjectIds, "OK", null);
	}

	/**
	 * The actor's jurisdiction as one path: the deepest common ancestor of the scope areas' paths
	 * ({@code /1/3/} for {@code /1/3/57/} and {@code /1/3/60/}), null without any.
	 */
	private String actorPath(List<Long> scopeAreaIds) {
		List<String> paths = scopeAreaIds.stream().map(scope::pathOf).filter(p -> p != null).toList();
		return paths.isEmpty() ? null : commonAncestor(paths);
	}

	static String commonAncestor(List<String> paths) {
		String common = paths.get(0);
		for (String path : paths) {
			while (!path.startsWith(common)) {
				// drop the last segment: "/1/3/57/" becomes "/1/3/"
				common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
			}
		}
		return common.isEmpty() ? null : common;
	}

	/**
	 * Newest first, of actors inside the reader's jurisdiction; refused sign-ins of unknown
	 * usernames also to readers one of whose scope areas is a root of the area tree (a county).
	 */
	@Transactional(readOnly = true)
	public Connection<AuditEventView> page(Caller reader, AuditFilter filter, PageRequest page, boolean withCount) {
		Map<String, Object> params = new HashMap<>();
		List<String> prefixes = scope.prefixes(reader);
		String inside = ScopeSql.underAny("actor_path", prefixes, "scope", params);
		boolean wholeCounty = prefixes.stream().anyMatch(AuditLog::isRoot);
		StringBuilder where = new StringBuilder(" WHERE ")
			.append(wholeCounty ? "(" + inside + " OR (" + UNKNOWN_ACTOR + "))" : inside);
		if (filter != null) {
			if (filter.accountId() != null) {
				where.append(" AND subject = :subject");
				params.put("subject", filter.accountId());
			}
			if (filter.operation() != null) {
				where.append(" AND operation = :operation");
				params.put("operation", filter.operation());
			}
			if (filter.from() != null) {
				where.append(" AND occurred_at >= :from");
				params.put("from", Timestamp.from(filter.from().toInstant()));
			}
			if (filter.to() != null) {
				where.append(" AND occurred_at < :to");
				params.put("to", Timestamp.from(filter.to().toInstant()));
			}
		}
		Integer total = withCount
				? jdbc.sql("SELECT COUNT(*) FROM audit_event" + where).params(params).query(Integer.class).single() : null;
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_event").append(where);
		if (page.cursor() != null) {
			sql.append(page.backwards() ? " AND id > :cursor" : " AND id < :cursor");
			params.put("cursor", Cursor.decodeLong(CURSOR_KIND, page.cursor()));
		}
		sql.append(page.backwards() ? " ORDER BY id ASC" : " ORDER BY id DESC").append(" LIMIT :limit");
		params.put("limit", page.fetchSize());
		List<AuditEventView> rows = jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new AuditEventView(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("kind"), rs.getString("subject"), rs.getString("username"), rs.getString("role"),
					rs.getString("operation"),
					rs.getString("target_ids") == null ? List.of() : Arrays.asList(rs.getString("target_ids").split(",")),
					rs.getString("outcome"), rs.getString("detail")))
			.list();
		return Connection.of(rows, page, e -> Cursor.encode(CURSOR_KIND, String.valueOf(e.id())), total);
	}

	/** A root area's path has one segment: {@code /1/}. */
	private static boolean isRoot(String path) {
		return path.indexOf('/', 1) == path.length() - 1;
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}
}
