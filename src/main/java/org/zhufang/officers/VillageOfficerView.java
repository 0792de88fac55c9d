package org.zhufang.officers;

import java.time.LocalDate;

/**
 * An officer's responsibility for a village (一村一警), active while {@code endedOn} is null.
 *
 * @param endReason a code: REPLACED, TRANSFERRED, RETIRED, ENDED, TOWN_MOVED
 * @param endNote   the words given to {@code villageOfficerEnd}, if any
 */
public record VillageOfficerView(long id, long villageId, long officerId, LocalDate startedOn, LocalDate endedOn,
		String endReason, String endNote) {

	public boolean active() {
		return endedOn == null;
	}
}
