package org.zhufang.teams;

import java.time.Instant;

/** A volunteer on a shift: signed up (or a walk-in), and how it went. */
public record SignUpView(long id, long shiftId, long volunteerId, SignUpStatus status, boolean walkIn,
		Attendance attendance, Instant checkedInAt, Instant checkedOutAt, Double hours) {
}
