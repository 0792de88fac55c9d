package org.zhufang.teams;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhufang.grids.AreaScope;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.shared.DataErrors;
import org.zhufang.shared.BadRequestException;
import org.zhufang.shared.Caller;
import org.zhufang.shared.ForbiddenException;
import org.zhufang.shared.InputValidator;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.Role;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;
import org.zhufang.teams.TeamInputs.ActivityLogInput;
import org.zhufang.teams.TeamInputs.ParticipantInput;
import org.zhufang.teams.internal.Activity;
import org.zhufang.teams.internal.ActivityQueries;
import org.zhufang.teams.internal.ActivityRepository;
import org.zhufang.teams.internal.TeamAccess;
import org.zhufang.teams.internal.TeamQueries;

/**
 * Activities and the hours volunteers give: logging an activity (idempotent per caller and key),
 * and hours per volunteer, team and area, with rankings. Hours come only from activities, and a
 * completed shift is logged as one, so every figure adds up the same way.
 */
@Service
@Transactional
public class Activities {

	/** Longest period hours are summed over in one go. */
	static final long MAX_PERIOD_DAYS = 3660;

	private final ActivityRepository activities;

	private final ActivityQueries queries;

	private final TeamQueries teams;

	private final TeamAccess access;

	private final AreaScope scope;

	private final GridNetwork grids;

