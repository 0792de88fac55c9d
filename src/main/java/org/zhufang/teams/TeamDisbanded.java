package org.zhufang.teams;

import java.time.LocalDate;

/** A team was disbanded: its memberships ended and its future shifts were cancelled. */
public record TeamDisbanded(long teamId, long areaId, LocalDate disbandedOn) {
}
