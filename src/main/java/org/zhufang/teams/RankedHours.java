package org.zhufang.teams;

/**
 * One line of a ranking by hours: a volunteer's or a team's id, its rank (1 is the most hours;
 * ties share a rank), hours and activities.
 */
public record RankedHours(int rank, long id, double hours, int activities) {
}
