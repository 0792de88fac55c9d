package org.zhufang.teams;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhufang.grids.AreaScope;
import org.zhufang.grids.AreaStatus;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.shared.BadRequestException;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Caller;
import org.zhufang.shared.ForbiddenException;
import org.zhufang.shared.InputValidator;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.teams.TeamInputs.AttendanceEntryInput;
import org.zhufang.teams.TeamInputs.ShiftAttendanceRecordInput;
import org.zhufang.teams.TeamInputs.ShiftCancelInput;
import org.zhufang.teams.TeamInputs.ShiftCheckInInput;
import org.zhufang.teams.TeamInputs.ShiftCheckOutInput;
import org.zhufang.teams.TeamInputs.ShiftScheduleInput;
import org.zhufang.teams.TeamInputs.ShiftSignUpInput;
import org.zhufang.teams.TeamInputs.ShiftWithdrawInput;
import org.zhufang.teams.TeamInputs.WeeklyPatternInput;
import org.zhufang.teams.internal.EnumSets;
import org.zhufang.teams.internal.RosterQueries;
import org.zhufang.teams.internal.Shift;
import org.zhufang.teams.internal.ShiftAssignment;
import org.zhufang.teams.internal.ShiftAssignmentRepository;
import org.zhufang.teams.internal.ShiftRepository;
import org.zhufang.teams.internal.ShiftSeries;
import org.zhufang.teams.internal.ShiftSeriesRepository;
import org.zhufang.teams.internal.TeamAccess;
import org.zhufang.teams.internal.TeamQueries;

/**
 * The roster: scheduling shifts (one, or a weekly pattern), cancelling them, signing volunteers
 * up and out, check-in and check-out, and recording a shift's attendance, which completes it
 * and logs it as an activity. Rules that must hold under concurrency are enforced by the
 * database: a lock on the volunteer's row while checking for overlapping shifts, and one guarded
 * UPDATE taking a place.
 */
@Service
@Transactional
public class Roster {

	/** At most this many occurrences per scheduling call (a year of two evenings a week fits). */
	static final int MAX_OCCURRENCES = 200;

	/** A shift lasts at most a day. */
	static final Duration MAX_SHIFT = Duration.ofHours(24);

	/** Check-in opens this long before the start. */
	static final Duration CHECK_IN_OPENS = Duration.ofHours(2);

	/** Longest period a team's roster is read for in one go. */
	static final Duration MAX_ROSTER_PERIOD = Duration.ofDays(93);

	private final ShiftRepository shifts;

	private final ShiftSeriesRepository series;

	private final ShiftAssignmentRepository assignments;

	private final RosterQueries queries;

	private final TeamQueries teams;

	private final Activities activities;

	private final TeamAccess access;

	private final AreaScope scope;

	private final GridNetwork grids;

	private final InputValidator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Roster(ShiftRepository shifts, ShiftSeriesRepository series, ShiftAssignmentRepository assignments,
			RosterQueries queries, TeamQueries teams, Activities activities, TeamAccess access, AreaScope scope,
			GridNetwork grids, InputValidator validator, ApplicationEventPublisher events, Clock clock) {
		this.shifts = shifts;
		this.series = series;
		this.assignments = assignments;
		this.queries = queries;
		this.teams = teams;
		this.activities = activities;
		this.access = access;
		this.scope = scope;
		this.grids = grids;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
	}

	// Reading

