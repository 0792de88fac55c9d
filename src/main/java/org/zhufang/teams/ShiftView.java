package org.zhufang.teams;

import java.time.Instant;
import java.util.List;

/** A scheduled duty of a team in an area. */
public record ShiftView(long id, long teamId, Long seriesId, long areaId, String areaPath, Instant startsAt,
		Instant endsAt, ShiftPurpose purpose, int minVolunteers, int maxVolunteers, List<Skill> requiredSkills,
		int signedUpCount, ShiftStatus status, String note, int version) {

	public boolean understaffed() {
		return status == ShiftStatus.SCHEDULED && signedUpCount < minVolunteers;
	}
}
