package org.zhufang.outreach;

import java.time.LocalDate;
import java.util.List;

/** A talk was withdrawn (logged by mistake): it no longer counts. Carries what it counted for. */
public record TalkWithdrawn(long talkId, long campaignId, long areaId, LocalDate date, List<OutreachTheme> themes,
		int audience, int installs) {
}
