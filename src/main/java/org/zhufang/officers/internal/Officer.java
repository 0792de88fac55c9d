package org.zhufang.officers.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.officers.OfficerKind;
import org.zhufang.officers.OfficerStatus;
import org.zhufang.officers.OfficerView;

/**
 * An officer of the bureau, serving in a station (and maybe one of its police offices) or in a
 * bureau department. Only ACTIVE officers move or retire; retired ones never change again.
 */
@Table("officer")
public class Officer {

	@Id
	private Long id;

	private String name;

	private String badgeNumber;

	private OfficerKind kind;

	@Column("rank_title")
	private String rank;

	private String phone;

	private Long stationId;

	private Long policeOfficeId;

	private boolean communityOfficer;

	private LocalDate joinedOn;

	private LocalDate registeredOn;

	private OfficerStatus status;

	private String bureauPath;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	Officer() {
	}

	/** @param bureauPath the path of the bureau's county */
	public static Officer register(String name, String badgeNumber, OfficerKind kind, String rank, String phone,
			Long stationId, Long policeOfficeId, boolean communityOfficer, LocalDate joinedOn, String bureauPath,
			Instant now) {
		if (stationId == null && policeOfficeId != null) {
			throw new IllegalStateException("A department officer sits in no police office");
		}
		Officer officer = new Officer();
		officer.name = name;
		officer.badgeNumber = badgeNumber;
		officer.kind = kind;
		officer.rank = rank;
		officer.phone = phone;
		officer.stationId = stationId;
		officer.policeOfficeId = policeOfficeId;
		officer.communityOfficer = communityOfficer;
		officer.joinedOn = joinedOn;
		officer.registeredOn = joinedOn;
		officer.status = OfficerStatus.ACTIVE;
		officer.bureauPath = bureauPath;
		officer.createdAt = now;
		officer.updatedAt = now;
		return officer;
	}

	public void describe(String newName, String newRank, String newPhone, Boolean newCommunityOfficer, Instant now) {
		if (newName != null) {
			name = newName;
		}
		if (newRank != null) {
			rank = newRank.isBlank() ? null : newRank.strip();
		}
		if (newPhone != null) {
			phone = newPhone.isBlank() ? null : newPhone.strip();
		}
		if (newCommunityOfficer != null) {
			communityOfficer = newCommunityOfficer;
		}
		updatedAt = now;
	}

	/** Seats the officer in a police office of their own station (the caller checked the station). */
	public void seatIn(PoliceOffice office, Instant now) {
		if (stationId == null || !stationId.equals(office.getStationId())) {
			throw new IllegalStateException("An officer sits in a police office of their own station");
		}
		policeOfficeId = office.getId();
		updatedAt = now;
	}

	/** Moves the officer to another station, or to a department (null), from that day on. */
	public void transfer(Long newStationId, Long newPoliceOfficeId, LocalDate on, Instant now) {
		requireActive();
		if (on.isBefore(joinedOn)) {
			throw new IllegalStateException("A transfer cannot precede joining the current station");
		}
		stationId = newStationId;
		policeOfficeId = newPoliceOfficeId;
		joinedOn = on;
		if (newStationId == null) {
			communityOfficer = false;
		}
		updatedAt = now;
	}

	public void retire(Instant now) {
		requireActive();
		status = OfficerStatus.RETIRED;
		policeOfficeId = null;
		updatedAt = now;
	}

	/** The officer left the bureau (TRANSFERRED away); kept for history. */
	public void leave(Instant now) {
		requireActive();
		status = OfficerStatus.TRANSFERRED;
		policeOfficeId = null;
		updatedAt = now;
	}

	private void requireActive() {
		if (status != OfficerStatus.ACTIVE) {
			throw new IllegalStateException("Only an active officer can move or retire");
		}
	}

	public boolean isActive() {
		return status == OfficerStatus.ACTIVE;
	}

	public Long getId() {
		return id;
	}

	public Long getStationId() {
		return stationId;
	}

	public String getBureauPath() {
		return bureauPath;
	}

	public LocalDate getJoinedOn() {
		return joinedOn;
	}

	public Integer getVersion() {
		return version;
	}

	public OfficerView toView() {
		return new OfficerView(id, name, badgeNumber, kind, rank, phone, stationId, policeOfficeId, communityOfficer,
				joinedOn, status, version);
	}
}
