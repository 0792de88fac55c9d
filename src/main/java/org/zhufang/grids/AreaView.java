package org.zhufang.grids;

import java.util.Arrays;
import java.util.List;

/**
 * An area as other modules and the API see it.
 *
 * @param path ids from the root down to this area, e.g. {@code /1/3/57/}
 */
public record AreaView(long id, String code, String name, AreaLevel level, AreaStatus status, Long parentId,
		String path, int households, int residents, int version) {

	/** Ids of the ancestors, from the root down, without this area. */
	public List<Long> ancestorIds() {
		return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf)
			.filter(ancestor -> ancestor != id).toList();
	}
}
