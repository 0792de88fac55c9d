package org.zhufang.grids;

/** Roles of the "3+N" grid staff: one chief, one deputy, members, and N extras. */
public enum StaffRole {

	CHIEF, DEPUTY_CHIEF, MEMBER, EXTRA;

	/** Whether a grid has at most one active holder of this role. */
	public boolean isExclusive() {
		return this == CHIEF || this == DEPUTY_CHIEF;
	}
}
