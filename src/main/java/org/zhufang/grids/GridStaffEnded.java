package org.zhufang.grids;

import java.time.LocalDate;

/** An assignment ended; it stays in the grid's history. */
public record GridStaffEnded(long assignmentId, long gridId, StaffRole role, PersonKind personKind,
		String personRef, LocalDate endedOn) {
}
