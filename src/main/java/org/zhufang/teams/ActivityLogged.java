package org.zhufang.teams;

import java.time.LocalDate;

/** A team's activity was logged (directly, or by completing a shift). */
public record ActivityLogged(long activityId, long teamId, ActivityKind kind, long areaId, LocalDate date, int participants, double hours) {
}
