package org.zhufang.outreach;

import java.time.LocalDate;
import java.util.List;

/**
 * Reach of an area's subtree in a period (inclusive days): totals of the counted talks, and
 * rows per combination of the requested dimensions. A talk with several themes counts in each
 * of its themes' rows, so rows by theme may add up to more than the totals.
 */
public record ReachView(long areaId, LocalDate from, LocalDate to, int talks, int peopleReached, int materials,
		int appInstalls, List<Row> rows) {

	/** A row; the dimensions not grouped by are null. {@code month} is {@code YYYY-MM}. */
	public record Row(OutreachTheme theme, VenueKind venueKind, String month, int talks, int peopleReached) {
	}
}
