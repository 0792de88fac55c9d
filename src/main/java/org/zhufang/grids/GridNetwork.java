package org.zhufang.grids;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhufang.grids.AreaInputs.AreaCreateInput;
import org.zhufang.grids.AreaInputs.AreaRetireInput;
import org.zhufang.grids.AreaInputs.AreaUpdateInput;
import org.zhufang.grids.AreaInputs.GridStaffAssignInput;
import org.zhufang.grids.AreaInputs.GridStaffEndInput;
import org.zhufang.grids.internal.Area;
import org.zhufang.grids.internal.AreaQueries;
import org.zhufang.grids.internal.AreaRepository;
import org.zhufang.grids.internal.GridStaffAssignment;
import org.zhufang.grids.internal.GridStaffRepository;
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
 * The grid network's use cases: reading the area tree within the caller's jurisdiction, and
 * changing it. Every command checks the caller's role and scope first, then the input; a refused
 * command writes nothing.
 */
@Service
@Transactional
public class GridNetwork {

	/** Who may change the tree itself. */
	private static final Role[] TREE_EDITORS = { Role.BUREAU_ADMIN };

	/** Who may correct an area's name and figures. */
	private static final Role[] AREA_EDITORS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF };

	/** Who may assign and end grid staff. */
	private static final Role[] STAFF_EDITORS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF, Role.COMMUNITY_OFFICER };

	private final AreaRepository areas;

	private final GridStaffRepository staff;

	private final AreaQueries queries;

	private final AreaScope scope;

	private final InputValidator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	GridNetwork(AreaRepository areas, GridStaffRepository staff, AreaQueries queries, AreaScope scope,
			InputValidator validator, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.areas = areas;
		this.staff = staff;
		this.queries = queries;
		this.scope = scope;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
	}

	// Reading

	/** The area, if it exists; FORBIDDEN when it lies outside the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public Optional<AreaView> area(Caller caller, long id) {
		return queries.byId(id).map(area -> visible(caller, area));
	}

	@Transactional(readOnly = true)
	public Optional<AreaView> areaByCode(Caller caller, String code) {
		return queries.byCode(code).map(area -> visible(caller, area));
	}

	/** Areas inside the caller's jurisdiction matching the filter, a page at a time. */
	@Transactional(readOnly = true)
	public Connection<AreaView> areas(Caller caller, AreaFilter filter, PageRequest page, boolean withCount) {
		String underPrefix = null;
		if (filter.underAreaId() != null) {
			if (!scope.mayFilterBy(caller, filter.underAreaId())) {
				throw new ForbiddenException("Area " + filter.underAreaId() + " is outside your jurisdiction");
			}
			underPrefix = scope.pathOf(filter.underAreaId());
		}
		if (filter.parentId() != null && !scope.mayFilterBy(caller, filter.parentId())) {
			throw new ForbiddenException("Area " + filter.parentId() + " is outside your jurisdiction");
		}
		return queries.page(filter, underPrefix, scope.prefixes(caller), page, withCount);
	}

	/** Areas by id, leaving out those outside the caller's jurisdiction (for nested fields). */
	@Transactional(readOnly = true)
	public Map<Long, AreaView> areasByIds(Caller caller, Collection<Long> ids) {
		return queries.byIds(ids).values().stream().filter(area -> scope.coversPath(caller, area.path()))
			.collect(Collectors.toMap(AreaView::id, area -> area));
	}

	/** Children of areas the caller may see (so themselves inside the jurisdiction). */
	@Transactional(readOnly = true)
	public Map<Long, Connection<AreaView>> children(Collection<Long> parentIds, PageRequest page, boolean withCount) {
		if (page.backwards()) {
			throw new BadRequestException("Children are paged forwards only");
		}
		return queries.childrenOf(parentIds, page, withCount);
	}

	/** Staff of grids the caller may see. */
	@Transactional(readOnly = true)
	public Map<Long, List<GridStaffView>> staff(Collection<Long> gridIds, boolean includeEnded) {
		return queries.staffOf(gridIds, includeEnded);
	}

	/** Area lookup for other modules acting on the system's behalf: no scope applied. */
	@Transactional(readOnly = true)
	public Optional<AreaView> find(long id) {
		return queries.byId(id);
	}

	/**
	 * Active areas of a level under any of the given areas (an area counts as under itself), for
	 * other modules' figures over areas the caller may already see: no scope applied.
	 */
	@Transactional(readOnly = true)
	public List<AreaView> activeAreasUnder(Collection<Long> areaIds, AreaLevel level) {
		List<String> prefixes = areaIds.stream().map(scope::pathOf).filter(p -> p != null).distinct().toList();
		return queries.activeUnder(prefixes, level);
	}

	/** Area ids for area codes; unknown codes are left out. */
	@Transactional(readOnly = true)
	public Map<String, Long> idsByCode(Collection<String> codes) {
		return queries.idsByCode(codes);
	}

	// Changing the tree

	/**
	 * Adds an area. Runs in a transaction of its own so that losing a race for the code to a
	 * concurrent creation (the unique key) rolls back cleanly and answers DUPLICATE_CODE.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<AreaView> createArea(Caller caller, AreaCreateInput input) {
		return DataErrors.inOwnTransaction(transaction, () -> doCreateArea(caller, input),
				() -> Outcome.rejected(duplicateCode(input.code())));
	}

	private Outcome<AreaView> doCreateArea(Caller caller, AreaCreateInput input) {
		caller.requireRole(TREE_EDITORS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Area parent = null;
		if (input.level() == AreaLevel.COUNTY) {
			if (input.parentId() != null) {
				return Outcome.rejected(UserError.of("level", "INVALID_LEVEL", "A county is the top of the tree: it has no parent"));
			}
		}
		else {
			if (input.parentId() == null) {
				return Outcome.rejected(UserError.of("parentId", "REQUIRED", "A " + input.level() + " needs a parent area"));
			}
			// locked for share: a concurrent retirement of the parent either committed before
			// (and PARENT_RETIRED is seen) or waits until this child has committed (and sees it)
			parent = areas.findAndLockForShare(input.parentId()).orElse(null);
			if (parent == null) {
				return Outcome.rejected(UserError.of("parentId", "NOT_FOUND", "No area " + input.parentId()));
			}
			scope.require(caller, parent.getId());
			if (!parent.isActive()) {
				return Outcome.rejected(UserError.of("parentId", "PARENT_RETIRED", "The parent area is retired"));
			}
			if (!input.level().isDirectlyBelow(parent.getLevel())) {
				return Outcome.rejected(UserError.of("level", "INVALID_LEVEL",
						"Under a " + parent.getLevel() + " only the next level down may be created, not " + input.level()));
			}
			if (!input.code().startsWith(parent.getCode()) || input.code().length() <= parent.getCode().length()) {
				return Outcome.rejected(UserError.of("code", "CODE_NOT_UNDER_PARENT",
						"The code must extend the parent's code " + parent.getCode()));
			}
		}
		if (areas.existsByCode(input.code())) {
			return Outcome.rejected(duplicateCode(input.code()));
		}
		Instant now = clock.instant();
		Area area = Area.create(parent, input.code(), input.name().strip(), input.level(),
				orZero(input.households()), orZero(input.residents()), now);
		area = areas.save(area);
		area.placeUnder(parent);
		area = areas.save(area);
		events.publishEvent(new AreaCreated(area.getId(), area.getCode(), input.name().strip(), area.getLevel(),
				parent == null ? null : parent.getId()));
		return Outcome.ok(area.toView());
	}

	public Outcome<AreaView> updateArea(Caller caller, AreaUpdateInput input) {
		caller.requireRole(AREA_EDITORS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Area> found = areas.findById(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No area " + input.id()));
		}
		Area area = found.get();
		scope.require(caller, area.getId());
		if (input.expectedVersion() != null && !input.expectedVersion().equals(area.getVersion())) {
			throw new ConflictException("The area was changed meanwhile (version " + area.getVersion() + ", you had "
					+ input.expectedVersion() + "); reload and try again");
		}
		area.describe(input.name() == null ? null : input.name().strip(), input.households(), input.residents(),
				clock.instant());
		return Outcome.ok(areas.save(area).toView());
	}

	/**
	 * READ COMMITTED, so that the checks after the row lock see what committed while it waited
	 * (under repeatable read they would rely on the lock being the transaction's first read).
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public Outcome<AreaView> retireArea(Caller caller, AreaRetireInput input) {
		caller.requireRole(TREE_EDITORS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		// locked for update before anything else is read, so that the checks below see every child
		// and staff assignment committed before the lock was granted, and none can be added after
		Optional<Area> found = areas.findAndLockForUpdate(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No area " + input.id()));
		}
		Area area = found.get();
		scope.require(caller, area.getId());
		if (!area.isActive()) {
			return Outcome.rejected(UserError.of("id", "ALREADY_RETIRED", "The area is already retired"));
		}
		if (areas.hasActiveChildren(area.getId())) {
			return Outcome.rejected(UserError.of("id", "HAS_ACTIVE_CHILDREN",
					"Retire the areas under it first: it still has active children"));
		}
		if (area.getLevel() == AreaLevel.GRID && staff.hasAnyActive(area.getId())) {
			return Outcome.rejected(UserError.of("id", "HAS_ACTIVE_STAFF", "End the grid's staff assignments first"));
		}
		area.retire(clock.instant());
		area = areas.save(area);
		events.publishEvent(new AreaRetired(area.getId(), area.getCode(), area.getLevel()));
		return Outcome.ok(area.toView());
	}

	// Grid staff

	/**
	 * Assigns a person to a grid. Runs in a transaction of its own: of two concurrent assignments
	 * of a chief (or deputy), the unique key lets one commit and the other answers ROLE_TAKEN.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<GridStaffView> assignStaff(Caller caller, GridStaffAssignInput input) {
		return DataErrors.inOwnTransaction(transaction, () -> doAssignStaff(caller, input),
				() -> Outcome.rejected(roleTaken(input.role())));
	}

	private Outcome<GridStaffView> doAssignStaff(Caller caller, GridStaffAssignInput input) {
		caller.requireRole(STAFF_EDITORS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		// locked for share, like a parent when creating a child: retiring the grid waits for this
		Optional<Area> found = areas.findAndLockForShare(input.gridId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("gridId", "NOT_FOUND", "No area " + input.gridId()));
		}
		Area grid = found.get();
		scope.require(caller, grid.getId());
		if (grid.getLevel() != AreaLevel.GRID) {
			return Outcome.rejected(UserError.of("gridId", "NOT_A_GRID", "Staff are assigned to grids, not to a " + grid.getLevel()));
		}
		if (!grid.isActive()) {
			return Outcome.rejected(UserError.of("gridId", "AREA_RETIRED", "The grid is retired"));
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate startedOn = input.startedOn() == null ? today : input.startedOn();
		if (startedOn.isAfter(today)) {
			return Outcome.rejected(UserError.of("startedOn", "IN_FUTURE", "An assignment cannot start in the future"));
		}
		if (input.role().isExclusive() && staff.hasActive(grid.getId(), input.role())) {
			return Outcome.rejected(roleTaken(input.role()));
		}
		String personRef = blankToNull(input.personRef());
		if (personRef != null && staff.hasActivePerson(grid.getId(), input.personKind().name(), personRef)) {
			return Outcome.rejected(UserError.of("personRef", "ALREADY_ASSIGNED", "This person already has an active role on the grid"));
		}
		GridStaffAssignment assignment = GridStaffAssignment.start(grid.getId(), input.role(), input.personKind(),
				personRef, input.displayName().strip(), blankToNull(input.phone()), startedOn, clock.instant());
		assignment = staff.save(assignment);
		GridStaffView view = assignment.toView();
		events.publishEvent(new GridStaffAssigned(view.id(), view.gridId(), view.role(), view.personKind(),
				view.personRef(), view.startedOn()));
		return Outcome.ok(view);
	}

	public Outcome<GridStaffView> endStaff(Caller caller, GridStaffEndInput input) {
		caller.requireRole(STAFF_EDITORS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<GridStaffAssignment> found = staff.findById(input.assignmentId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("assignmentId", "NOT_FOUND", "No assignment " + input.assignmentId()));
		}
		GridStaffAssignment assignment = found.get();
		scope.require(caller, assignment.getGridId());
		if (!assignment.isActive()) {
			return Outcome.rejected(UserError.of("assignmentId", "ALREADY_ENDED", "The assignment has already ended"));
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate endedOn = input.endedOn() == null ? today : input.endedOn();
		if (endedOn.isAfter(today)) {
			return Outcome.rejected(UserError.of("endedOn", "IN_FUTURE", "An assignment cannot end in the future"));
		}
		if (endedOn.isBefore(assignment.getStartedOn())) {
			return Outcome.rejected(UserError.of("endedOn", "BEFORE_START",
					"An assignment cannot end before it started (" + assignment.getStartedOn() + ")"));
		}
		assignment.end(endedOn, blankToNull(input.reason()));
		GridStaffView view = staff.save(assignment).toView();
		events.publishEvent(new GridStaffEnded(view.id(), view.gridId(), view.role(), view.personKind(),
				view.personRef(), view.endedOn()));
		return Outcome.ok(view);
	}

	private AreaView visible(Caller caller, AreaView area) {
		if (!scope.coversPath(caller, area.path())) {
			throw new ForbiddenException("Area " + area.id() + " is outside your jurisdiction");
		}
		return area;
	}

	private static UserError duplicateCode(String code) {
		return UserError.of("code", "DUPLICATE_CODE", "An area with code " + code + " already exists");
	}

	private static UserError roleTaken(StaffRole role) {
		return UserError.of("role", "ROLE_TAKEN", "The grid already has an active " + role + "; end that assignment first");
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
