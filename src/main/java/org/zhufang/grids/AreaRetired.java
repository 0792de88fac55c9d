package org.zhufang.grids;

/** An area was retired; it stays in the tree for history but takes no new children or staff. */
public record AreaRetired(long areaId, String code, AreaLevel level) {
}
