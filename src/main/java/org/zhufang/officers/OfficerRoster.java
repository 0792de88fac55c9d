package org.zhufang.officers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhufang.grids.AreaLevel;
import org.zhufang.grids.AreaScope;
import org.zhufang.grids.AreaStatus;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.officers.OfficerInputs.OfficerRegisterInput;
import org.zhufang.officers.OfficerInputs.OfficerTransferInput;
import org.zhufang.officers.OfficerInputs.OfficerUpdateInput;
import org.zhufang.officers.OfficerInputs.VillageOfficerAssignInput;
import org.zhufang.officers.OfficerInputs.VillageOfficerEndInput;
import org.zhufang.officers.StaffingView.StationStaffingView;
import org.zhufang.officers.internal.Officer;
import org.zhufang.officers.internal.OfficerQueries;
import org.zhufang.officers.internal.OfficerRepository;
import org.zhufang.officers.internal.OfficerTransfer;
import org.zhufang.officers.internal.OfficerTransferRepository;
import org.zhufang.officers.internal.PoliceOffice;
import org.zhufang.officers.internal.PoliceOfficeRepository;
import org.zhufang.officers.internal.Station;
import org.zhufang.officers.internal.StationRepository;
import org.zhufang.officers.internal.VillageAssignment;
import org.zhufang.officers.internal.VillageAssignmentRepository;
import org.zhufang.shared.DataErrors;
import org.zhufang.shared.BadRequestException;
import org.zhufang.shared.Caller;
import org.zhufang.shared.ConflictException;
import org.zhufang.shared.ForbiddenException;
import org.zhufang.shared.InputValidator;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.Role;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;

/**
 * Officers, their transfers, the one-village-one-officer assignments, coverage and staffing
 * figures. Every command checks the caller's role first, then the input, then the jurisdiction;
 * a refused command writes nothing.
 */
@Service
@Transactional
public class OfficerRoster {

