package org.zhufang.teams;


/** A volunteer was registered (no personal data in the event). */
public record VolunteerRegistered(long volunteerId, long areaId) {
}
