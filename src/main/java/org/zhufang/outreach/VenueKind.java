package org.zhufang.outreach;

/** Where a talk took place. */
public enum VenueKind {
	VILLAGE_SQUARE, SCHOOL, ENTERPRISE, FIELD, NIGHT_MARKET, COMMUNITY_CENTRE, ONLINE, OTHER
}
