package org.zhufang.teams;

import java.time.LocalDate;

/** A volunteer became a member of a team. */
public record VolunteerJoinedTeam(long membershipId, long teamId, long volunteerId, MembershipRole role, LocalDate joinedOn) {
}
