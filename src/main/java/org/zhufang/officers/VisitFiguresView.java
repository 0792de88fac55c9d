package org.zhufang.officers;

import java.time.LocalDate;

/**
 * Visit figures of an area (and everything under it) between two dates, inclusive.
 *
 * @param householdsVisited distinct households and places visited (by village and address or place name)
 * @param satisfactionAsked visits that recorded a satisfaction
 * @param satisfiedOrBetter of those, SATISFIED or VERY_SATISFIED
 */
public record VisitFiguresView(long areaId, LocalDate from, LocalDate to, int visits, int householdsVisited,
		int contactCards, int satisfactionAsked, int satisfiedOrBetter) {

	/** Satisfied or better / asked; null when nobody was asked. */
	public Double satisfactionRate() {
		return satisfactionAsked == 0 ? null : (double) satisfiedOrBetter / satisfactionAsked;
	}
}
