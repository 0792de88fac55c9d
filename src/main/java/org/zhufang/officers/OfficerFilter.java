package org.zhufang.officers;

/**
 * Filters of the officer list; all optional. {@code areaId} keeps officers working in the area:
 * serving in a station covering a town under it, or responsible for a village under it.
 */
public record OfficerFilter(Long areaId, Long stationId, OfficerKind kind, OfficerStatus status,
		Boolean communityOfficer, String search) {

	public static OfficerFilter none() {
		return new OfficerFilter(null, null, null, null, null, null);
	}
}
