package org.zhufang.grids;

/** What kind of person holds a grid staff role; the reference id points into the owning module. */
public enum PersonKind {
	OFFICER, VOLUNTEER, RESIDENT, OTHER
}
