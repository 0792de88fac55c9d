package org.zhufang.officers;

import java.time.LocalDate;
import java.util.List;

/**
 * Staffing figures of an area, computed from the officers' rows (ACTIVE officers only).
 *
 * @param bureauOfficers officers of the area: those of its stations, plus department officers
 *                       when the area is the whole county
 * @param newOfficers officers registered between {@code from} and {@code to} (inclusive)
 */
public record StaffingView(long areaId, int bureauOfficers, int stationOfficers, int communityOfficers,
		List<StationStaffingView> perStation, LocalDate from, LocalDate to, int newOfficers) {

	/** Station officers / the bureau's officers: the bureau reports 41.8 %. */
	public Double stationShare() {
		return bureauOfficers == 0 ? null : (double) stationOfficers / bureauOfficers;
	}

	/** Community officers / station officers: the bureau reports 42.2 %. */
	public Double communityShare() {
		return stationOfficers == 0 ? null : (double) communityOfficers / stationOfficers;
	}

	/** ACTIVE officers of one station. */
	public record StationStaffingView(long stationId, int officers, int police, int auxiliary, int communityOfficers) {
	}
}
