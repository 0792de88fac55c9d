package org.zhufang.outreach;

import java.time.LocalDate;

/**
 * Filters of the campaign list.
 *
 * @param areaId campaigns owned by this area, by an area under it, or by an area above it (a
 *               county campaign runs in every town)
 * @param activeOn campaigns ACTIVE whose dates include this day
 */
public record CampaignFilter(Long areaId, OutreachTheme theme, CampaignStatus status, LocalDate activeOn) {

	public static CampaignFilter none() {
		return new CampaignFilter(null, null, null, null);
	}
}
