package org.zhufang.teams;

import java.time.LocalDate;

/** A volunteer left a team; the membership stays as history. */
public record VolunteerLeftTeam(long membershipId, long teamId, long volunteerId, LocalDate leftOn) {
}
