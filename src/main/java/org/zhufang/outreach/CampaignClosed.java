package org.zhufang.outreach;

import java.time.LocalDate;

/** A campaign was closed with its final figures; it never changes again. */
public record CampaignClosed(long campaignId, long areaId, LocalDate closedOn, int talks, int peopleReached) {
}
