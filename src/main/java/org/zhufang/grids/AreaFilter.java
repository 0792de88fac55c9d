package org.zhufang.grids;

/** Filters of the area list; all optional. {@code underAreaId} includes the area itself. */
public record AreaFilter(AreaLevel level, Long parentId, Long underAreaId, String search, AreaStatus status) {

	public static AreaFilter none() {
		return new AreaFilter(null, null, null, null, null);
	}
}
