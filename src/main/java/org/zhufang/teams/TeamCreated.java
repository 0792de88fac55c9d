package org.zhufang.teams;


/** A team was created. */
public record TeamCreated(long teamId, TeamKind kind, long areaId) {
}
