package org.zhufang.teams;

/** Hours given in a period: their sum, over how many activities, by how many volunteers. */
public record HoursSummary(double hours, int activities, int volunteers) {

	public static final HoursSummary NONE = new HoursSummary(0, 0, 0);
}
