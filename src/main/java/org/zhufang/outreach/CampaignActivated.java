package org.zhufang.outreach;

import java.time.LocalDate;
import java.util.List;

/** A campaign started: talks can now be logged against it. */
public record CampaignActivated(long campaignId, long areaId, List<OutreachTheme> themes, LocalDate startsOn,
		LocalDate endsOn, Integer reachTarget) {
}
