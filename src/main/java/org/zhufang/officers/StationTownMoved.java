package org.zhufang.officers;

import java.time.LocalDate;
import java.util.List;

/**
 * A town was handed to another station ({@code stationTownMove}); a null {@code fromStationId}
 * is a town no station covered. The police offices listed moved with it, and so did the officers
 * listed (each also published as an {@link OfficerTransferred}); village assignments that ended
 * with the move are published as {@link OfficerTransferred} (the officers who moved) and
 * {@link OfficerUnassignedFromVillage} (those who stayed), not repeated here.
 */
public record StationTownMoved(long townId, Long fromStationId, long toStationId, LocalDate movedOn,
		List<Long> officeIds, List<Long> officerIds) {
}
