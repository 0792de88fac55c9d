package org.zhufang.officers.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.officers.PoliceOfficeMode;
import org.zhufang.officers.PoliceOfficeView;

/** A station's police office, sitting in an area of the station's towns. */
@Table("police_office")
public class PoliceOffice {

	@Id
	private Long id;

	private Long stationId;

	private String name;

	private Long areaId;

	private String areaPath;

	private PoliceOfficeMode mode;

	private String address;

	@Column("open_24x7")
	private boolean open24x7;

	private String partnerOrganisation;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	PoliceOffice() {
	}

	/** A new office; the caller checked that the area lies in one of the station's towns. */
	public static PoliceOffice open(Station station, String name, long areaId, String areaPath, PoliceOfficeMode mode,
			String address, boolean open24x7, String partnerOrganisation, Instant now) {
		if (!station.coversPath(areaPath)) {
			throw new IllegalStateException("A police office sits in one of its station's towns");
		}
		PoliceOffice office = new PoliceOffice();
		office.stationId = station.getId();
		office.name = name;
		office.areaId = areaId;
		office.areaPath = areaPath;
		office.mode = mode;
		office.address = address;
		office.open24x7 = open24x7;
		office.partnerOrganisation = partnerOrganisation;
		office.createdAt = now;
		office.updatedAt = now;
		return office;
	}

	/** Moves the office within its station's towns (the caller checked the area). */
	public void moveTo(Station station, long newAreaId, String newAreaPath, Instant now) {
		if (!station.getId().equals(stationId) || !station.coversPath(newAreaPath)) {
			throw new IllegalStateException("A police office sits in one of its station's towns");
		}
		areaId = newAreaId;
		areaPath = newAreaPath;
		updatedAt = now;
	}

	public void describe(String newName, PoliceOfficeMode newMode, String newAddress, Boolean newOpen24x7,
			String newPartner, Instant now) {
		if (newName != null) {
			name = newName;
		}
		if (newMode != null) {
			mode = newMode;
		}
		if (newAddress != null) {
			address = newAddress;
		}
		if (newOpen24x7 != null) {
			open24x7 = newOpen24x7;
		}
		if (newPartner != null) {
			partnerOrganisation = newPartner.isBlank() ? null : newPartner.strip();
		}
		updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public Long getStationId() {
		return stationId;
	}

	public String getAreaPath() {
		return areaPath;
	}

	public Integer getVersion() {
		return version;
	}

	public PoliceOfficeView toView() {
		return new PoliceOfficeView(id, stationId, name, areaId, mode, address, open24x7, partnerOrganisation, version);
	}
}
