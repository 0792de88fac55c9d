package org.zhufang.officers;

/** Filters of the police office list; {@code areaId} includes everything under the area. */
public record PoliceOfficeFilter(Long stationId, Long areaId, PoliceOfficeMode mode) {

	public static PoliceOfficeFilter none() {
		return new PoliceOfficeFilter(null, null, null);
	}
}
