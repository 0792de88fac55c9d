package org.zhufang.grids;

import java.time.LocalDate;

/** A person took a role on a grid. Carries no personal data: read the assignment for that. */
public record GridStaffAssigned(long assignmentId, long gridId, StaffRole role, PersonKind personKind,
		String personRef, LocalDate startedOn) {
}