	/** Who may register, change, move officers and assign them to villages. */
	private static final Role[] OFFICER_MANAGERS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF };

	private final OfficerRepository officers;

	private final OfficerTransferRepository transfers;

	private final VillageAssignmentRepository assignments;

	private final StationRepository stations;

	private final PoliceOfficeRepository offices;

	private final OfficerQueries queries;

	private final GridNetwork grids;

	private final AreaScope scope;

	private final InputValidator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	OfficerRoster(OfficerRepository officers, OfficerTransferRepository transfers,
			VillageAssignmentRepository assignments, StationRepository stations, PoliceOfficeRepository offices,
			OfficerQueries queries, GridNetwork grids, AreaScope scope, InputValidator validator,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
		this.officers = officers;
		this.transfers = transfers;
		this.assignments = assignments;
		this.stations = stations;
		this.offices = offices;
		this.queries = queries;
		this.grids = grids;
		this.scope = scope;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	// Reading

	/** The officer, if there is one; FORBIDDEN when outside the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public Optional<OfficerView> officer(Caller caller, long id) {
		Optional<OfficerView> officer = queries.officer(id);
		if (officer.isPresent() && !queries.officerVisible(id, scope.prefixes(caller))) {
			throw new ForbiddenException("Officer " + id + " is outside your jurisdiction");
		}
		return officer;
	}

	/** Officers inside the caller's jurisdiction matching the filter, by id. */
	@Transactional(readOnly = true)
	public Connection<OfficerView> officers(Caller caller, OfficerFilter filter, PageRequest page, boolean withCount) {
		String areaPrefix = null;
		if (filter.areaId() != null) {
			if (!scope.mayFilterBy(caller, filter.areaId())) {
				throw new ForbiddenException("Area " + filter.areaId() + " is outside your jurisdiction");
			}
			areaPrefix = scope.pathOf(filter.areaId());
		}
		return queries.officers(filter, areaPrefix, scope.prefixes(caller), page, withCount);
	}

	/** Officers by id, leaving out those outside the caller's jurisdiction (for nested fields). */
	@Transactional(readOnly = true)
	public Map<Long, OfficerView> officersByIds(Caller caller, Collection<Long> ids) {
		return queries.officersByIds(ids, scope.prefixes(caller));
	}

	/** The responsible officer of each village that has one (villages the caller may see). */
	@Transactional(readOnly = true)
	public Map<Long, OfficerView> villageOfficers(Collection<Long> villageIds) {
		return queries.activeOfficersOf(villageIds);
	}

	/** Every assignment of each village, newest first (villages the caller may see). */
	@Transactional(readOnly = true)
	public Map<Long, List<VillageOfficerView>> villageOfficerHistory(Collection<Long> villageIds) {
		return queries.historyOf(villageIds);
	}

	/** The villages each officer is responsible for now. */
	@Transactional(readOnly = true)
	public Map<Long, List<Long>> villagesOf(Collection<Long> officerIds) {
		return queries.activeVillagesOf(officerIds);
	}

	@Transactional(readOnly = true)
	public Map<Long, List<OfficerTransferView>> transfersOf(Collection<Long> officerIds) {
		return queries.transfersOf(officerIds);
	}

	/** Village coverage of each area (areas the caller may see), in two statements for all of them. */
	@Transactional(readOnly = true)
	public Map<Long, OfficerCoverageView> coverage(Collection<AreaView> areas) {
		List<AreaView> villages = grids.activeAreasUnder(areas.stream().map(AreaView::id).toList(), AreaLevel.VILLAGE);
		Set<Long> covered = queries.coveredVillages(villages.stream().map(AreaView::id).toList());
		Map<Long, OfficerCoverageView> result = new HashMap<>();
		for (AreaView area : areas) {
			List<AreaView> under = villages.stream().filter(v -> v.path().startsWith(area.path())).toList();
			List<Long> uncovered = under.stream().map(AreaView::id).filter(id -> !covered.contains(id)).toList();
			result.put(area.id(), new OfficerCoverageView(area.id(), under.size(), under.size() - uncovered.size(), uncovered));
		}
		return result;
	}

	/**
	 * Staffing figures of an area inside the caller's jurisdiction; new officers are counted
	 * between {@code from} (default: 1 January) and {@code to} (default: today).
	 */
	@Transactional(readOnly = true)
	public StaffingView staffing(Caller caller, long areaId, LocalDate from, LocalDate to) {
		scope.require(caller, areaId);
		LocalDate today = LocalDate.now(clock);
		LocalDate start = from == null ? today.withDayOfYear(1) : from;
		LocalDate end = to == null ? today : to;
		if (end.isBefore(start)) {
			throw new BadRequestException("The period ends before it starts");
		}
		String prefix = scope.pathOf(areaId);
		List<StationStaffingView> perStation = queries.stationStaffing(prefix);
		int stationOfficers = perStation.stream().mapToInt(StationStaffingView::officers).sum();
		int community = perStation.stream().mapToInt(StationStaffingView::communityOfficers).sum();
		int bureau = stationOfficers + queries.departmentOfficers(prefix);
		return new StaffingView(areaId, bureau, stationOfficers, community, perStation, start, end,
				queries.newOfficers(prefix, start, end));
	}

	// Officers

	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<OfficerView> register(Caller caller, OfficerRegisterInput input) {
		return DataErrors.inOwnTransaction(transaction, () -> doRegister(caller, input),
				() -> Outcome.rejected(duplicateBadge()));
	}

	private Outcome<OfficerView> doRegister(Caller caller, OfficerRegisterInput input) {
		caller.requireRole(OFFICER_MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		String bureauPath;
		Station station = null;
		if (input.stationId() != null) {
			Optional<Station> found = stations.findById(input.stationId());
			if (found.isEmpty()) {
				return Outcome.rejected(UserError.of("stationId", "NOT_FOUND", "No station " + input.stationId()));
			}
			station = found.get();
			requireInScope(caller, station);
			bureauPath = countyPathOf(station.townPaths().iterator().next());
		}
		else {
			caller.requireRole(Role.BUREAU_ADMIN);
			if (input.countyId() == null) {
				return Outcome.rejected(UserError.of("countyId", "REQUIRED",
						"An officer of a bureau department needs the bureau's county"));
			}
			Optional<AreaView> county = grids.find(input.countyId());
			if (county.isEmpty()) {
				return Outcome.rejected(UserError.of("countyId", "NOT_FOUND", "No area " + input.countyId()));
			}
			scope.require(caller, input.countyId());
			if (county.get().level() != AreaLevel.COUNTY) {
				return Outcome.rejected(UserError.of("countyId", "INVALID_LEVEL", "A bureau is a county's, not a " + county.get().level() + "'s"));
			}
			if (Boolean.TRUE.equals(input.communityOfficer()) || input.policeOfficeId() != null) {
				return Outcome.rejected(UserError.of("stationId", "REQUIRED",
						"A community officer or an officer of a police office serves in a station"));
			}
			bureauPath = county.get().path();
		}
		if (input.policeOfficeId() != null) {
			Optional<UserError> officeError = checkOffice(input.policeOfficeId(), input.stationId());
			if (officeError.isPresent()) {
				return Outcome.rejected(officeError.get());
			}
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate joinedOn = input.joinedOn() == null ? today : input.joinedOn();
		if (joinedOn.isAfter(today)) {
			return Outcome.rejected(UserError.of("joinedOn", "IN_FUTURE", "An officer cannot join in the future"));
		}
		if (officers.existsByBadgeNumber(input.badgeNumber())) {
			return Outcome.rejected(duplicateBadge());
		}
		Officer officer = Officer.register(input.name().strip(), input.badgeNumber(), input.kind(),
				StationRegistry.blankToNull(input.rank()), StationRegistry.blankToNull(input.phone()),
				station == null ? null : station.getId(), input.policeOfficeId(),
				Boolean.TRUE.equals(input.communityOfficer()), joinedOn, bureauPath, clock.instant());
		OfficerView view = officers.save(officer).toView();
		events.publishEvent(new OfficerRegistered(view.id(), view.badgeNumber(), view.kind(), view.stationId(),
				view.communityOfficer(), view.joinedOn()));
		return Outcome.ok(view);
	}

	/** Changes an officer's details, seat, or retires them (ending their village assignments). */
	public Outcome<OfficerView> update(Caller caller, OfficerUpdateInput input) {
		caller.requireRole(OFFICER_MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Officer> found = officers.findById(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No officer " + input.id()));
		}
		Officer officer = found.get();
		requireManages(caller, officer);
		if (input.expectedVersion() != null && !input.expectedVersion().equals(officer.getVersion())) {
			throw new ConflictException("The officer was changed meanwhile (version " + officer.getVersion()
					+ ", you had " + input.expectedVersion() + "); reload and try again");
		}
		OfficerStatus current = officer.toView().status();
		boolean leaving = input.status() != null && input.status() != current;
		if (leaving && (current != OfficerStatus.ACTIVE || input.status() == OfficerStatus.ACTIVE)) {
			return Outcome.rejected(UserError.of("status", "INVALID_TRANSITION",
					"Only an active officer can retire or leave the bureau, and only once"));
		}
		if (!leaving && current != OfficerStatus.ACTIVE) {
			return Outcome.rejected(UserError.of("id", "OFFICER_NOT_ACTIVE", "A retired or departed officer no longer changes"));
		}
		if (Boolean.TRUE.equals(input.communityOfficer()) && officer.getStationId() == null) {
			return Outcome.rejected(UserError.of("communityOfficer", "NOT_IN_STATION",
					"A community officer serves in a station"));
		}
		if (input.policeOfficeId() != null) {
			Optional<UserError> officeError = checkOffice(input.policeOfficeId(), officer.getStationId());
			if (officeError.isPresent()) {
				return Outcome.rejected(officeError.get());
			}
			officer.seatIn(offices.findByIdForShare(input.policeOfficeId()).orElseThrow(), clock.instant());
		}
		officer.describe(input.name() == null ? null : input.name().strip(), input.rank(), input.phone(),
				input.communityOfficer(), clock.instant());
		List<Long> ended = List.of();
		LocalDate today = LocalDate.now(clock);
		if (leaving) {
			ended = endAssignments(officer.getId(), today, input.status().name());
			if (input.status() == OfficerStatus.RETIRED) {
				officer.retire(clock.instant());
			}
			else {
				officer.leave(clock.instant());
			}
		}
		OfficerView view = officers.save(officer).toView();
		if (leaving) {
			events.publishEvent(new OfficerLeft(view.id(), input.status(), today, ended));
		}
		return Outcome.ok(view);
	}

	/**
	 * Moves an officer to another station or (no station) to a bureau department; their active
	 * village assignments end on the transfer date.
	 */
	public Outcome<OfficerView> transfer(Caller caller, OfficerTransferInput input) {
		caller.requireRole(OFFICER_MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Officer> found = officers.findById(input.officerId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("officerId", "NOT_FOUND", "No officer " + input.officerId()));
		}
		Officer officer = found.get();
		requireManages(caller, officer);
		Station target = null;
		if (input.stationId() != null) {
			Optional<Station> station = stations.findById(input.stationId());
			if (station.isEmpty()) {
				return Outcome.rejected(UserError.of("stationId", "NOT_FOUND", "No station " + input.stationId()));
			}
			target = station.get();
			requireInScope(caller, target);
		}
		else {
			caller.requireRole(Role.BUREAU_ADMIN);
		}
		if (!officer.isActive()) {
			return Outcome.rejected(UserError.of("officerId", "OFFICER_NOT_ACTIVE", "Only an active officer can be transferred"));
		}
		Long from = officer.getStationId();
		Long to = target == null ? null : target.getId();
		if (java.util.Objects.equals(from, to)) {
			return Outcome.rejected(UserError.of("stationId", "SAME_STATION", "The officer already serves there"));
		}
		if (input.policeOfficeId() != null) {
			if (to == null) {
				return Outcome.rejected(UserError.of("policeOfficeId", "OFFICE_NOT_IN_STATION",
						"A bureau department has no police offices"));
			}
			Optional<UserError> officeError = checkOffice(input.policeOfficeId(), to);
			if (officeError.isPresent()) {
				return Outcome.rejected(officeError.get());
			}
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate on = input.transferredOn() == null ? today : input.transferredOn();
		if (on.isAfter(today)) {
			return Outcome.rejected(UserError.of("transferredOn", "IN_FUTURE", "A transfer cannot be in the future"));
		}
		if (on.isBefore(officer.getJoinedOn())) {
			return Outcome.rejected(UserError.of("transferredOn", "BEFORE_START",
					"The officer joined their current station on " + officer.getJoinedOn()));
		}
		List<VillageAssignment> active = assignments.findActiveByOfficer(officer.getId());
		if (active.stream().anyMatch(a -> on.isBefore(a.getStartedOn()))) {
			return Outcome.rejected(UserError.of("transferredOn", "BEFORE_START",
					"The officer took on a village after that day; transfer them later"));
		}
		List<Long> ended = endAssignments(officer.getId(), on, "TRANSFERRED");
		transfers.save(OfficerTransfer.record(officer.getId(), from, to, on, StationRegistry.blankToNull(input.reason()),
				clock.instant()));
		officer.transfer(to, input.policeOfficeId(), on, clock.instant());
		OfficerView view = officers.save(officer).toView();
		events.publishEvent(new OfficerTransferred(view.id(), from, to, on, ended));
		return Outcome.ok(view);
	}

	// One village, one officer

	/**
	 * Makes an officer responsible for a village, ending the previous officer's assignment the
	 * same day. Runs in a transaction of its own: of two concurrent assignments of one village,
	 * the unique key (or the previous assignment's version) lets one commit, and the other is a
	 * CONFLICT.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<VillageOfficerView> assignVillage(Caller caller, VillageOfficerAssignInput input) {
		return changingVillageOfficer(() -> doAssignVillage(caller, input));
	}

	/**
	 * Runs a change of a village's officer in a transaction of its own; losing a race for the
	 * village (its one-active-assignment key, a stale version or a lock) is a CONFLICT.
	 */
	private Outcome<VillageOfficerView> changingVillageOfficer(Supplier<Outcome<VillageOfficerView>> change) {
		try {
			return transaction.execute(status -> change.get());
		}
		catch (RuntimeException ex) {
			if (DataErrors.isDuplicateKey(ex) || isLockingFailure(ex)) {
				throw new ConflictException("The village's officer was changed meanwhile; reload and try again");
			}
			throw ex;
		}
	}

	private Outcome<VillageOfficerView> doAssignVillage(Caller caller, VillageOfficerAssignInput input) {
		caller.requireRole(OFFICER_MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Outcome<AreaView> found = village(caller, input.villageId());
		if (!found.isOk()) {
			return Outcome.rejected(found.userErrors());
		}
		AreaView village = found.value();
		if (village.status() != AreaStatus.ACTIVE) {
			return Outcome.rejected(UserError.of("villageId", "AREA_RETIRED", "The village is retired"));
		}
		Optional<Officer> officerFound = officers.findById(input.officerId());
		if (officerFound.isEmpty()) {
			return Outcome.rejected(UserError.of("officerId", "NOT_FOUND", "No officer " + input.officerId()));
		}
		Officer officer = officerFound.get();
		if (!officer.isActive()) {
			return Outcome.rejected(UserError.of("officerId", "OFFICER_NOT_ACTIVE", "The officer is no longer active"));
		}
		Optional<Station> station = officer.getStationId() == null ? Optional.empty()
				: stations.findById(officer.getStationId());
		// locking reads in the order a town move takes its locks (stations, then officers): a move in
		// progress finishes first; if it changed the station or moved the officer, this is a CONFLICT
		if (station.isPresent() && !station.get().getVersion().equals(stations.lockForShare(station.get().getId()))) {
			throw new ConflictException("The officer's station was changed meanwhile; reload and try again");
		}
		Optional<Officer> locked = officers.findByIdForShare(officer.getId());
		if (locked.isEmpty() || !locked.get().getVersion().equals(officer.getVersion())) {
			throw new ConflictException("The officer was changed meanwhile; reload and try again");
		}
		if (station.isEmpty() || !station.get().coversPath(village.path())) {
			return Outcome.rejected(UserError.of("officerId", "OUTSIDE_STATION",
					"The officer must serve in the station covering " + village.name() + "'s town"));
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate startedOn = input.startedOn() == null ? today : input.startedOn();
		if (startedOn.isAfter(today)) {
			return Outcome.rejected(UserError.of("startedOn", "IN_FUTURE", "An assignment cannot start in the future"));
		}
		Optional<VillageAssignment> previous = assignments.findActiveByVillage(village.id());
		if (previous.isPresent()) {
			if (previous.get().getOfficerId().equals(officer.getId())) {
				return Outcome.rejected(UserError.of("officerId", "ALREADY_ASSIGNED",
						"The officer is already responsible for the village"));
			}
			if (startedOn.isBefore(previous.get().getStartedOn())) {
				return Outcome.rejected(UserError.of("startedOn", "BEFORE_START",
						"The current officer started on " + previous.get().getStartedOn()));
			}
			previous.get().end(startedOn, "REPLACED");
			assignments.save(previous.get());
		}
		else {
			// a vacant village: the new officer takes over no earlier than the last one left, so the
			// history never shows two officers responsible for one village on the same days
			LocalDate lastEnded = assignments.lastEndedOn(village.id());
			if (lastEnded != null && startedOn.isBefore(lastEnded)) {
				return Outcome.rejected(UserError.of("startedOn", "BEFORE_PREVIOUS_END",
						"The previous officer was responsible for " + village.name() + " until " + lastEnded));
			}
		}
		VillageAssignment assignment = assignments.save(
				VillageAssignment.start(village.id(), village.path(), officer.getId(), startedOn, clock.instant()));
		VillageOfficerView view = assignment.toView();
		events.publishEvent(new OfficerAssignedToVillage(village.id(), officer.getId(),
				previous.map(VillageAssignment::getOfficerId).orElse(null), view.id(), startedOn));
		return Outcome.ok(view);
	}

	/**
	 * Ends a village's current assignment without a successor: the village has no responsible
	 * officer after that day, the handover day still being the officer's (the ended assignment
	 * stays in the history, with the code ENDED and the reason given as its note). Same roles and
	 * jurisdiction as assigning; runs in a transaction of its own, and a concurrent change of the
	 * village's officer (the assignment's version) is a CONFLICT.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<VillageOfficerView> endVillage(Caller caller, VillageOfficerEndInput input) {
		return changingVillageOfficer(() -> doEndVillage(caller, input));
	}

	private Outcome<VillageOfficerView> doEndVillage(Caller caller, VillageOfficerEndInput input) {
		caller.requireRole(OFFICER_MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Outcome<AreaView> found = village(caller, input.villageId());
		if (!found.isOk()) {
			return Outcome.rejected(found.userErrors());
		}
		AreaView village = found.value();
		Optional<VillageAssignment> current = assignments.findActiveByVillage(village.id());
		if (current.isEmpty()) {
			return Outcome.rejected(UserError.of("villageId", "NO_VILLAGE_OFFICER",
					village.name() + " has no responsible officer to relieve"));
		}
		VillageAssignment assignment = current.get();
		LocalDate today = LocalDate.now(clock);
		LocalDate endedOn = input.endedOn() == null ? today : input.endedOn();
		if (endedOn.isAfter(today)) {
			return Outcome.rejected(UserError.of("endedOn", "IN_FUTURE", "An assignment cannot end in the future"));
		}
		if (endedOn.isBefore(assignment.getStartedOn())) {
			return Outcome.rejected(UserError.of("endedOn", "BEFORE_START",
					"The current officer started on " + assignment.getStartedOn()));
		}
		assignment.end(endedOn, "ENDED", StationRegistry.blankToNull(input.reason()));
		VillageOfficerView view = assignments.save(assignment).toView();
		events.publishEvent(new OfficerUnassignedFromVillage(village.id(), view.officerId(), view.id(), endedOn));
		return Outcome.ok(view);
	}

	/**
	 * The village a village-officer command names: NOT_FOUND or INVALID_LEVEL as user errors,
	 * FORBIDDEN outside the caller's jurisdiction.
	 */
	private Outcome<AreaView> village(Caller caller, long villageId) {
		Optional<AreaView> found = grids.find(villageId);
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("villageId", "NOT_FOUND", "No area " + villageId));
		}
		AreaView village = found.get();
		scope.require(caller, village.id());
		if (village.level() != AreaLevel.VILLAGE) {
			return Outcome.rejected(UserError.of("villageId", "INVALID_LEVEL",
					"Officers are responsible for villages, not for a " + village.level()));
		}
		return Outcome.ok(village);
	}

	private List<Long> endAssignments(long officerId, LocalDate on, String reason) {
		List<Long> ended = new ArrayList<>();
		for (VillageAssignment assignment : assignments.findActiveByOfficer(officerId)) {
			assignment.end(on.isBefore(assignment.getStartedOn()) ? assignment.getStartedOn() : on, reason);
			assignments.save(assignment);
			ended.add(assignment.getVillageId());
		}
		return ended;
	}

	private Optional<UserError> checkOffice(long officeId, Long stationId) {
		if (stationId != null) {
			// the station first, then the office: the order a town move takes its locks in
			stations.lockForShare(stationId);
		}
		Optional<PoliceOffice> office = offices.findByIdForShare(officeId);
		if (office.isEmpty()) {
			return Optional.of(UserError.of("policeOfficeId", "NOT_FOUND", "No police office " + officeId));
		}
		if (!office.get().getStationId().equals(stationId)) {
			return Optional.of(UserError.of("policeOfficeId", "OFFICE_NOT_IN_STATION",
					"The police office belongs to another station"));
		}
		return Optional.empty();
	}

	/** A station chief manages the officers of stations whose towns all lie in their jurisdiction. */
	private void requireInScope(Caller caller, Station station) {
		if (!station.townPaths().stream().allMatch(path -> scope.coversPath(caller, path))) {
			throw new ForbiddenException("Station " + station.getId() + " is outside your jurisdiction");
		}
	}

	private void requireManages(Caller caller, Officer officer) {
		if (officer.getStationId() == null) {
			caller.requireRole(Role.BUREAU_ADMIN);
			if (!scope.coversPath(caller, officer.getBureauPath())) {
				throw new ForbiddenException("Officer " + officer.getId() + " is outside your jurisdiction");
			}
			return;
		}
		Set<String> towns = queries.townPathsOf(List.of(officer.getStationId())).getOrDefault(officer.getStationId(), Set.of());
		if (towns.isEmpty() || !towns.stream().allMatch(path -> scope.coversPath(caller, path))) {
			throw new ForbiddenException("Officer " + officer.getId() + " is outside your jurisdiction");
		}
	}

	/** The county's path from a path below it: {@code /1/3/57/} gives {@code /1/}. */
	static String countyPathOf(String path) {
		int second = path.indexOf('/', 1);
		return path.substring(0, second + 1);
	}

	private static boolean isLockingFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof OptimisticLockingFailureException || t instanceof PessimisticLockingFailureException) {
				return true;
			}
		}
		return false;
	}

	private static UserError duplicateBadge() {
		return UserError.of("badgeNumber", "DUPLICATE_BADGE", "An officer with this badge number already exists");
	}
}
