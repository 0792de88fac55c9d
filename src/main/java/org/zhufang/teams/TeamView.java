package org.zhufang.teams;

/**
 * A team as the API sees it.
 *
 * @param areaPath the path of the home area (see grids' {@code AreaView.path})
 */
public record TeamView(long id, String name, TeamKind kind, long areaId, String areaPath, String messagingGroup,
		String description, TeamStatus status, int version) {
}
