package org.zhufang.teams.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers for the module's hand-written SQL. */
final class Sql {

	private Sql() {
	}

	/**
	 * {@code (col LIKE :p0 OR col LIKE :p1 ...)} for the caller's scope prefixes; nothing matches
	 * an empty scope.
	 */
	static String underAny(String column, List<String> prefixes, String name, Map<String, Object> params) {
		if (prefixes.isEmpty()) {
			return "1 = 0";
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < prefixes.size(); i++) {
			parts.add(column + " LIKE :" + name + i);
			params.put(name + i, prefixes.get(i) + "%");
		}
		return "(" + String.join(" OR ", parts) + ")";
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}
}
