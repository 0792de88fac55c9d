package org.zhufang.officers;

import java.time.LocalDate;

/** An officer's responsibility for a village (一村一警), active while {@code endedOn} is null. */
public record VillageOfficerView(long id, long villageId, long officerId, LocalDate startedOn, LocalDate endedOn,
		String endReason) {

	public boolean active() {
		return endedOn == null;
	}
}
