package org.zhufang.teams;

import java.time.LocalDate;

/** Something a team did, with the hours its participants gave. */
public record ActivityView(long id, long teamId, ActivityKind kind, LocalDate date, long areaId, String areaPath,
		String outcome, Long shiftId, int participantCount, double totalHours) {
}
