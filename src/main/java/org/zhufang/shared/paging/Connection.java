package org.zhufang.shared.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection: edges with cursors, page info and (when asked for) the total count.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	/**
	 * Builds a page from rows fetched in paging direction with one extra row (see
	 * {@link PageRequest#fetchSize()}).
	 * @param rows rows in paging direction, at most {@code page.size() + 1}
	 * @param cursorOf the cursor of a row
	 * @param totalCount the count of all matching rows, or null when nobody asked for it
	 */
	public static <T> Connection<T> of(List<T> rows, PageRequest page, Function<T, String> cursorOf,
			Integer totalCount) {
		boolean more = rows.size() > page.size();
		List<T> nodes = new ArrayList<>(more ? rows.subList(0, page.size()) : rows);
		if (page.backwards()) {
			Collections.reverse(nodes);
		}
		List<Edge<T>> edges = nodes.stream().map(node -> new Edge<>(cursorOf.apply(node), node)).toList();
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		// A cursor names a row the client has seen, so rows lie on its other side.
		boolean hasNext = page.backwards() ? page.before() != null : more;
		boolean hasPrevious = page.backwards() ? more : page.after() != null;
		return new Connection<>(edges, new PageInfo(hasNext, hasPrevious, start, end), totalCount);
	}

	public <R> Connection<R> map(Function<T, R> mapper) {
		return new Connection<>(edges.stream().map(e -> new Edge<>(e.cursor(), mapper.apply(e.node()))).toList(),
				pageInfo, totalCount);
	}
}
