package org.zhufang.teams;

import java.time.LocalDate;

/** A shift's attendance was recorded: who was present and the hours they gave. */
public record ShiftCompleted(long shiftId, long teamId, long areaId, LocalDate date, int volunteersPresent, double hours) {
}
