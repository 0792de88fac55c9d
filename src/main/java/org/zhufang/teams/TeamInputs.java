package org.zhufang.teams;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The inputs of the teams module's mutations, validated at the boundary. */
public final class TeamInputs {

	private TeamInputs() {
	}

	static final String PHONE = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$";

	static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

	static final String KEY = "^[0-9A-Za-z_.:-]*$";

	static final String KEY_MESSAGE = "An idempotency key is 8 to 64 letters, digits or _.:-";

	public record TeamCreateInput(@NotBlank @Size(max = 100) String name, @NotNull TeamKind kind,
			@NotNull Long areaId, @Size(max = 100) String messagingGroup, @Size(max = 1000) String description) {
	}

	public record TeamUpdateInput(@NotNull Long id, Integer expectedVersion, @Size(min = 1, max = 100) String name,
			TeamKind kind, @Size(max = 100) String messagingGroup, @Size(max = 1000) String description) {
	}

	public record TeamDisbandInput(@NotNull Long id, Integer expectedVersion) {
	}

	public record VolunteerRegisterInput(@NotBlank @Size(max = 50) String name,
			@NotBlank @Pattern(regexp = PHONE, message = "A phone is a mobile number (11 digits) or a landline with area code") String phone,
			Gender gender, @Min(1900) @Max(2100) Integer birthYear, @NotNull Long areaId,
			@Size(max = 9) List<VolunteerTag> tags, @Size(max = 7) List<Skill> skills) {
	}

	public record VolunteerUpdateInput(@NotNull Long id, Integer expectedVersion, @Size(min = 1, max = 50) String name,
			@Pattern(regexp = PHONE, message = "A phone is a mobile number (11 digits) or a landline with area code") String phone,
			Gender gender, @Min(1900) @Max(2100) Integer birthYear, @Size(max = 9) List<VolunteerTag> tags,
			@Size(max = 7) List<Skill> skills, VolunteerStatus status) {
	}

	public record TeamMemberAddInput(@NotNull Long teamId, @NotNull Long volunteerId, MembershipRole role,
			LocalDate joinedOn) {
	}

	public record TeamMemberRemoveInput(@NotNull Long membershipId, LocalDate leftOn) {
	}

	public record TeamMemberChangeRoleInput(@NotNull Long membershipId, @NotNull MembershipRole role) {
	}

	/** One shift ({@code startsAt}/{@code endsAt}) or a weekly pattern ({@code weekly}), not both. */
	public record ShiftScheduleInput(@NotNull Long teamId, Long areaId, @NotNull ShiftPurpose purpose,
			OffsetDateTime startsAt, OffsetDateTime endsAt, @Valid WeeklyPatternInput weekly,
			@Min(0) @Max(500) Integer minVolunteers, @NotNull @Min(1) @Max(500) Integer maxVolunteers,
			@Size(max = 7) List<Skill> requiredSkills, @Size(max = 500) String note) {
	}

	/**
	 * Every given day of the week between two dates (inclusive), from {@code startTime} to
	 * {@code endTime} local time in Asia/Shanghai; an end before the start ends the next day.
	 */
	public record WeeklyPatternInput(@NotEmpty List<DayOfWeek> daysOfWeek,
			@NotNull @Pattern(regexp = TIME, message = "A time is HH:mm, e.g. 19:00") String startTime,
			@NotNull @Pattern(regexp = TIME, message = "A time is HH:mm, e.g. 23:00") String endTime,
			@NotNull LocalDate fromDate, @NotNull LocalDate toDate) {
	}

	public record ShiftCancelInput(@NotNull Long shiftId, CancelScope scope, @Size(max = 200) String reason) {
	}

	public record ShiftSignUpInput(@NotNull Long shiftId, @NotNull Long volunteerId) {
	}

	public record ShiftWithdrawInput(@NotNull Long shiftId, @NotNull Long volunteerId) {
	}

	public record ShiftCheckInInput(@NotNull Long shiftId, @NotNull Long volunteerId, OffsetDateTime at) {
	}

	public record ShiftCheckOutInput(@NotNull Long shiftId, @NotNull Long volunteerId, OffsetDateTime at) {
	}

	public record ShiftAttendanceRecordInput(@NotNull Long shiftId,
			@NotNull @Size(max = 500) List<@Valid @NotNull AttendanceEntryInput> entries) {
	}

	/** A present volunteer's times default to the shift's start and end. */
	public record AttendanceEntryInput(@NotNull Long volunteerId, @NotNull Attendance attendance,
			OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt) {
	}

	public record ActivityLogInput(@NotNull Long teamId, @NotNull ActivityKind kind,
			@NotNull @PastOrPresent LocalDate date, @NotNull Long areaId, @Size(max = 1000) String outcome,
			@NotNull @Size(max = 200) List<@Valid @NotNull ParticipantInput> participants,
			@Size(min = 8, max = 64) @Pattern(regexp = KEY, message = KEY_MESSAGE) String idempotencyKey) {
	}

	public record ParticipantInput(@NotNull Long volunteerId,
			@NotNull @DecimalMin("0") @DecimalMax("24") Double hours) {
	}
}
