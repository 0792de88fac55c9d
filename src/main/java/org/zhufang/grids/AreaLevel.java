package org.zhufang.grids;

/** The four levels of the area tree, each nested in the one before. */
public enum AreaLevel {

	COUNTY, TOWN, VILLAGE, GRID;

	/** Whether an area of this level may hang directly under an area of the given level. */
	public boolean isDirectlyBelow(AreaLevel parent) {
		return parent != null && parent.ordinal() + 1 == ordinal();
	}
}
