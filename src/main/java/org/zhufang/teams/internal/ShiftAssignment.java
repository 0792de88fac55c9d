package org.zhufang.teams.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.teams.Attendance;
import org.zhufang.teams.SignUpStatus;
import org.zhufang.teams.SignUpView;

/**
 * A volunteer on a shift: a sign-up (or a walk-in), check-in and check-out, and the attendance
 * the hours come from.
 */
@Table("shift_assignment")
public class ShiftAssignment {

	@Id
	private Long id;

	private Long shiftId;

	private Long volunteerId;

	private SignUpStatus status;

	private boolean walkIn;

	private Attendance attendance;

	private Instant checkedInAt;

	private Instant checkedOutAt;

	private BigDecimal hours;

	private Instant signedUpAt;

	@Version
	private Integer version;

	ShiftAssignment() {
	}

	public static ShiftAssignment signUp(long shiftId, long volunteerId, Instant now) {
		ShiftAssignment assignment = new ShiftAssignment();
		assignment.shiftId = shiftId;
		assignment.volunteerId = volunteerId;
		assignment.status = SignUpStatus.SIGNED_UP;
		assignment.signedUpAt = now;
		return assignment;
	}

	/** Someone who turns up without having signed up: takes no place, counts once present. */
	public static ShiftAssignment walkIn(long shiftId, long volunteerId, Instant now) {
		ShiftAssignment assignment = signUp(shiftId, volunteerId, now);
		assignment.walkIn = true;
		return assignment;
	}

	/** Signs up again after withdrawing. */
	public void rejoin(Instant now) {
		if (status != SignUpStatus.WITHDRAWN) {
			throw new IllegalStateException("Already signed up");
		}
		status = SignUpStatus.SIGNED_UP;
		walkIn = false;
		signedUpAt = now;
	}

	public void withdraw() {
		if (status != SignUpStatus.SIGNED_UP || checkedInAt != null) {
			throw new IllegalStateException("Only an unchecked sign-up can be withdrawn");
		}
		status = SignUpStatus.WITHDRAWN;
	}

	public void checkIn(Instant at) {
		if (checkedInAt != null) {
			throw new IllegalStateException("Already checked in");
		}
		if (status == SignUpStatus.WITHDRAWN) {
			// turning up after withdrawing is a walk-in
			status = SignUpStatus.SIGNED_UP;
			walkIn = true;
		}
		checkedInAt = at;
	}

	public void checkOut(Instant at) {
		if (checkedInAt == null || checkedOutAt != null || at.isBefore(checkedInAt)) {
			throw new IllegalStateException("Check out once, after checking in");
		}
		checkedOutAt = at;
		hours = hoursBetween(checkedInAt, at);
	}

	/** The attendance of the shift as recorded by a coordinator; hours come from the times. */
	public void record(Attendance recorded, Instant in, Instant out) {
		if (status == SignUpStatus.WITHDRAWN) {
			status = SignUpStatus.SIGNED_UP;
			walkIn = true;
		}
		attendance = recorded;
		if (recorded == Attendance.PRESENT) {
			checkedInAt = in;
			checkedOutAt = out;
			hours = hoursBetween(in, out);
		}
		else {
			hours = BigDecimal.ZERO;
		}
	}

	public static BigDecimal hoursBetween(Instant from, Instant to) {
		return BigDecimal.valueOf(Duration.between(from, to).toSeconds()).divide(BigDecimal.valueOf(3600), 2,
				RoundingMode.HALF_UP);
	}

	public boolean isSignedUp() {
		return status == SignUpStatus.SIGNED_UP;
	}

	public boolean isWalkIn() {
		return walkIn;
	}

	public Instant getCheckedInAt() {
		return checkedInAt;
	}

	public Instant getCheckedOutAt() {
		return checkedOutAt;
	}

	public Long getVolunteerId() {
		return volunteerId;
	}

	public Attendance getAttendance() {
		return attendance;
	}

	public BigDecimal getHours() {
		return hours;
	}

	public SignUpView toView() {
		return new SignUpView(id, shiftId, volunteerId, status, walkIn, attendance, checkedInAt, checkedOutAt,
				hours == null ? null : hours.doubleValue());
	}
}
