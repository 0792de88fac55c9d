package org.zhufang.outreach;

import java.time.LocalDate;
import java.util.List;

/**
 * A talk's facts were corrected: the figures before and after, so a listener can move its
 * counts from the old area, day and themes to the new ones.
 */
public record TalkCorrected(long talkId, long campaignId, int version, long areaIdBefore, LocalDate dateBefore,
		List<OutreachTheme> themesBefore, int audienceBefore, int installsBefore, long areaId, LocalDate date,
		List<OutreachTheme> themes, int audience, int installs) {
}
