package org.zhufang.teams;

/** A volunteer's gender, as the registration form asks it. */
public enum Gender {
	MALE, FEMALE
}
