package org.zhufang.teams;

import java.time.LocalDate;

/** A volunteer on a team, active while {@code leftOn} is null. */
public record MembershipView(long id, long teamId, long volunteerId, MembershipRole role, LocalDate joinedOn,
		LocalDate leftOn) {

	public boolean active() {
		return leftOn == null;
	}
}
