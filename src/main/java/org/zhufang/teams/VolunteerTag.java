package org.zhufang.teams;

/** A volunteer's background; the first five are the "five elders". */
public enum VolunteerTag {
	VETERAN, RETIRED_CADRE, PARTY_MEMBER, EXPERT, TEACHER, MODEL_WORKER, YOUTH, ENTERPRISE_GUARD, OTHER
}
