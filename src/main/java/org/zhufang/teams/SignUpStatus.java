package org.zhufang.teams;

/** A volunteer's place on a shift: taken, or given back before the start. */
public enum SignUpStatus {
	SIGNED_UP, WITHDRAWN
}
