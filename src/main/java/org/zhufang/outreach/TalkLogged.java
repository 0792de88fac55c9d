package org.zhufang.outreach;

import java.time.LocalDate;
import java.util.List;

/** A talk was logged (not again for a re-sent idempotency key). {@code date} is the day in the bureau's zone. */
public record TalkLogged(long talkId, long campaignId, long areaId, LocalDate date, List<OutreachTheme> themes,
		int audience, int installs) {
}