	/** The shift, if it exists; FORBIDDEN when its team lies outside the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public Optional<ShiftView> shift(Caller caller, long id) {
		return queries.shift(id).map(shift -> {
			requireTeam(caller, shift.teamId());
			return shift;
		});
	}

	/** Shifts by id for nested fields: only those of teams at home inside the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public Map<Long, ShiftView> shiftsByIds(Caller caller, Collection<Long> ids) {
		return queries.shifts(ids, scope.prefixes(caller));
	}

	/**
	 * The shifts overlapping [from, to) (at most 93 days) of the teams at home inside the caller's
	 * jurisdiction; other teams have none.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<ShiftView>> shiftsOfTeams(Caller caller, Collection<Long> teamIds, Instant from,
			Instant to) {
		if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_ROSTER_PERIOD) > 0) {
			throw new BadRequestException("A roster period ends after it starts and spans at most 93 days");
		}
		return queries.shiftsOfTeams(teamIds, scope.prefixes(caller), from, to);
	}

	/** The sign-ups of each shift of a team at home inside the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public Map<Long, List<SignUpView>> signUpsOf(Caller caller, Collection<Long> shiftIds, boolean includeWithdrawn) {
		return queries.signUpsOf(shiftIds, scope.prefixes(caller), includeWithdrawn);
	}

	/**
	 * Each volunteer's next shifts (not yet ended) it holds a place on, at most {@code limit} each:
	 * only shifts of teams at home inside the caller's jurisdiction.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<ShiftView>> upcomingOf(Caller caller, Collection<Long> volunteerIds, int limit) {
		return queries.upcomingOf(volunteerIds, scope.prefixes(caller), clock.instant(), limit);
	}

	/** Scheduled shifts in the area (and below) starting in [from, to) with fewer volunteers than needed. */
	@Transactional(readOnly = true)
	public List<ShiftView> understaffed(Caller caller, long areaId, Instant from, Instant to) {
		if (!scope.mayFilterBy(caller, areaId)) {
			throw new ForbiddenException("Area " + areaId + " is outside your jurisdiction");
		}
		if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_ROSTER_PERIOD) > 0) {
			throw new BadRequestException("The period ends after it starts and spans at most 93 days");
		}
		return queries.understaffed(scope.pathOf(areaId), scope.prefixes(caller), from, to, 100);
	}

	// Scheduling

	/** Schedules one shift, or every occurrence of a weekly pattern as one series. */
	public Outcome<List<ShiftView>> schedule(Caller caller, ShiftScheduleInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<TeamView> team = teams.team(input.teamId());
		if (team.isEmpty()) {
			return Outcome.rejected(UserError.of("teamId", "NOT_FOUND", "No team " + input.teamId()));
		}
		long areaId = input.areaId() == null ? team.get().areaId() : input.areaId();
		Optional<AreaView> area = grids.find(areaId);
		if (area.isEmpty()) {
			return Outcome.rejected(UserError.of("areaId", "NOT_FOUND", "No area " + areaId));
		}
		access.require(caller, team.get().areaPath(), "Team " + input.teamId());
		scope.require(caller, areaId);
		if (team.get().status() != TeamStatus.ACTIVE) {
			return Outcome.rejected(Teams.disbanded("teamId"));
		}
		if (area.get().status() != AreaStatus.ACTIVE) {
			return Outcome.rejected(UserError.of("areaId", "AREA_RETIRED", "The area is retired"));
		}
		int min = input.minVolunteers() == null ? 1 : input.minVolunteers();
		if (min > input.maxVolunteers()) {
			return Outcome.rejected(UserError.of("minVolunteers", "ABOVE_MAXIMUM",
					"A shift cannot need more volunteers (" + min + ") than it admits (" + input.maxVolunteers() + ")"));
		}
		Instant now = clock.instant();
		List<Instant[]> occurrences = new ArrayList<>();
		Long seriesId = null;
		if (input.weekly() != null) {
			if (input.startsAt() != null || input.endsAt() != null) {
				return Outcome.rejected(UserError.of("weekly", "SINGLE_OR_WEEKLY",
						"Give either startsAt/endsAt for one shift or a weekly pattern, not both"));
			}
			Outcome<List<Instant[]>> weekly = occurrences(input.weekly(), now);
			if (!weekly.isOk()) {
				return Outcome.rejected(weekly.userErrors());
			}
			occurrences.addAll(weekly.value());
			WeeklyPatternInput pattern = input.weekly();
			seriesId = series.save(ShiftSeries.of(input.teamId(), EnumSets.join(pattern.daysOfWeek()),
					LocalTime.parse(pattern.startTime()), LocalTime.parse(pattern.endTime()), pattern.fromDate(),
					pattern.toDate(), now)).getId();
		}
		else {
			if (input.startsAt() == null) {
				return Outcome.rejected(UserError.of("startsAt", "REQUIRED", "Give startsAt/endsAt or a weekly pattern"));
			}
			if (input.endsAt() == null) {
				return Outcome.rejected(UserError.of("endsAt", "REQUIRED", "A shift needs an end"));
			}
			Instant start = input.startsAt().toInstant();
			Instant end = input.endsAt().toInstant();
			if (!end.isAfter(start)) {
				return Outcome.rejected(UserError.of("endsAt", "ENDS_BEFORE_START", "A shift ends after it starts"));
			}
			if (Duration.between(start, end).compareTo(MAX_SHIFT) > 0) {
				return Outcome.rejected(UserError.of("endsAt", "TOO_LONG", "A shift lasts at most 24 hours"));
			}
			if (start.isBefore(now)) {
				return Outcome.rejected(UserError.of("startsAt", "IN_PAST", "A shift is scheduled before it starts"));
			}
			occurrences.add(new Instant[] { start, end });
		}
		List<Shift> created = new ArrayList<>();
		for (Instant[] occurrence : occurrences) {
			created.add(Shift.schedule(input.teamId(), seriesId, areaId, area.get().path(), occurrence[0],
					occurrence[1], input.purpose(), min, input.maxVolunteers(), input.requiredSkills(),
					Teams.blankToNull(input.note()), now));
		}
		List<ShiftView> views = new ArrayList<>();
		shifts.saveAll(created).forEach(shift -> views.add(shift.toView()));
		for (ShiftView shift : views) {
			events.publishEvent(new ShiftScheduled(shift.id(), shift.seriesId(), shift.teamId(), shift.areaId(),
					shift.startsAt(), shift.endsAt(), shift.purpose()));
		}
		return Outcome.ok(views);
	}

	/**
	 * The occurrences of a weekly pattern: each day in range whose day of week is listed, from the
	 * start time to the end time in Asia/Shanghai (an end at or before the start is the next day).
	 */
	static Outcome<List<Instant[]>> occurrences(WeeklyPatternInput pattern, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, BureauClock.ZONE);
		if (pattern.fromDate().isBefore(today)) {
			return Outcome.rejected(new UserError(List.of("input", "weekly", "fromDate"), "IN_PAST",
					"A series starts today or later"));
		}
		if (pattern.toDate().isBefore(pattern.fromDate())) {
			return Outcome.rejected(new UserError(List.of("input", "weekly", "toDate"), "ENDS_BEFORE_START",
					"A series ends on or after its first day"));
		}
		if (ChronoUnit.DAYS.between(pattern.fromDate(), pattern.toDate()) > 366) {
			return Outcome.rejected(new UserError(List.of("input", "weekly", "toDate"), "TOO_LONG",
					"A series spans at most a year"));
		}
		LocalTime start = LocalTime.parse(pattern.startTime());
		LocalTime end = LocalTime.parse(pattern.endTime());
		Set<DayOfWeek> days = new HashSet<>(pattern.daysOfWeek());
		List<Instant[]> result = new ArrayList<>();
		for (LocalDate day = pattern.fromDate(); !day.isAfter(pattern.toDate()); day = day.plusDays(1)) {
			if (!days.contains(day.getDayOfWeek())) {
				continue;
			}
			ZonedDateTime startsAt = ZonedDateTime.of(day, start, BureauClock.ZONE);
			ZonedDateTime endsAt = ZonedDateTime.of(end.isAfter(start) ? day : day.plusDays(1), end, BureauClock.ZONE);
			if (startsAt.toInstant().isBefore(now)) {
				continue;
			}
			result.add(new Instant[] { startsAt.toInstant(), endsAt.toInstant() });
		}
		if (result.isEmpty()) {
			return Outcome.rejected(new UserError(List.of("input", "weekly", "daysOfWeek"), "NO_OCCURRENCES",
					"No listed day of the week falls in the range"));
		}
		if (result.size() > MAX_OCCURRENCES) {
			return Outcome.rejected(new UserError(List.of("input", "weekly", "toDate"), "TOO_MANY_OCCURRENCES",
					"A series has at most " + MAX_OCCURRENCES + " occurrences, this one " + result.size()));
		}
		return Outcome.ok(result);
	}

	/** Cancels a shift that has not started, or it and the rest of its series. */
	public Outcome<List<ShiftView>> cancel(Caller caller, ShiftCancelInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<ShiftView> found = queries.shift(input.shiftId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("shiftId", "NOT_FOUND", "No shift " + input.shiftId()));
		}
		ShiftView shift = found.get();
		requireTeam(caller, shift.teamId());
		Optional<UserError> notOpen = notOpen(shift, "shiftId");
		if (notOpen.isPresent()) {
			return Outcome.rejected(notOpen.get());
		}
		if (!shift.startsAt().isAfter(clock.instant())) {
			return Outcome.rejected(UserError.of("shiftId", "SHIFT_STARTED", "The shift has already started"));
		}
		List<Long> ids = input.scope() == CancelScope.THIS_AND_FOLLOWING && shift.seriesId() != null
				? queries.scheduledInSeriesFrom(shift.seriesId(), shift.startsAt()) : List.of(shift.id());
		queries.cancel(ids);
		Map<Long, ShiftView> cancelled = queries.shifts(ids);
		return Outcome.ok(ids.stream().map(cancelled::get).toList());
	}

	// Sign-up

	/**
	 * Signs a volunteer up: an active member of the team, with the required skills, free at that
	 * time on every team, while a place is left. Runs in one transaction holding the volunteer's row
	 * lock, so two sign-ups of one volunteer cannot both pass the overlap check, and takes the place
	 * with one guarded UPDATE, so the last place cannot be taken twice.
	 * <p>
	 * READ COMMITTED: the checks made after the lock must see what the previous holder of the lock
	 * committed; under REPEATABLE READ they would read the snapshot taken by the first query, before
	 * the wait, and two overlapping sign-ups of one volunteer could both pass.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public Outcome<SignUpView> signUp(Caller caller, ShiftSignUpInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<ShiftView> found = queries.shift(input.shiftId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("shiftId", "NOT_FOUND", "No shift " + input.shiftId()));
		}
		Optional<VolunteerView> volunteer = teams.volunteer(input.volunteerId());
		if (volunteer.isEmpty()) {
			return Outcome.rejected(UserError.of("volunteerId", "NOT_FOUND", "No volunteer " + input.volunteerId()));
		}
		ShiftView shift = found.get();
		requireTeam(caller, shift.teamId());
		Optional<UserError> notOpen = notOpen(shift, "shiftId");
		if (notOpen.isPresent()) {
			return Outcome.rejected(notOpen.get());
		}
		if (!shift.startsAt().isAfter(clock.instant())) {
			return Outcome.rejected(UserError.of("shiftId", "SHIFT_STARTED", "The shift has already started"));
		}
		if (volunteer.get().status() != VolunteerStatus.ACTIVE) {
			return Outcome.rejected(UserError.of("volunteerId", "VOLUNTEER_INACTIVE", "The volunteer is inactive"));
		}
		if (!teams.isActiveMember(shift.teamId(), input.volunteerId())) {
			return Outcome.rejected(UserError.of("volunteerId", "NOT_A_MEMBER",
					"Only active members of the team sign up for its shifts"));
		}
		Set<Skill> missing = new TreeSet<>(shift.requiredSkills());
		missing.removeAll(volunteer.get().skills());
		if (!missing.isEmpty()) {
			return Outcome.rejected(UserError.of("volunteerId", "MISSING_SKILL",
					"The shift requires " + missing.stream().map(Enum::name).collect(Collectors.joining(", "))));
		}
		queries.lockVolunteer(input.volunteerId());
		Optional<ShiftAssignment> existing = assignments.findByShiftIdAndVolunteerId(shift.id(), input.volunteerId());
		if (existing.isPresent() && existing.get().isSignedUp()) {
			return Outcome.rejected(UserError.of("volunteerId", "ALREADY_SIGNED_UP",
					"The volunteer is already on this shift"));
		}
		if (queries.hasOverlappingShift(input.volunteerId(), shift.id(), shift.startsAt(), shift.endsAt())) {
			return Outcome.rejected(UserError.of("volunteerId", "OVERLAPPING_SHIFT",
					"The volunteer already has a shift at that time"));
		}
		if (!queries.takePlace(shift.id())) {
			if (queries.currentStatus(shift.id()).filter("CANCELLED"::equals).isPresent()) {
				return Outcome.rejected(UserError.of("shiftId", "SHIFT_CANCELLED", "The shift was cancelled"));
			}
			return Outcome.rejected(UserError.of("shiftId", "SHIFT_FULL", "Every place on the shift is taken"));
		}
		ShiftAssignment assignment = existing.orElse(null);
		if (assignment == null) {
			assignment = ShiftAssignment.signUp(shift.id(), input.volunteerId(), clock.instant());
		}
		else {
			assignment.rejoin(clock.instant());
		}
		return Outcome.ok(assignments.save(assignment).toView());
	}

	/** Gives a place back before the shift starts (READ COMMITTED for the reason sign-up is). */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public Outcome<SignUpView> withdraw(Caller caller, ShiftWithdrawInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<ShiftView> found = queries.shift(input.shiftId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("shiftId", "NOT_FOUND", "No shift " + input.shiftId()));
		}
		ShiftView shift = found.get();
		requireTeam(caller, shift.teamId());
		queries.lockVolunteer(input.volunteerId());
		Optional<ShiftAssignment> existing = assignments.findByShiftIdAndVolunteerId(shift.id(), input.volunteerId());
		if (existing.isEmpty() || !existing.get().isSignedUp()) {
			return Outcome.rejected(UserError.of("volunteerId", "NOT_SIGNED_UP", "The volunteer is not on this shift"));
		}
		Optional<UserError> notOpen = notOpen(shift, "shiftId");
		if (notOpen.isPresent()) {
			return Outcome.rejected(notOpen.get());
		}
		if (!shift.startsAt().isAfter(clock.instant()) || existing.get().getCheckedInAt() != null) {
			return Outcome.rejected(UserError.of("shiftId", "SHIFT_STARTED", "Withdrawing is possible only before the start"));
		}
		ShiftAssignment assignment = existing.get();
		if (!assignment.isWalkIn()) {
			// the shift row before the sign-up row: the order cancelling takes its locks in
			queries.releasePlace(shift.id());
		}
		assignment.withdraw();
		return Outcome.ok(assignments.save(assignment).toView());
	}

	// Attendance

	/** Checks a volunteer in; someone who had not signed up is a walk-in (taking no place). */
	public Outcome<SignUpView> checkIn(Caller caller, ShiftCheckInInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<ShiftView> found = queries.shift(input.shiftId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("shiftId", "NOT_FOUND", "No shift " + input.shiftId()));
		}
		Optional<VolunteerView> volunteer = teams.volunteer(input.volunteerId());
		if (volunteer.isEmpty()) {
			return Outcome.rejected(UserError.of("volunteerId", "NOT_FOUND", "No volunteer " + input.volunteerId()));
		}
		ShiftView shift = found.get();
		requireTeam(caller, shift.teamId());
		// a walk-in may come from anywhere the caller can see, never from outside it
		access.requireSees(caller, volunteer.get());
		Optional<UserError> notOpen = notOpen(shift, "shiftId");
		if (notOpen.isPresent()) {
			return Outcome.rejected(notOpen.get());
		}
		Instant now = clock.instant();
		Instant at = input.at() == null ? now : input.at().toInstant();
		if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
			return Outcome.rejected(UserError.of("at", "IN_FUTURE", "A check-in is recorded when it happens"));
		}
		if (at.isBefore(shift.startsAt().minus(CHECK_IN_OPENS))) {
			return Outcome.rejected(UserError.of("at", "TOO_EARLY", "Check-in opens two hours before the start"));
		}
		if (!at.isBefore(shift.endsAt())) {
			return Outcome.rejected(UserError.of("at", "SHIFT_ENDED", "The shift has ended; record its attendance instead"));
		}
		Optional<ShiftAssignment> existing = assignments.findByShiftIdAndVolunteerId(shift.id(), input.volunteerId());
		if (existing.isPresent() && existing.get().getCheckedInAt() != null) {
			return Outcome.rejected(UserError.of("volunteerId", "ALREADY_CHECKED_IN", "The volunteer has already checked in"));
		}
		if (existing.isEmpty() && volunteer.get().status() != VolunteerStatus.ACTIVE) {
			return Outcome.rejected(UserError.of("volunteerId", "VOLUNTEER_INACTIVE", "The volunteer is inactive"));
		}
		ShiftAssignment assignment = existing.orElseGet(() -> ShiftAssignment.walkIn(shift.id(), input.volunteerId(), now));
		assignment.checkIn(at);
		return Outcome.ok(assignments.save(assignment).toView());
	}

	public Outcome<SignUpView> checkOut(Caller caller, ShiftCheckOutInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<ShiftView> found = queries.shift(input.shiftId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("shiftId", "NOT_FOUND", "No shift " + input.shiftId()));
		}
		ShiftView shift = found.get();
		requireTeam(caller, shift.teamId());
		Optional<UserError> notOpen = notOpen(shift, "shiftId");
		if (notOpen.isPresent()) {
			return Outcome.rejected(notOpen.get());
		}
		Optional<ShiftAssignment> existing = assignments.findByShiftIdAndVolunteerId(shift.id(), input.volunteerId());
		if (existing.isEmpty() || existing.get().getCheckedInAt() == null) {
			return Outcome.rejected(UserError.of("volunteerId", "NOT_CHECKED_IN", "The volunteer has not checked in"));
		}
		ShiftAssignment assignment = existing.get();
		if (assignment.getCheckedOutAt() != null) {
			return Outcome.rejected(UserError.of("volunteerId", "ALREADY_CHECKED_OUT", "The volunteer has already checked out"));
		}
		Instant now = clock.instant();
		Instant at = input.at() == null ? now : input.at().toInstant();
		if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
			return Outcome.rejected(UserError.of("at", "IN_FUTURE", "A check-out is recorded when it happens"));
		}
		if (at.isBefore(assignment.getCheckedInAt())) {
			return Outcome.rejected(UserError.of("at", "BEFORE_CHECK_IN", "A check-out comes after the check-in"));
		}
		if (Duration.between(assignment.getCheckedInAt(), at).compareTo(MAX_SHIFT) > 0) {
			return Outcome.rejected(UserError.of("at", "TOO_LONG", "A volunteer is on duty at most 24 hours at a time"));
		}
		assignment.checkOut(at);
		return Outcome.ok(assignments.save(assignment).toView());
	}

	/**
	 * Records the attendance of a whole shift at once and completes it: the listed volunteers as
	 * given (walk-ins included), everyone else signed up from their check-in and check-out, or
	 * absent without them. The present volunteers' hours become an activity of the shift's purpose.
	 * <p>
	 * Recording a completed shift again corrects it: the listed volunteers' attendance is replaced,
	 * the others keep what was recorded, and the activity's participants and hours are replaced (not
	 * added to). A correction publishes {@link ShiftAttendanceCorrected}, not a second
	 * {@link ShiftCompleted}. The shift's row lock makes a recording and a correction (or two
	 * corrections) run one after the other; READ COMMITTED so that the second reads what the first
	 * committed.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public Outcome<ShiftAttendance> recordAttendance(Caller caller, ShiftAttendanceRecordInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		if (!queries.lockShift(input.shiftId())) {
			return Outcome.rejected(UserError.of("shiftId", "NOT_FOUND", "No shift " + input.shiftId()));
		}
		ShiftView shift = queries.shift(input.shiftId()).orElseThrow();
		requireTeam(caller, shift.teamId());
		if (shift.status() == ShiftStatus.CANCELLED) {
			return Outcome.rejected(UserError.of("shiftId", "SHIFT_CANCELLED", "The shift was cancelled"));
		}
		boolean correcting = shift.status() == ShiftStatus.COMPLETED;
		Instant now = clock.instant();
		if (shift.startsAt().isAfter(now)) {
			return Outcome.rejected(UserError.of("shiftId", "SHIFT_NOT_STARTED", "Attendance is recorded once the shift has started"));
		}
		Map<Long, VolunteerView> volunteers = teams.volunteers(
				input.entries().stream().map(AttendanceEntryInput::volunteerId).collect(Collectors.toSet()));
		volunteers.values().forEach(volunteer -> access.requireSees(caller, volunteer));
		Set<Long> seen = new HashSet<>();
		Instant defaultEnd = shift.endsAt().isAfter(now) ? now : shift.endsAt();
		Map<Long, Instant[]> times = new LinkedHashMap<>();
		for (int i = 0; i < input.entries().size(); i++) {
			AttendanceEntryInput entry = input.entries().get(i);
			String index = String.valueOf(i);
			if (!volunteers.containsKey(entry.volunteerId())) {
				errors.add(new UserError(List.of("input", "entries", index, "volunteerId"), "NOT_FOUND",
						"No volunteer " + entry.volunteerId()));
				continue;
			}
			if (!seen.add(entry.volunteerId())) {
				errors.add(new UserError(List.of("input", "entries", index, "volunteerId"), "DUPLICATE_ENTRY",
						"The volunteer is listed twice"));
				continue;
			}
			Instant in = entry.checkedInAt() == null ? shift.startsAt() : entry.checkedInAt().toInstant();
			Instant out = entry.checkedOutAt() == null ? defaultEnd : entry.checkedOutAt().toInstant();
			if (entry.attendance() == Attendance.PRESENT) {
				if (!out.isAfter(in)) {
					errors.add(new UserError(List.of("input", "entries", index, "checkedOutAt"), "BEFORE_CHECK_IN",
							"A check-out comes after the check-in"));
				}
				else if (Duration.between(in, out).compareTo(MAX_SHIFT) > 0) {
					errors.add(new UserError(List.of("input", "entries", index, "checkedOutAt"), "TOO_LONG",
							"A volunteer is on duty at most 24 hours at a time"));
				}
				else if (out.isAfter(now.plus(Duration.ofMinutes(5)))) {
					errors.add(new UserError(List.of("input", "entries", index, "checkedOutAt"), "IN_FUTURE",
							"Attendance is recorded after the fact"));
				}
			}
			times.put(entry.volunteerId(), new Instant[] { in, out });
		}
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Map<Long, ShiftAssignment> onShift = new LinkedHashMap<>();
		assignments.findByShiftId(shift.id()).forEach(a -> onShift.put(a.getVolunteerId(), a));
		for (AttendanceEntryInput entry : input.entries()) {
			ShiftAssignment assignment = onShift.computeIfAbsent(entry.volunteerId(),
					id -> ShiftAssignment.walkIn(shift.id(), id, now));
			Instant[] at = times.get(entry.volunteerId());
			assignment.record(entry.attendance(), at[0], at[1]);
		}
		for (ShiftAssignment assignment : onShift.values()) {
			if (seen.contains(assignment.getVolunteerId()) || !assignment.isSignedUp()) {
				continue;
			}
			if (assignment.getAttendance() != null) {
				// recorded before: a correction changes only whom it lists
				continue;
			}
			if (assignment.getCheckedInAt() != null) {
				Instant out = assignment.getCheckedOutAt() != null ? assignment.getCheckedOutAt() : defaultEnd;
				assignment.record(Attendance.PRESENT, assignment.getCheckedInAt(),
						out.isAfter(assignment.getCheckedInAt()) ? out : assignment.getCheckedInAt());
			}
			else {
				assignment.record(Attendance.ABSENT, null, null);
			}
		}
		assignments.saveAll(onShift.values());

		Map<Long, BigDecimal> hours = new LinkedHashMap<>();
		onShift.values().stream().filter(a -> a.getAttendance() == Attendance.PRESENT)
			.forEach(a -> hours.put(a.getVolunteerId(), a.getHours()));
		LocalDate date = LocalDate.ofInstant(shift.startsAt(), BureauClock.ZONE);
		ActivityView activity;
		if (correcting) {
			activity = activities.correctShift(caller, shift, date, hours);
			events.publishEvent(new ShiftAttendanceCorrected(shift.id(), activity.id(), shift.teamId(), shift.areaId(),
					date, hours.size(), activity.totalHours()));
		}
		else {
			Shift completed = shifts.findById(shift.id()).orElseThrow();
			completed.complete();
			shifts.save(completed);
			activity = activities.recordShift(caller, shift, date, hours);
			events.publishEvent(new ShiftCompleted(shift.id(), shift.teamId(), shift.areaId(), date, hours.size(),
					activity.totalHours()));
		}
		return Outcome.ok(new ShiftAttendance(queries.shift(shift.id()).orElseThrow(), activity));
	}

	/** A shift whose attendance was recorded, and the activity it became. */
	public record ShiftAttendance(ShiftView shift, ActivityView activity) {
	}

	private static Optional<UserError> notOpen(ShiftView shift, String field) {
		return switch (shift.status()) {
			case CANCELLED -> Optional.of(UserError.of(field, "SHIFT_CANCELLED", "The shift was cancelled"));
			case COMPLETED -> Optional.of(UserError.of(field, "SHIFT_COMPLETED", "The shift is over and its attendance recorded"));
			case SCHEDULED -> Optional.empty();
		};
	}

	private void requireTeam(Caller caller, long teamId) {
		TeamView team = teams.team(teamId).orElseThrow();
		access.require(caller, team.areaPath(), "Team " + teamId);
	}

	static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}
}
