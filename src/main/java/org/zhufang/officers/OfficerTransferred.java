package org.zhufang.officers;

import java.time.LocalDate;
import java.util.List;

/**
 * An officer moved between stations (a null station is a bureau department); the village
 * assignments listed ended with the move.
 */
public record OfficerTransferred(long officerId, Long fromStationId, Long toStationId, LocalDate transferredOn,
		List<Long> endedVillageIds) {
}
