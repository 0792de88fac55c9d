package org.zhufang.grids.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.grids.GridStaffView;
import org.zhufang.grids.PersonKind;
import org.zhufang.grids.StaffRole;

/**
 * A person's role on a grid, from a start date until it ends. Ended assignments are history:
 * they never change again.
 */
@Table("grid_staff")
public class GridStaffAssignment {

	@Id
	private Long id;

	private Long gridId;

	private StaffRole role;

	private PersonKind personKind;

	private String personRef;

	private String displayName;

	private String phone;

	private LocalDate startedOn;

	private LocalDate endedOn;

	private String endReason;

	@Version
	private Integer version;

	private Instant createdAt;

	GridStaffAssignment() {
	}

	public static GridStaffAssignment start(long gridId, StaffRole role, PersonKind personKind, String personRef,
			String displayName, String phone, LocalDate startedOn, Instant now) {
		GridStaffAssignment assignment = new GridStaffAssignment();
		assignment.gridId = gridId;
		assignment.role = role;
		assignment.personKind = personKind;
		assignment.personRef = personRef;
		assignment.displayName = displayName;
		assignment.phone = phone;
		assignment.startedOn = startedOn;
		assignment.createdAt = now;
		return assignment;
	}

	/** Ends the assignment; the caller has checked the date is not before the start. */
	public void end(LocalDate on, String reason) {
		if (endedOn != null) {
			throw new IllegalStateException("Already ended");
		}
		if (on.isBefore(startedOn)) {
			throw new IllegalStateException("Cannot end before the start");
		}
		endedOn = on;
		endReason = reason;
	}

	public boolean isActive() {
		return endedOn == null;
	}

	public Long getGridId() {
		return gridId;
	}

	public LocalDate getStartedOn() {
		return startedOn;
	}

	public GridStaffView toView() {
		return new GridStaffView(id, gridId, role, personKind, personRef, displayName, phone, startedOn, endedOn,
				endReason);
	}
}
