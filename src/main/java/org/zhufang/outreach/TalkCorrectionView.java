package org.zhufang.outreach;

import java.time.Instant;
import java.util.List;

/**
 * One correction of a talk: who made it, when, why, and each fact before and after.
 *
 * @param talkVersion the talk's version the correction produced
 */
public record TalkCorrectionView(long talkId, int talkVersion, Instant correctedAt, String correctedBy,
		String reason, List<Change> changes) {

	/** One corrected fact, written as text (lists comma-separated, instants ISO-8601). */
	public record Change(String field, String before, String after) {
	}
}
