package org.zhufang.grids;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.zhufang.grids.internal.AreaQueries;
import org.zhufang.shared.Caller;
import org.zhufang.shared.ForbiddenException;
import org.zhufang.shared.NotFoundException;

/**
 * Where a caller may look: the subtrees under its scope areas. Every module asks this service
 * whether an area lies inside a caller's jurisdiction, and filters its lists with
 * {@link #prefixes(Caller)}.
 * <p>
 * Area paths never change once set (areas are not moved), so they are cached for the life of
 * the process.
 */
@Service
public class AreaScope {

	private final AreaQueries queries;

	private final Map<Long, String> paths = new ConcurrentHashMap<>();

	AreaScope(AreaQueries queries) {
		this.queries = queries;
	}

	/** Path prefixes of the caller's scope: an area is in scope when its path starts with one. */
	public List<String> prefixes(Caller caller) {
		return pathsOf(caller.scopeAreaIds()).stream().toList();
	}

	/** Whether the area with this path lies inside the caller's scope. */
	public boolean coversPath(Caller caller, String path) {
		return path != null && prefixes(caller).stream().anyMatch(path::startsWith);
	}

	public boolean covers(Caller caller, long areaId) {
		return coversPath(caller, pathOf(areaId));
	}

	/** Refuses as FORBIDDEN an area outside the caller's scope, and as NOT_FOUND one that does not exist. */
	public void require(Caller caller, long areaId) {
		String path = existingPath(areaId);
		if (!coversPath(caller, path)) {
			throw new ForbiddenException("Area " + areaId + " is outside your jurisdiction");
		}
	}

	/**
	 * Whether a list may be filtered by this area: it lies inside the scope, or above it (then
	 * the list shows only the part inside the scope). An area that does not exist is NOT_FOUND.
	 */
	public boolean mayFilterBy(Caller caller, long areaId) {
		String path = existingPath(areaId);
		return prefixes(caller).stream().anyMatch(p -> path.startsWith(p) || p.startsWith(path));
	}

	private String existingPath(long areaId) {
		String path = pathOf(areaId);
		if (path == null) {
			throw new NotFoundException("No area " + areaId);
		}
		return path;
	}

	/** The path of an area, or null when there is no such area. */
	public String pathOf(long areaId) {
		String path = paths.get(areaId);
		if (path == null) {
			path = queries.pathsOf(List.of(areaId)).get(areaId);
			if (path != null) {
				paths.put(areaId, path);
			}
		}
		return path;
	}

	private Collection<String> pathsOf(Collection<Long> areaIds) {
		List<Long> missing = areaIds.stream().filter(id -> !paths.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			paths.putAll(queries.pathsOf(missing));
		}
		return areaIds.stream().map(paths::get).filter(p -> p != null).toList();
	}
}
