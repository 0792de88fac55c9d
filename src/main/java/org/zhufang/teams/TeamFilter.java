package org.zhufang.teams;

/** Filters of the team list; all optional and combined with AND. */
public record TeamFilter(Long areaId, TeamKind kind, TeamStatus status, String search) {

	public static TeamFilter none() {
		return new TeamFilter(null, null, null, null);
	}
}
