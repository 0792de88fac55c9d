package org.zhufang.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A talk as the API sees it.
 *
 * @param heldOn the day of {@code heldAt} in the bureau's zone
 * @param officerIds speakers from the officers module
 * @param teamIds speakers from the teams module
 * @param loggedBy the subject of the account that logged it
 */
public record TalkView(long id, long campaignId, long areaId, String areaPath, Instant heldAt, LocalDate heldOn,
		VenueKind venueKind, String venueName, TalkFormat format, List<OutreachTheme> themes, int audienceCount,
		AudienceKind audienceKind, int materials, int appInstalls, List<Long> officerIds, List<Long> teamIds,
		String notes, TalkStatus status, String withdrawnReason, Instant withdrawnAt, String loggedBy,
		String loggedByName, int version, Instant createdAt) {
}
