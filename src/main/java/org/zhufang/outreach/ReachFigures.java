package org.zhufang.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhufang.grids.AreaScope;
import org.zhufang.grids.AreaView;
import org.zhufang.outreach.internal.OutreachQueries;
import org.zhufang.shared.BadRequestException;
import org.zhufang.shared.Caller;

/**
 * Reach per area subtree and period (any level, any period), broken down by theme, venue kind
 * and month. Figures are for everyone, dashboard viewers included: they hold no personal data.
 * Withdrawn talks never count; corrected ones count with their corrected facts.
 */
@Service
@Transactional(readOnly = true)
public class ReachFigures {

	private final OutreachQueries queries;

	private final AreaScope scope;

	private final Clock clock;

	ReachFigures(OutreachQueries queries, AreaScope scope, Clock clock) {
		this.queries = queries;
		this.scope = scope;
		this.clock = clock;
	}

	/** Reach of an area inside the caller's jurisdiction and everything under it, between two days (inclusive). */
	public ReachView reach(Caller caller, long areaId, LocalDate from, LocalDate to, List<ReachDimension> groupBy) {
		scope.require(caller, areaId);
		if (to.isBefore(from)) {
			throw new BadRequestException("The period ends before it starts");
		}
		return queries.reach(areaId, scope.pathOf(areaId), from, to, groupBy == null ? List.of() : groupBy);
	}

	/**
	 * Reach totals of each area (areas the caller may see) in one statement, from {@code from}
	 * (default: 1 January) to {@code to} (default: today).
	 */
	public Map<Long, ReachView> reachOf(Collection<AreaView> areas, LocalDate from, LocalDate to) {
		LocalDate today = LocalDate.now(clock);
		LocalDate start = from == null ? today.withDayOfYear(1) : from;
		LocalDate end = to == null ? today : to;
		if (end.isBefore(start)) {
			throw new BadRequestException("The period ends before it starts");
		}
		Map<Long, String> paths = new HashMap<>();
		areas.forEach(a -> paths.put(a.id(), a.path()));
		return queries.reachUnder(paths, start, end);
	}
}