	private final InputValidator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Activities(ActivityRepository activities, ActivityQueries queries, TeamQueries teams, TeamAccess access,
			AreaScope scope, GridNetwork grids, InputValidator validator, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.activities = activities;
		this.queries = queries;
		this.teams = teams;
		this.access = access;
		this.scope = scope;
		this.grids = grids;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	// Reading

	/** Each team's activities, latest first: only teams at home inside the caller's jurisdiction have any. */
	@Transactional(readOnly = true)
	public Map<Long, Connection<ActivityView>> activitiesOf(Caller caller, Collection<Long> teamIds, PageRequest page,
			boolean withCount) {
		if (page.backwards()) {
			throw new BadRequestException("Activities are paged forwards only");
		}
		return queries.activitiesOf(teamIds, scope.prefixes(caller), page, withCount);
	}

	@Transactional(readOnly = true)
	public Map<Long, List<ParticipantView>> participantsOf(Collection<Long> activityIds) {
		return queries.participantsOf(activityIds);
	}

	/**
	 * Each volunteer's hours in activities dated in the period, counting only activities held
	 * inside the caller's jurisdiction (the same rule as the rankings), in one statement.
	 */
	@Transactional(readOnly = true)
	public Map<Long, HoursSummary> hoursOfVolunteers(Caller caller, Collection<Long> volunteerIds, LocalDate from,
			LocalDate to) {
		checkPeriod(from, to);
		return queries.hoursOfVolunteers(volunteerIds, scope.prefixes(caller), from, to);
	}

	/**
	 * Each team's hours in activities dated in the period, counting only activities held inside
	 * the caller's jurisdiction, in one statement.
	 */
	@Transactional(readOnly = true)
	public Map<Long, HoursSummary> hoursOfTeams(Caller caller, Collection<Long> teamIds, LocalDate from, LocalDate to) {
		checkPeriod(from, to);
		return queries.hoursOfTeams(teamIds, scope.prefixes(caller), from, to);
	}

	/** Hours given in activities in the area (and below) within the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public HoursSummary hoursIn(Caller caller, long areaId, LocalDate from, LocalDate to) {
		checkPeriod(from, to);
		return queries.hoursIn(filterPath(caller, areaId), scope.prefixes(caller), from, to);
	}

	/** Volunteers ranked by hours in activities in the area and period; at most 100. */
	@Transactional(readOnly = true)
	public List<RankedHours> volunteerRanking(Caller caller, long areaId, LocalDate from, LocalDate to, Integer first) {
		checkPeriod(from, to);
		return queries.ranking(false, filterPath(caller, areaId), scope.prefixes(caller), from, to, limit(first));
	}

	/** Teams ranked by hours in activities in the area and period; at most 100. */
	@Transactional(readOnly = true)
	public List<RankedHours> teamRanking(Caller caller, long areaId, LocalDate from, LocalDate to, Integer first) {
		checkPeriod(from, to);
		return queries.ranking(true, filterPath(caller, areaId), scope.prefixes(caller), from, to, limit(first));
	}

	// Logging

	/**
	 * Logs an activity. With an idempotency key, a re-sent log (same caller, same key) answers the
	 * activity logged the first time and writes nothing; the unique key settles a race between two
	 * sends in the database.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<ActivityView> log(Caller caller, ActivityLogInput input) {
		try {
			return transaction.execute(status -> doLog(caller, input));
		}
		catch (RuntimeException ex) {
			if (DataErrors.isDuplicateKey(ex) && input.idempotencyKey() != null) {
				return transaction.execute(status -> queries.idByIdempotencyKey(caller.subject(), input.idempotencyKey())
					.flatMap(queries::activity).map(earlier -> replay(caller, earlier, input)).orElseThrow(() -> ex));
			}
			throw ex;
		}
	}

	private Outcome<ActivityView> doLog(Caller caller, ActivityLogInput input) {
		caller.requireRole(TeamAccess.ACTIVITY_LOGGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		String key = Teams.blankToNull(input.idempotencyKey());
		if (key != null) {
			Optional<ActivityView> earlier = queries.idByIdempotencyKey(caller.subject(), key).flatMap(queries::activity);
			if (earlier.isPresent()) {
				return replay(caller, earlier.get(), input);
			}
		}
		Optional<TeamView> team = teams.team(input.teamId());
		if (team.isEmpty()) {
			return Outcome.rejected(UserError.of("teamId", "NOT_FOUND", "No team " + input.teamId()));
		}
		Optional<AreaView> area = grids.find(input.areaId());
		if (area.isEmpty()) {
			return Outcome.rejected(UserError.of("areaId", "NOT_FOUND", "No area " + input.areaId()));
		}
		requireMayLog(caller, team.get(), area.get().path(), "Area " + input.areaId());
		if (team.get().status() != TeamStatus.ACTIVE) {
			return Outcome.rejected(Teams.disbanded("teamId"));
		}
		Map<Long, VolunteerView> volunteers = teams.volunteers(
				input.participants().stream().map(ParticipantInput::volunteerId).collect(Collectors.toSet()));
		// participants are the team's own members, or volunteers inside the caller's jurisdiction
		Map<Long, List<MembershipView>> memberships = teams.membershipsOf(volunteers.keySet(), false);
		for (VolunteerView volunteer : volunteers.values()) {
			boolean onTheTeam = memberships.getOrDefault(volunteer.id(), List.of()).stream()
				.anyMatch(membership -> membership.teamId() == input.teamId());
			if (!onTheTeam) {
				access.requireSees(caller, volunteer);
			}
		}
		Set<Long> seen = new HashSet<>();
		Map<Long, BigDecimal> hours = new LinkedHashMap<>();
		for (int i = 0; i < input.participants().size(); i++) {
			ParticipantInput participant = input.participants().get(i);
			List<String> field = List.of("input", "participants", String.valueOf(i), "volunteerId");
			if (!volunteers.containsKey(participant.volunteerId())) {
				errors.add(new UserError(field, "NOT_FOUND", "No volunteer " + participant.volunteerId()));
			}
			else if (!seen.add(participant.volunteerId())) {
				errors.add(new UserError(field, "DUPLICATE_ENTRY", "The volunteer is listed twice"));
			}
			else {
				hours.put(participant.volunteerId(), BigDecimal.valueOf(participant.hours()).setScale(2,
						java.math.RoundingMode.HALF_UP));
			}
		}
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Activity activity = activities.save(Activity.log(input.teamId(), input.kind(), input.date(), input.areaId(),
				area.get().path(), Teams.blankToNull(input.outcome()), null, hours, caller.subject(), key,
				clock.instant()));
		return Outcome.ok(published(activity.toView()));
	}

	/**
	 * Refuses as FORBIDDEN an activity of the team in the area the caller may not log: grid
	 * members log what happened in their grid, for teams at home there or above it (the village's,
	 * the town's); managers only for the teams they coordinate, in their jurisdiction.
	 */
	private void requireMayLog(Caller caller, TeamView team, String areaPath, String area) {
		if (caller.role() == Role.GRID_MEMBER) {
			if (!access.insideOrAbove(caller, team.areaPath())) {
				throw new ForbiddenException("Team " + team.id() + " is outside your jurisdiction");
			}
		}
		else {
			access.require(caller, team.areaPath(), "Team " + team.id());
		}
		access.require(caller, areaPath, area);
	}

	/**
	 * The activity first logged with the key, provided the caller may still log it where it is
	 * now (the account may have been re-scoped since: otherwise FORBIDDEN, as a fresh log would
	 * be) and the re-sent log is about the same activity (team, date and area); otherwise
	 * IDEMPOTENCY_KEY_REUSED, as for visits and talks.
	 */
	private Outcome<ActivityView> replay(Caller caller, ActivityView earlier, ActivityLogInput input) {
		TeamView team = teams.team(earlier.teamId()).orElseThrow();
		requireMayLog(caller, team, earlier.areaPath(), "Activity " + earlier.id());
		boolean same = input.teamId() != null && earlier.teamId() == input.teamId() && input.date() != null
				&& earlier.date().equals(input.date()) && input.areaId() != null && earlier.areaId() == input.areaId();
		if (!same) {
			return Outcome.rejected(UserError.of("idempotencyKey", "IDEMPOTENCY_KEY_REUSED",
					"This key was used for another activity (" + earlier.id() + ")"));
		}
		return Outcome.ok(earlier);
	}

	/** Logs a completed shift as an activity of its purpose (the roster checked the caller). */
	ActivityView recordShift(Caller caller, ShiftView shift, LocalDate date, Map<Long, BigDecimal> hours) {
		Activity activity = activities.save(Activity.log(shift.teamId(), shift.purpose().activityKind(), date,
				shift.areaId(), shift.areaPath(), shift.note(), shift.id(), hours, caller.subject(), null,
				clock.instant()));
		return published(activity.toView());
	}

	/**
	 * Replaces the participants and hours of the activity a completed shift became, after its
	 * attendance was recorded again; publishes nothing (the roster announces the correction).
	 */
	ActivityView correctShift(Caller caller, ShiftView shift, LocalDate date, Map<Long, BigDecimal> hours) {
		Optional<Activity> found = activities.findByShiftId(shift.id());
		if (found.isEmpty()) {
			return recordShift(caller, shift, date, hours);
		}
		Activity activity = found.get();
		activity.replaceParticipants(hours);
		return activities.save(activity).toView();
	}

	private ActivityView published(ActivityView activity) {
		events.publishEvent(new ActivityLogged(activity.id(), activity.teamId(), activity.kind(), activity.areaId(),
				activity.date(), activity.participantCount(), activity.totalHours()));
		return activity;
	}

	private String filterPath(Caller caller, long areaId) {
		if (!scope.mayFilterBy(caller, areaId)) {
			throw new ForbiddenException("Area " + areaId + " is outside your jurisdiction");
		}
		return scope.pathOf(areaId);
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_PERIOD_DAYS) {
			throw new BadRequestException("A period ends on or after its first day and spans at most ten years");
		}
	}

	private static int limit(Integer first) {
		int size = first == null ? PageRequest.DEFAULT_SIZE : first;
		if (size < 0 || size > PageRequest.MAX_SIZE) {
			throw new BadRequestException("A ranking holds at most " + PageRequest.MAX_SIZE + ", was " + size);
		}
		return size;
	}

	static List<Long> ids(Collection<? extends Number> values) {
		return new ArrayList<>(values.stream().map(Number::longValue).toList());
	}
}
