package org.zhufang.officers;

import java.time.LocalDate;

/** Filters of the visit list; {@code from} and {@code to} are inclusive. */
public record VisitFilter(Long areaId, Long officerId, LocalDate from, LocalDate to, VisitPurpose purpose) {

	public static VisitFilter none() {
		return new VisitFilter(null, null, null, null, null);
	}
}
