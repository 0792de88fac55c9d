package org.zhufang.grids;

/** A new area was added to the tree. */
public record AreaCreated(long areaId, String code, String name, AreaLevel level, Long parentId) {
}
