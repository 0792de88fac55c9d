package org.zhufang.officers;

import java.time.Instant;
import java.time.LocalDate;

/** An officer's visit (走访) to a household or a place of a village. */
public record VisitView(long id, long officerId, long villageId, Long gridId, LocalDate visitedOn, String address,
		String placeName, VisitPurpose purpose, int contactCards, Satisfaction satisfaction, String suggestions,
		String notes, Instant createdAt) {
}
