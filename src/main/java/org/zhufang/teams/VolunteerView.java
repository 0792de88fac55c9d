package org.zhufang.teams;

import java.util.List;

/**
 * A volunteer as the API sees it. The phone is personal data: the controller masks it.
 *
 * @param teamAreaPaths home-area paths of the teams the volunteer is an active member of; a
 *                      caller whose scope covers one of them (or the volunteer's own home area)
 *                      sees and manages the volunteer
 */
public record VolunteerView(long id, String name, String phone, Gender gender, Integer birthYear, long areaId,
		String areaPath, List<VolunteerTag> tags, List<Skill> skills, VolunteerStatus status, int version,
		List<String> teamAreaPaths) {
}
