package org.zhufang.officers;

import java.time.LocalDate;

/** An officer's responsibility for a village ended without a successor: the village has no officer from that day. */
public record OfficerUnassignedFromVillage(long villageId, long officerId, long assignmentId, LocalDate endedOn) {
}
