package org.zhufang.teams.internal;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.zhufang.grids.AreaScope;
import org.zhufang.shared.Caller;
import org.zhufang.shared.ForbiddenException;
import org.zhufang.shared.Role;
import org.zhufang.teams.VolunteerView;

/**
 * Who may do what with teams. A TEAM_COORDINATOR coordinates the teams whose home area lies
 * inside its scope, and the volunteers who live there or are on such a team; STATION_CHIEF the
 * same within its towns; BUREAU_ADMIN everywhere (docs/teams.md).
 */
@Component
public class TeamAccess {

	/** Who manages teams, volunteers, memberships and the roster, within their scope. */
	public static final Role[] MANAGERS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF, Role.TEAM_COORDINATOR };

	/** Who may log an activity: the managers, and grid members in their grid. */
	public static final Role[] ACTIVITY_LOGGERS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF, Role.TEAM_COORDINATOR,
			Role.GRID_MEMBER };

	private static final Set<Role> MANAGER_SET = Set.of(MANAGERS);

	private final AreaScope scope;

	TeamAccess(AreaScope scope) {
		this.scope = scope;
	}

	public boolean covers(Caller caller, String path) {
		return scope.coversPath(caller, path);
	}

	/** Refuses as FORBIDDEN something whose area path lies outside the caller's scope. */
	public void require(Caller caller, String path, String what) {
		if (!covers(caller, path)) {
			throw new ForbiddenException(what + " is outside your jurisdiction");
		}
	}

	/**
	 * Whether the path lies inside the caller's scope or above it (on the way down to it): a team at
	 * home in the village of a grid member's grid ({@code ScopeSql.insideOrAbove} semantics).
	 */
	public boolean insideOrAbove(Caller caller, String path) {
		return path != null && scope.prefixes(caller).stream().anyMatch(p -> path.startsWith(p) || p.startsWith(path));
	}

	/** A volunteer is inside the scope when living there or on a team at home there. */
	public boolean sees(Caller caller, VolunteerView volunteer) {
		return covers(caller, volunteer.areaPath()) || volunteer.teamAreaPaths().stream().anyMatch(p -> covers(caller, p));
	}

	public void requireSees(Caller caller, VolunteerView volunteer) {
		if (!sees(caller, volunteer)) {
			throw new ForbiddenException("Volunteer " + volunteer.id() + " is outside your jurisdiction");
		}
	}

	/** Whether the caller manages the volunteer, and so may read its phone in clear. */
	public boolean manages(Caller caller, VolunteerView volunteer) {
		return MANAGER_SET.contains(caller.role()) && sees(caller, volunteer);
	}
}
