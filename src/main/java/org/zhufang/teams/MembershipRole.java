package org.zhufang.teams;

/** A volunteer's role on a team. */
public enum MembershipRole {
	LEADER, COORDINATOR, MEMBER
}
