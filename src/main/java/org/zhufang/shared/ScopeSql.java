package org.zhufang.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQL fragments for the jurisdiction filters every module writes over its own tables: each table
 * keeps the materialised path of the areas it refers to, and a caller's scope is a list of path
 * prefixes (see the grid network's {@code AreaScope}). Values are always bound as parameters.
 */
public final class ScopeSql {

	private ScopeSql() {
	}

	/**
	 * {@code (column LIKE :name0 OR column LIKE :name1 ...)}: the path lies inside one of the
	 * subtrees. Nothing matches an empty scope.
	 */
	public static String underAny(String column, List<String> prefixes, String name, Map<String, Object> params) {
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

	/**
	 * The path lies inside one of the subtrees, or above one of them (on the way down to it): a
	 * county-wide campaign or a station covering a town is visible to a village-scoped caller.
	 */
	public static String insideOrAbove(String column, List<String> prefixes, String name, Map<String, Object> params) {
		if (prefixes.isEmpty()) {
			return "1 = 0";
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < prefixes.size(); i++) {
			parts.add("(" + column + " LIKE :" + name + i + " OR :" + name + "Path" + i + " LIKE CONCAT(" + column + ", '%'))");
			params.put(name + i, prefixes.get(i) + "%");
			params.put(name + "Path" + i, prefixes.get(i));
		}
		return "(" + String.join(" OR ", parts) + ")";
	}

	/** A LIKE pattern matching text that contains {@code term} literally. */
	public static String containing(String term) {
		return "%" + escapeLike(term) + "%";
	}

	/** {@code term} with LIKE's wildcards escaped, for patterns built around it. */
	public static String escapeLike(String term) {
		return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
