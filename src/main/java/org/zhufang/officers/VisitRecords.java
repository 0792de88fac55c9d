package org.zhufang.officers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhufang.grids.AreaLevel;
import org.zhufang.grids.AreaScope;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.officers.OfficerInputs.VisitLogInput;
import org.zhufang.officers.internal.Officer;
import org.zhufang.officers.internal.OfficerQueries;
import org.zhufang.officers.internal.OfficerRepository;
import org.zhufang.officers.internal.Station;
import org.zhufang.officers.internal.StationRepository;
import org.zhufang.officers.internal.Visit;
import org.zhufang.officers.internal.VillageAssignmentRepository;
import org.zhufang.officers.internal.VisitRepository;
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

/**
 * Officers' visits (走访): logging them, idempotently when the client sends a key, listing them
 * and their figures per area and period.
 */
@Service
@Transactional
public class VisitRecords {

	/**
	 * Who may log visits: a community officer their own (the account linked to the officer) in
	 * their villages, a chief in the station's towns, the bureau anywhere.
	 */
	private static final Role[] VISIT_LOGGERS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF, Role.COMMUNITY_OFFICER };

	/** Who may read single visits (addresses, suggestions); everyone may read the figures. */
	private static final Role[] VISIT_READERS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF, Role.COMMUNITY_OFFICER,
			Role.GRID_MEMBER };

	private final VisitRepository visits;

	private final OfficerRepository officers;

	private final StationRepository stations;

	private final VillageAssignmentRepository assignments;

	private final OfficerQueries queries;

	private final GridNetwork grids;

	private final AreaScope scope;

	private final InputValidator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	VisitRecords(VisitRepository visits, OfficerRepository officers, StationRepository stations,
			VillageAssignmentRepository assignments, OfficerQueries queries, GridNetwork grids, AreaScope scope,
			InputValidator validator, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.visits = visits;
		this.officers = officers;
		this.stations = stations;
		this.assignments = assignments;
		this.queries = queries;
		this.grids = grids;
		this.scope = scope;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	// Reading

	/** Visits inside the caller's jurisdiction, newest first. */
	@Transactional(readOnly = true)
	public Connection<VisitView> visits(Caller caller, VisitFilter filter, PageRequest page, boolean withCount) {
		caller.requireRole(VISIT_READERS);
		String areaPrefix = null;
		if (filter.areaId() != null) {
			if (!scope.mayFilterBy(caller, filter.areaId())) {
				throw new ForbiddenException("Area " + filter.areaId() + " is outside your jurisdiction");
			}
			areaPrefix = scope.pathOf(filter.areaId());
		}
		return queries.visits(filter, areaPrefix, scope.prefixes(caller), page, withCount);
	}

	/** Figures of an area inside the caller's jurisdiction, between two dates (inclusive). */
	@Transactional(readOnly = true)
	public VisitFiguresView figures(Caller caller, long areaId, LocalDate from, LocalDate to) {
		scope.require(caller, areaId);
		if (to.isBefore(from)) {
			throw new BadRequestException("The period ends before it starts");
		}
		return queries.visitFigures(areaId, scope.pathOf(areaId), from, to);
	}

	// Logging

	/**
	 * Logs a visit. With an idempotency key, a re-sent visit from the same account answers the
	 * first one; of two concurrent sends, the unique key lets one insert and the other reads it.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<VisitView> log(Caller caller, VisitLogInput input) {
		caller.requireRole(VISIT_LOGGERS);
		if (caller.role() == Role.COMMUNITY_OFFICER && input.officerId() != null
				&& !caller.isPerson("OFFICER", input.officerId())) {
			throw new ForbiddenException("A community officer logs their own visits only");
		}
		String key = StationRegistry.blankToNull(input.idempotencyKey());
		if (key != null) {
			Optional<Visit> first = transaction.execute(status -> visits.findByKey(caller.subject(), key));
			if (first.isPresent()) {
				return replay(caller, first.get().toView(), input);
			}
		}
		try {
			return transaction.execute(status -> doLog(caller, input, key));
		}
		catch (RuntimeException ex) {
			if (key != null && DataErrors.isDuplicateKey(ex)) {
				Optional<Visit> first = transaction.execute(status -> visits.findByKey(caller.subject(), key));
				if (first.isPresent()) {
					return replay(caller, first.get().toView(), input);
				}
			}
			throw ex;
		}
	}

	/** The first visit sent with the key, provided the re-sent one is about the same visit. */
	private Outcome<VisitView> replay(Caller caller, VisitView first, VisitLogInput input) {
		scope.require(caller, first.villageId());
		boolean same = first.officerId() == input.officerId() && first.villageId() == input.villageId()
				&& (input.visitedOn() == null || input.visitedOn().equals(first.visitedOn()));
		if (!same) {
			return Outcome.rejected(UserError.of("idempotencyKey", "IDEMPOTENCY_KEY_REUSED",
					"This key was used for another visit (" + first.id() + ")"));
		}
		return Outcome.ok(first);
	}

	private Outcome<VisitView> doLog(Caller caller, VisitLogInput input, String key) {
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		String address = StationRegistry.blankToNull(input.address());
		String placeName = StationRegistry.blankToNull(input.placeName());
		if (address == null && placeName == null) {
			return Outcome.rejected(UserError.of("address", "REQUIRED", "Give the household's address or the place's name"));
		}
		Optional<AreaView> found = grids.find(input.villageId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("villageId", "NOT_FOUND", "No area " + input.villageId()));
		}
		AreaView village = found.get();
		scope.require(caller, village.id());
		if (village.level() != AreaLevel.VILLAGE) {
			return Outcome.rejected(UserError.of("villageId", "INVALID_LEVEL", "Visits are logged per village, not per " + village.level()));
		}
		String areaPath = village.path();
		if (input.gridId() != null) {
			Optional<AreaView> grid = grids.find(input.gridId());
			if (grid.isEmpty()) {
				return Outcome.rejected(UserError.of("gridId", "NOT_FOUND", "No area " + input.gridId()));
			}
			if (grid.get().level() != AreaLevel.GRID || !Long.valueOf(village.id()).equals(grid.get().parentId())) {
				return Outcome.rejected(UserError.of("gridId", "GRID_NOT_IN_VILLAGE", "The grid is not one of " + village.name() + "'s"));
			}
			areaPath = grid.get().path();
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate visitedOn = input.visitedOn() == null ? today : input.visitedOn();
		if (visitedOn.isAfter(today)) {
			return Outcome.rejected(UserError.of("visitedOn", "IN_FUTURE", "A visit cannot be logged ahead of time"));
		}
		Optional<Officer> officerFound = officers.findById(input.officerId());
		if (officerFound.isEmpty()) {
			return Outcome.rejected(UserError.of("officerId", "NOT_FOUND", "No officer " + input.officerId()));
		}
		Officer officer = officerFound.get();
		if (!officer.isActive()) {
			return Outcome.rejected(UserError.of("officerId", "OFFICER_NOT_ACTIVE", "The officer is no longer active"));
		}
		if (caller.role() == Role.COMMUNITY_OFFICER
				&& !assignments.wasResponsible(village.id(), officer.getId(), visitedOn)) {
			return Outcome.rejected(UserError.of("officerId", "NOT_RESPONSIBLE",
					"A community officer logs visits in the villages they are responsible for"));
		}
		if (caller.role() == Role.STATION_CHIEF) {
			Optional<Station> station = officer.getStationId() == null ? Optional.empty()
					: stations.findById(officer.getStationId());
			if (station.isEmpty() || !station.get().coversPath(village.path())) {
				return Outcome.rejected(UserError.of("officerId", "OUTSIDE_STATION",
						"The officer must serve in the station covering " + village.name() + "'s town"));
			}
		}
		Visit visit = Visit.log(officer.getId(), village.id(), input.gridId(), areaPath, visitedOn, address, placeName,
				input.purpose(), input.contactCards() == null ? 0 : input.contactCards(), input.satisfaction(),
				StationRegistry.blankToNull(input.suggestions()), StationRegistry.blankToNull(input.notes()),
				caller.subject(), key, clock.instant());
		VisitView view = visits.save(visit).toView();
		events.publishEvent(new VisitLogged(view.id(), view.officerId(), view.villageId(), view.gridId(),
				view.visitedOn(), view.contactCards(), view.satisfaction()));
		return Outcome.ok(view);
	}
}
