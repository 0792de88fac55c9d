package org.zhufang.officers;

import java.time.LocalDate;

/** An officer logged a visit. Carries no address, names or notes. */
public record VisitLogged(long visitId, long officerId, long villageId, Long gridId, LocalDate visitedOn,
		int contactCards, Satisfaction satisfaction) {
}
