package org.zhufang.teams;

/** The "five teams" of community policing. */
public enum TeamKind {
	MEDIATION, PATROL, EMERGENCY_AID, INFORMATION, ONLINE
}
