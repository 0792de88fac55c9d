package org.zhufang.teams;

/** A shift is SCHEDULED until cancelled, or completed when its attendance is recorded. */
public enum ShiftStatus {
	SCHEDULED, CANCELLED, COMPLETED
}
