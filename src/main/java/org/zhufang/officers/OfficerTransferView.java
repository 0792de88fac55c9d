package org.zhufang.officers;

import java.time.LocalDate;

/** One move of an officer; a null station is a bureau department. */
public record OfficerTransferView(long id, long officerId, Long fromStationId, Long toStationId,
		LocalDate transferredOn, String reason) {
}
