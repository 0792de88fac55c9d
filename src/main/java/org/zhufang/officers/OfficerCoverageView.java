package org.zhufang.officers;

import java.util.List;

/**
 * How many active villages of an area have a responsible officer.
 *
 * @param uncoveredVillageIds the villages without one, by code
 */
public record OfficerCoverageView(long areaId, int villages, int covered, List<Long> uncoveredVillageIds) {

	/** Covered villages / villages; null for an area without villages. */
	public Double share() {
		return villages == 0 ? null : (double) covered / villages;
	}
}
