package org.zhufang.officers;

/** A police office (警务室) of a station, in an area of the station's towns. */
public record PoliceOfficeView(long id, long stationId, String name, long areaId, PoliceOfficeMode mode,
		String address, boolean open24x7, String partnerOrganisation, int version) {
}
