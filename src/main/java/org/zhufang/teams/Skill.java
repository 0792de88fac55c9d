package org.zhufang.teams;

/** What a volunteer can do; a shift may require some. */
public enum Skill {
	FIRST_AID, MEDIATION, FIRE_SAFETY, DRIVING, ONLINE, LEGAL, OTHER
}
