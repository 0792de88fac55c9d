package org.zhufang.outreach;

import java.time.LocalDate;

/** Filters of the talk list; {@code from} and {@code to} are inclusive days in the bureau's zone. */
public record TalkFilter(Long areaId, Long campaignId, OutreachTheme theme, VenueKind venueKind, LocalDate from,
		LocalDate to, Long speakerOfficerId, Long speakerTeamId) {

	public static TalkFilter none() {
		return new TalkFilter(null, null, null, null, null, null, null, null);
	}
}
