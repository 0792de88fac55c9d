package org.zhufang.officers;

import java.time.LocalDate;

/**
 * An officer's responsibility for a village ended without a successor ({@code villageOfficerEnd},
 * or a town move leaving the officer behind): {@code endedOn} is still the officer's day, the
 * village has no officer after it.
 */
public record OfficerUnassignedFromVillage(long villageId, long officerId, long assignmentId, LocalDate endedOn) {
}
