package org.zhufang.teams;

/** What a team did. */
public enum ActivityKind {
	PATROL, MEDIATION, HAZARD_CHECK, FIRE_SAFETY, ANTI_FRAUD, EMERGENCY_AID, INFO_REPORT, OTHER
}
