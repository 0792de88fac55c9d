package org.zhufang.teams;

/** A volunteer's hours in one activity. */
public record ParticipantView(long activityId, long volunteerId, double hours) {
}
