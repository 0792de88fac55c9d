package org.zhufang.teams;

import java.time.Instant;

/** A shift was scheduled, on its own or as an occurrence of a weekly series. */
public record ShiftScheduled(long shiftId, Long seriesId, long teamId, long areaId, Instant startsAt, Instant endsAt, ShiftPurpose purpose) {
}
