package org.zhufang.grids;

/** An area is ACTIVE until it is retired; retired areas stay for history. */
public enum AreaStatus {
	ACTIVE, RETIRED
}
