package org.zhufang.officers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
import org.zhufang.officers.OfficerInputs.PoliceOfficeCreateInput;
import org.zhufang.officers.OfficerInputs.PoliceOfficeUpdateInput;
import org.zhufang.officers.OfficerInputs.StationCreateInput;
import org.zhufang.officers.OfficerInputs.StationTownMoveInput;
import org.zhufang.officers.OfficerInputs.StationUpdateInput;
import org.zhufang.officers.internal.OfficerQueries;
import org.zhufang.officers.internal.OfficerQueries.TownUse;
import org.zhufang.officers.internal.PoliceOffice;
import org.zhufang.officers.internal.PoliceOfficeRepository;
import org.zhufang.officers.internal.Station;
import org.zhufang.officers.internal.StationRepository;
import org.zhufang.officers.internal.StationTownMoves;
import org.zhufang.officers.internal.StationTownMoves.ActiveAssignment;
import org.zhufang.officers.internal.StationTownMoves.MovingOffice;
import org.zhufang.officers.internal.StationTownMoves.MovingOfficer;
import org.zhufang.shared.DataErrors;
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
 * Police stations, the towns they cover and their police offices. Every command checks the
 * caller's role first, then the input, then the jurisdiction; a refused command writes nothing.
 */
@Service
@Transactional
public class StationRegistry {

	/** Who may open stations and offices, and change stations. */
	private static final Role[] STATION_EDITORS = { Role.BUREAU_ADMIN };

