package org.zhufang.shared;

/**
 * The roles of domain.md. A role says what a caller may do; the caller's scope areas say where.
 */
public enum Role {
	BUREAU_ADMIN, STATION_CHIEF, COMMUNITY_OFFICER, TEAM_COORDINATOR, OUTREACH_STAFF, GRID_MEMBER, DASHBOARD_VIEWER
}
