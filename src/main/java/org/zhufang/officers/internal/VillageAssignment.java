package org.zhufang.officers.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.officers.VillageOfficerView;

/**
 * An officer's responsibility for a village, from a start date until it ends. At most one is
 * active per village (a unique key over a generated column); ended ones are history.
 */
@Table("village_officer")
public class VillageAssignment {

	@Id
	private Long id;

	private Long villageId;

	private String villagePath;

	private Long officerId;

	private LocalDate startedOn;

	private LocalDate endedOn;

	private String endReason;

	private String endNote;

	@Version
	private Integer version;

	private Instant createdAt;

	VillageAssignment() {
	}

	public static VillageAssignment start(long villageId, String villagePath, long officerId, LocalDate on, Instant now) {
		VillageAssignment assignment = new VillageAssignment();
		assignment.villageId = villageId;
		assignment.villagePath = villagePath;
		assignment.officerId = officerId;
		assignment.startedOn = on;
		assignment.createdAt = now;
		return assignment;
	}

	/**
	 * Ends the assignment on that day (the day a successor starts, a transfer, or an end without
	 * successor), with a reason code and optionally a note in words.
	 */
	public void end(LocalDate on, String reason, String note) {
		end(on, reason);
		endNote = note;
	}

	/** Ends the assignment on that day (the day a successor starts, a transfer, or an end without successor). */
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

	public Long getId() {
		return id;
	}

	public Long getVillageId() {
		return villageId;
	}

	public Long getOfficerId() {
		return officerId;
	}

	public LocalDate getStartedOn() {
		return startedOn;
	}

	public VillageOfficerView toView() {
		return new VillageOfficerView(id, villageId, officerId, startedOn, endedOn, endReason, endNote);
	}
}
