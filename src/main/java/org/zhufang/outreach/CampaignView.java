package org.zhufang.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign as the API sees it.
 *
 * @param areaPath the owning area's path (see grids' {@code AreaView.path})
 */
public record CampaignView(long id, String name, List<OutreachTheme> themes, long areaId, String areaPath,
		LocalDate startsOn, LocalDate endsOn, Integer reachTarget, String description, CampaignStatus status,
		int version, Instant createdAt) {
}