	/** Who may change police offices (a station chief only those of their station). */
	private static final Role[] OFFICE_EDITORS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF };

	private final StationRepository stations;

	private final PoliceOfficeRepository offices;

	private final OfficerQueries queries;

	private final GridNetwork grids;

	private final AreaScope scope;

	private final InputValidator validator;

	private final Clock clock;

	private final StationTownMoves moves;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	StationRegistry(StationRepository stations, PoliceOfficeRepository offices, OfficerQueries queries,
			StationTownMoves moves, GridNetwork grids, AreaScope scope, InputValidator validator,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
		this.stations = stations;
		this.offices = offices;
		this.queries = queries;
		this.moves = moves;
		this.events = events;
		this.grids = grids;
		this.scope = scope;
		this.validator = validator;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	// Reading

	/** Stations covering a town inside (or containing) the caller's jurisdiction, by code. */
	@Transactional(readOnly = true)
	public List<StationView> stations(Caller caller) {
		return queries.stations(scope.prefixes(caller));
	}

	/** The station, if it exists; FORBIDDEN when none of its towns lies inside or around the jurisdiction. */
	@Transactional(readOnly = true)
	public Optional<StationView> station(Caller caller, long id) {
		Optional<StationView> station = Optional.ofNullable(queries.stationsByIds(List.of(id), null).get(id));
		if (station.isPresent() && !queries.stationVisible(id, scope.prefixes(caller))) {
			throw new ForbiddenException("Station " + id + " is outside your jurisdiction");
		}
		return station;
	}

	/**
	 * Stations by id for nested fields (an officer's station, a transfer's stations, an office's
	 * station), leaving out those the {@code stations} query would not list for the caller.
	 */
	@Transactional(readOnly = true)
	public Map<Long, StationView> stationsByIds(Caller caller, Collection<Long> ids) {
		return queries.stationsByIds(ids, scope.prefixes(caller));
	}

	@Transactional(readOnly = true)
	public Connection<PoliceOfficeView> policeOffices(Caller caller, PoliceOfficeFilter filter, PageRequest page,
			boolean withCount) {
		String areaPrefix = null;
		if (filter.areaId() != null) {
			if (!scope.mayFilterBy(caller, filter.areaId())) {
				throw new ForbiddenException("Area " + filter.areaId() + " is outside your jurisdiction");
			}
			areaPrefix = scope.pathOf(filter.areaId());
		}
		return queries.offices(filter, areaPrefix, scope.prefixes(caller), page, withCount);
	}

	/** The police offices of each station, leaving out those {@code policeOffices} would not list for the caller. */
	@Transactional(readOnly = true)
	public Map<Long, List<PoliceOfficeView>> officesOfStations(Caller caller, Collection<Long> stationIds) {
		return queries.officesOfStations(stationIds, scope.prefixes(caller));
	}

	/** Police offices by id, leaving out those {@code policeOffices} would not list for the caller. */
	@Transactional(readOnly = true)
	public Map<Long, PoliceOfficeView> officesByIds(Caller caller, Collection<Long> ids) {
		return queries.officesByIds(ids, scope.prefixes(caller));
	}

	// Stations

	/**
	 * Opens a station. Runs in a transaction of its own: losing a race for the code or a town to
	 * a concurrent change (the unique keys) rolls back and answers a user error.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<StationView> createStation(Caller caller, StationCreateInput input) {
		try {
			return transaction.execute(status -> doCreateStation(caller, input));
		}
		catch (RuntimeException ex) {
			Optional<UserError> error = duplicateError(ex);
			if (error.isPresent()) {
				return Outcome.rejected(error.get());
			}
			throw ex;
		}
	}

	private Outcome<StationView> doCreateStation(Caller caller, StationCreateInput input) {
		caller.requireRole(STATION_EDITORS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Map<Long, String> towns = new LinkedHashMap<>();
		errors = checkTowns(caller, input.townIds(), null, towns);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		if (stations.existsByCode(input.code())) {
			return Outcome.rejected(duplicateCode(input.code()));
		}
		Station station = Station.open(input.code(), input.name().strip(), towns,
				Boolean.TRUE.equals(input.hasPartyBranch()), blankToNull(input.supervisingCommitteeMember()),
				clock.instant());
		return Outcome.ok(stations.save(station).toView());
	}

	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<StationView> updateStation(Caller caller, StationUpdateInput input) {
		try {
			return transaction.execute(status -> doUpdateStation(caller, input));
		}
		catch (RuntimeException ex) {
			Optional<UserError> error = duplicateError(ex);
			if (error.isPresent()) {
				return Outcome.rejected(error.get());
			}
			throw ex;
		}
	}

	private Outcome<StationView> doUpdateStation(Caller caller, StationUpdateInput input) {
		caller.requireRole(STATION_EDITORS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		if (input.townIds() != null) {
			// first, before any plain read: an assignment or office change in progress in a town about
			// to leave commits before the check below, which then sees it (TOWN_IN_USE)
			stations.lockForUpdate(input.id());
		}
		Optional<Station> found = stations.findById(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No station " + input.id()));
		}
		Station station = found.get();
		requireInScope(caller, station);
		if (input.expectedVersion() != null && !input.expectedVersion().equals(station.getVersion())) {
			throw new ConflictException("The station was changed meanwhile (version " + station.getVersion()
					+ ", you had " + input.expectedVersion() + "); reload and try again");
		}
		if (input.townIds() != null) {
			Map<Long, String> towns = new LinkedHashMap<>();
			errors = checkTowns(caller, input.townIds(), station.getId(), towns);
			if (errors.isEmpty()) {
				errors = checkRemovedTowns(caller, station, towns.keySet());
			}
			if (!errors.isEmpty()) {
				return Outcome.rejected(errors);
			}
			station.cover(towns);
		}
		if (input.name() != null) {
			station.rename(input.name().strip(), clock.instant());
		}
		station.describeParty(input.hasPartyBranch(), input.supervisingCommitteeMember(), clock.instant());
		return Outcome.ok(stations.save(station).toView());
	}

	/**
	 * Hands a town to another station (BUREAU_ADMIN; the town and both stations inside the
	 * jurisdiction), the way out of TOWN_IN_USE: the old station's police offices in the town move
	 * with it, and so do the ACTIVE officers seated in them (a transfer in their history, their
	 * office kept). Village assignments end on {@code movedOn}: the moving officers' outside the
	 * town (TRANSFERRED), and those in the town held by officers who stay behind (TOWN_MOVED).
	 * Runs in a transaction of its own that first locks both stations' rows: a change of either
	 * station, of a moving office or officer, or of an assignment committed meanwhile makes one of
	 * the two a CONFLICT.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<StationView> moveTown(Caller caller, StationTownMoveInput input) {
		try {
			return transaction.execute(status -> {
				Outcome<StationView> outcome = doMoveTown(caller, input);
				if (!outcome.isOk()) {
					status.setRollbackOnly();
				}
				return outcome;
			});
		}
		catch (RuntimeException ex) {
			if (DataErrors.isDuplicateKey(ex) || isLockingFailure(ex)) {
				throw new ConflictException("The town, its stations or its villages' officers were changed meanwhile;"
						+ " reload and try again");
			}
			throw ex;
		}
	}

	private Outcome<StationView> doMoveTown(Caller caller, StationTownMoveInput input) {
		caller.requireRole(STATION_EDITORS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<AreaView> found = grids.find(input.townId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("townId", "NOT_FOUND", "No area " + input.townId()));
		}
		AreaView town = found.get();
		scope.require(caller, town.id());
		if (town.level() != AreaLevel.TOWN) {
			return Outcome.rejected(UserError.of("townId", "INVALID_LEVEL", "A station covers towns, not a " + town.level()));
		}
		if (town.status() != AreaStatus.ACTIVE) {
			return Outcome.rejected(UserError.of("townId", "AREA_RETIRED", "The town is retired"));
		}
		Optional<Station> receiving = stations.findById(input.toStationId());
		if (receiving.isEmpty()) {
			return Outcome.rejected(UserError.of("toStationId", "NOT_FOUND", "No station " + input.toStationId()));
		}
		Station to = receiving.get();
		requireInScope(caller, to);
		LocalDate today = LocalDate.now(clock);
		LocalDate on = input.movedOn() == null ? today : input.movedOn();
		if (on.isAfter(today)) {
			return Outcome.rejected(UserError.of("movedOn", "IN_FUTURE", "A town cannot move in the future"));
		}

		// lock both stations first; what is read from here on is read with locks, as committed now
		Optional<Long> holderSeen = stations.findByTown(town.id()).map(Station::getId);
		List<Long> stationIds = new ArrayList<>(List.of(to.getId()));
		holderSeen.filter(id -> !id.equals(to.getId())).ifPresent(stationIds::add);
		Map<Long, Integer> versions = moves.lockStations(stationIds);
		if (!holderSeen.equals(moves.holderOf(town.id()))) {
			throw new ConflictException("The town was given to another station meanwhile; reload and try again");
		}
		if (holderSeen.isPresent() && holderSeen.get().equals(to.getId())) {
			return Outcome.rejected(UserError.of("toStationId", "SAME_STATION",
					town.name() + " already belongs to " + to.toView().name()));
		}
		Station from = holderSeen.isEmpty() ? null : stations.findById(holderSeen.get()).orElseThrow();
		requireCurrent(to, versions);
		if (from != null) {
			requireInScope(caller, from);
			requireCurrent(from, versions);
			if (from.townPaths().size() == 1) {
				return Outcome.rejected(UserError.of("townId", "LAST_TOWN", town.name() + " is the only town of "
						+ from.toView().name() + "; a station covers at least one town, so give it another one first"));
			}
		}

		List<MovingOffice> movingOffices = from == null ? List.of() : moves.officesIn(from.getId(), town.path());
		List<Long> officeIds = movingOffices.stream().map(MovingOffice::id).toList();
		List<String> taken = moves.officeNamesTaken(to.getId(), movingOffices.stream().map(MovingOffice::name).toList());
		if (!taken.isEmpty()) {
			return Outcome.rejected(UserError.of("toStationId", "DUPLICATE_NAME", to.toView().name()
					+ " already has police offices named " + names(taken) + "; rename one of them first"));
		}
		List<MovingOfficer> movingOfficers = from == null ? List.of() : moves.officersIn(from.getId(), officeIds);
		List<Long> officerIds = movingOfficers.stream().map(MovingOfficer::id).toList();
		Optional<MovingOfficer> joinedLater = movingOfficers.stream().filter(o -> on.isBefore(o.joinedOn())).findFirst();
		if (joinedLater.isPresent()) {
			return Outcome.rejected(UserError.of("movedOn", "BEFORE_START", joinedLater.get().name()
					+ ", who moves with their police office, joined their station on " + joinedLater.get().joinedOn()));
		}
		Set<Long> movers = new HashSet<>(officerIds);
		List<ActiveAssignment> stayersInTown = moves.activeIn(town.path()).stream()
			.filter(a -> !movers.contains(a.officerId())).toList();
		List<ActiveAssignment> moversOutside = moves.activeOutside(officerIds, town.path());
		Optional<ActiveAssignment> startedLater = java.util.stream.Stream.concat(stayersInTown.stream(), moversOutside.stream())
			.filter(a -> on.isBefore(a.startedOn())).findFirst();
		if (startedLater.isPresent()) {
			return Outcome.rejected(UserError.of("movedOn", "BEFORE_START", "An assignment the move ends (village "
					+ startedLater.get().villageId() + ") started on " + startedLater.get().startedOn() + "; move the town later"));
		}

		// the town's row leaves the old station before the new one takes it (one station per town)
		if (from != null) {
			from.handOver(town.id(), clock.instant());
			stations.save(from);
		}
		to.takeOver(town.id(), town.path(), clock.instant());
		StationView view = stations.save(to).toView();
		moves.moveOffices(officeIds, to.getId(), clock.instant());
		if (from != null) {
			moves.moveOfficers(officerIds, from.getId(), to.getId(), on, town.name() + "划归" + view.name() + "，随警务室转隶",
					clock.instant());
		}
		List<Long> outsideIds = moversOutside.stream().map(ActiveAssignment::id).toList();
		List<Long> stayerIds = stayersInTown.stream().map(ActiveAssignment::id).toList();
		if (moves.endAssignments(outsideIds, on, "TRANSFERRED") != outsideIds.size()
				|| moves.endAssignments(stayerIds, on, "TOWN_MOVED") != stayerIds.size()) {
			throw new ConflictException("A village's officer was changed meanwhile; reload and try again");
		}

		Long fromId = from == null ? null : from.getId();
		events.publishEvent(new StationTownMoved(town.id(), fromId, to.getId(), on, officeIds, officerIds));
		for (long officerId : officerIds) {
			events.publishEvent(new OfficerTransferred(officerId, fromId, to.getId(), on, moversOutside.stream()
				.filter(a -> a.officerId() == officerId).map(ActiveAssignment::villageId).toList()));
		}
		for (ActiveAssignment ended : stayersInTown) {
			events.publishEvent(new OfficerUnassignedFromVillage(ended.villageId(), ended.officerId(), ended.id(), on));
		}
		return Outcome.ok(view);
	}

	/** The station as loaded is the station as committed (its row is locked by now); otherwise a CONFLICT. */
	private static void requireCurrent(Station station, Map<Long, Integer> lockedVersions) {
		if (!station.getVersion().equals(lockedVersions.get(station.getId()))) {
			throw new ConflictException("Station " + station.getId() + " was changed meanwhile; reload and try again");
		}
	}

	private static boolean isLockingFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof OptimisticLockingFailureException || t instanceof PessimisticLockingFailureException) {
				return true;
			}
		}
		return false;
	}

	/** Checks each town (exists, is an active TOWN in scope, not another station's) and collects its path. */
	private List<UserError> checkTowns(Caller caller, List<Long> townIds, Long stationId, Map<Long, String> paths) {
		List<UserError> errors = new ArrayList<>();
		for (int i = 0; i < townIds.size(); i++) {
			List<String> field = List.of("input", "townIds", String.valueOf(i));
			Long townId = townIds.get(i);
			Optional<AreaView> town = grids.find(townId);
			if (town.isEmpty()) {
				errors.add(new UserError(field, "NOT_FOUND", "No area " + townId));
				continue;
			}
			scope.require(caller, townId);
			if (town.get().level() != AreaLevel.TOWN) {
				errors.add(new UserError(field, "INVALID_LEVEL", "A station covers towns, not a " + town.get().level()));
			}
			else if (town.get().status() != AreaStatus.ACTIVE) {
				errors.add(new UserError(field, "AREA_RETIRED", "The town is retired"));
			}
			else {
				Optional<Station> holder = stations.findByTown(townId);
				if (holder.isPresent() && !holder.get().getId().equals(stationId)) {
					errors.add(new UserError(field, "TOWN_TAKEN",
							town.get().name() + " already belongs to station " + holder.get().toView().name()));
				}
				paths.put(townId, town.get().path());
			}
		}
		return errors;
	}

	/**
	 * A town leaves a station only when nothing of the station's sits there any more: none of its
	 * police offices, and no village with a responsible officer (who serves in this station).
	 */
	private List<UserError> checkRemovedTowns(Caller caller, Station station, Set<Long> keptTownIds) {
		Map<Long, String> removed = new LinkedHashMap<>(new TreeMap<>(station.townPathsById()));
		removed.keySet().removeAll(keptTownIds);
		if (removed.isEmpty()) {
			return List.of();
		}
		Map<String, TownUse> use = queries.townUse(station.getId(), removed.values());
		if (use.values().stream().noneMatch(TownUse::inUse)) {
			return List.of();
		}
		Set<Long> areaIds = new HashSet<>(removed.keySet());
		use.values().forEach(u -> areaIds.addAll(u.villageIds()));
		Map<Long, AreaView> areas = grids.areasByIds(caller, areaIds);
		List<UserError> errors = new ArrayList<>();
		removed.forEach((townId, path) -> {
			TownUse inTown = use.get(path);
			if (!inTown.inUse()) {
				return;
			}
			List<String> what = new ArrayList<>();
			if (!inTown.officeNames().isEmpty()) {
				what.add("police offices " + names(inTown.officeNames()));
			}
			if (!inTown.villageIds().isEmpty()) {
				what.add("villages with a responsible officer " + names(inTown.villageIds().stream()
					.map(id -> areas.containsKey(id) ? areas.get(id).name() : String.valueOf(id)).toList()));
			}
			String town = areas.containsKey(townId) ? areas.get(townId).name() : "Town " + townId;
			errors.add(UserError.of("townIds", "TOWN_IN_USE", town + " still has " + String.join(" and ", what)
					+ "; hand the town to another station with stationTownMove, or end or hand over the assignments first"));
		});
		return errors;
	}

	/** Up to five names, then how many more. */
	private static String names(List<String> names) {
		String shown = String.join(", ", names.subList(0, Math.min(5, names.size())));
		return names.size() > 5 ? shown + " and " + (names.size() - 5) + " more" : shown;
	}

	// Police offices

	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<PoliceOfficeView> createOffice(Caller caller, PoliceOfficeCreateInput input) {
		return DataErrors.inOwnTransaction(transaction, () -> doCreateOffice(caller, input),
				() -> Outcome.rejected(duplicateOfficeName()));
	}

	private Outcome<PoliceOfficeView> doCreateOffice(Caller caller, PoliceOfficeCreateInput input) {
		caller.requireRole(OFFICE_EDITORS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Station> found = stations.findById(input.stationId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("stationId", "NOT_FOUND", "No station " + input.stationId()));
		}
		Station station = found.get();
		requireInScope(caller, station);
		requireCurrent(station, Map.of(station.getId(), stations.lockForShare(station.getId())));
		Optional<AreaView> area = grids.find(input.areaId());
		if (area.isEmpty()) {
			return Outcome.rejected(UserError.of("areaId", "NOT_FOUND", "No area " + input.areaId()));
		}
		scope.require(caller, input.areaId());
		Optional<UserError> areaError = checkOfficeArea(station, area.get());
		if (areaError.isPresent()) {
			return Outcome.rejected(areaError.get());
		}
		String name = input.name().strip();
		if (offices.existsByStationIdAndName(station.getId(), name)) {
			return Outcome.rejected(duplicateOfficeName());
		}
		PoliceOffice office = PoliceOffice.open(station, name, area.get().id(), area.get().path(), input.mode(),
				input.address().strip(), Boolean.TRUE.equals(input.open24x7()),
				blankToNull(input.partnerOrganisation()), clock.instant());
		return Outcome.ok(offices.save(office).toView());
	}

	/** BUREAU_ADMIN, or the chief of the office's station. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<PoliceOfficeView> updateOffice(Caller caller, PoliceOfficeUpdateInput input) {
		return DataErrors.inOwnTransaction(transaction, () -> doUpdateOffice(caller, input),
				() -> Outcome.rejected(duplicateOfficeName()));
	}

	private Outcome<PoliceOfficeView> doUpdateOffice(Caller caller, PoliceOfficeUpdateInput input) {
		caller.requireRole(OFFICE_EDITORS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<PoliceOffice> found = offices.findById(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No police office " + input.id()));
		}
		PoliceOffice office = found.get();
		Station station = stations.findById(office.getStationId()).orElseThrow();
		requireInScope(caller, station);
		if (input.expectedVersion() != null && !input.expectedVersion().equals(office.getVersion())) {
			throw new ConflictException("The police office was changed meanwhile (version " + office.getVersion()
					+ ", you had " + input.expectedVersion() + "); reload and try again");
		}
		if (input.areaId() != null) {
			requireCurrent(station, Map.of(station.getId(), stations.lockForShare(station.getId())));
			Optional<AreaView> area = grids.find(input.areaId());
			if (area.isEmpty()) {
				return Outcome.rejected(UserError.of("areaId", "NOT_FOUND", "No area " + input.areaId()));
			}
			scope.require(caller, input.areaId());
			Optional<UserError> areaError = checkOfficeArea(station, area.get());
			if (areaError.isPresent()) {
				return Outcome.rejected(areaError.get());
			}
			office.moveTo(station, area.get().id(), area.get().path(), clock.instant());
		}
		office.describe(input.name() == null ? null : input.name().strip(), input.mode(),
				input.address() == null ? null : input.address().strip(), input.open24x7(), input.partnerOrganisation(),
				clock.instant());
		return Outcome.ok(offices.save(office).toView());
	}

	private static Optional<UserError> checkOfficeArea(Station station, AreaView area) {
		if (area.status() != AreaStatus.ACTIVE) {
			return Optional.of(UserError.of("areaId", "AREA_RETIRED", "The area is retired"));
		}
		if (!station.coversPath(area.path())) {
			return Optional.of(UserError.of("areaId", "OUTSIDE_STATION",
					"A police office sits in one of its station's towns; " + area.name() + " is not in them"));
		}
		return Optional.empty();
	}

	/** A station is the caller's to change when all its towns lie inside the jurisdiction. */
	private void requireInScope(Caller caller, Station station) {
		if (!station.townPaths().stream().allMatch(path -> scope.coversPath(caller, path))) {
			throw new ForbiddenException("Station " + station.getId() + " is outside your jurisdiction");
		}
	}

	private static Optional<UserError> duplicateError(Throwable ex) {
		return DataErrors.duplicateKey(ex).map(duplicate -> String.valueOf(duplicate.getMessage()).contains("uk_station_town_town")
				? UserError.of("townIds", "TOWN_TAKEN", "A town was given to another station meanwhile")
				: UserError.of("code", "DUPLICATE_CODE", "A station with this code already exists"));
	}

	private static UserError duplicateCode(String code) {
		return UserError.of("code", "DUPLICATE_CODE", "A station with code " + code + " already exists");
	}

	private static UserError duplicateOfficeName() {
		return UserError.of("name", "DUPLICATE_NAME", "The station already has a police office of this name");
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
