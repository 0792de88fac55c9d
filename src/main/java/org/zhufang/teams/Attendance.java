package org.zhufang.teams;

/** Whether a volunteer on a shift showed up (ABSENT is a no-show). */
public enum Attendance {
	PRESENT, ABSENT
}
