package org.zhufang.officers;

import java.time.LocalDate;
import java.util.List;

/**
 * An officer retired or left the bureau ({@code status} RETIRED or TRANSFERRED); the village
 * assignments listed ended that day.
 */
public record OfficerLeft(long officerId, OfficerStatus status, LocalDate on, List<Long> endedVillageIds) {
}
