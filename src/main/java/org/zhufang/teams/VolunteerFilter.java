package org.zhufang.teams;

/** Filters of the volunteer list; all optional and combined with AND. */
public record VolunteerFilter(Long areaId, Long teamId, VolunteerTag tag, Skill skill, String search) {

	public static VolunteerFilter none() {
		return new VolunteerFilter(null, null, null, null, null);
	}
}
