package org.zhufang.grids;

import java.time.LocalDate;

/** One assignment of a person to a grid, active while {@code endedOn} is null. */
public record GridStaffView(long id, long gridId, StaffRole role, PersonKind personKind, String personRef,
		String displayName, String phone, LocalDate startedOn, LocalDate endedOn, String endReason) {

	public boolean active() {
		return endedOn == null;
	}
}
