package org.zhufang.teams;

/** Only ACTIVE volunteers join teams and sign up for shifts. */
public enum VolunteerStatus {
	ACTIVE, INACTIVE
}
