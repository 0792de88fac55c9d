package org.zhufang.officers;

import java.time.LocalDate;

/** An officer became responsible for a village, ending the previous officer's assignment (if any) the same day. */
public record OfficerAssignedToVillage(long villageId, long officerId, Long previousOfficerId, long assignmentId,
		LocalDate startedOn) {
}
