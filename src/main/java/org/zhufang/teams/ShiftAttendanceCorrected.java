package org.zhufang.teams;

import java.time.LocalDate;

/**
 * A completed shift's attendance was recorded again: the figures here replace those of the
 * shift's {@link ShiftCompleted} and of the {@link ActivityLogged} of the activity it became (same
 * activity id); listeners that add up hours subtract what they had for the shift and add these.
 */
public record ShiftAttendanceCorrected(long shiftId, long activityId, long teamId, long areaId, LocalDate date,
		int volunteersPresent, double hours) {
}
