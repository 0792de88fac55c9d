package org.zhufang.outreach;

/** What reach can be broken down by. */
public enum ReachDimension {
	THEME, VENUE_KIND, MONTH
}
