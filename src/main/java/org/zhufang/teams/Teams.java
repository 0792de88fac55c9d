package org.zhufang.teams;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
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
import org.zhufang.shared.DataErrors;
import org.zhufang.shared.BadRequestException;
import org.zhufang.shared.Caller;
import org.zhufang.shared.ConflictException;
import org.zhufang.shared.ForbiddenException;
import org.zhufang.shared.InputValidator;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;
import org.zhufang.teams.TeamInputs.TeamCreateInput;
import org.zhufang.teams.TeamInputs.TeamDisbandInput;
import org.zhufang.teams.TeamInputs.TeamMemberAddInput;
import org.zhufang.teams.TeamInputs.TeamMemberChangeRoleInput;
import org.zhufang.teams.TeamInputs.TeamMemberRemoveInput;
import org.zhufang.teams.TeamInputs.TeamUpdateInput;
import org.zhufang.teams.TeamInputs.VolunteerRegisterInput;
import org.zhufang.teams.TeamInputs.VolunteerUpdateInput;
import org.zhufang.teams.internal.Membership;
import org.zhufang.teams.internal.MembershipRepository;
import org.zhufang.teams.internal.RosterQueries;
import org.zhufang.teams.internal.Team;
import org.zhufang.teams.internal.TeamAccess;
import org.zhufang.teams.internal.TeamQueries;
import org.zhufang.teams.internal.TeamRepository;
import org.zhufang.teams.internal.Volunteer;
import org.zhufang.teams.internal.VolunteerRepository;

/**
 * Teams, volunteers and memberships: reading them within the caller's jurisdiction, and
 * changing them. Every command checks the role first, then the input, then the scope of every
 * area it touches; a refused command writes nothing.
 */
@Service
@Transactional
public class Teams {

	private final TeamRepository teams;

	private final VolunteerRepository volunteers;

	private final MembershipRepository memberships;

	private final TeamQueries queries;

	private final RosterQueries roster;

	private final TeamAccess access;

	private final AreaScope scope;

	private final GridNetwork grids;

	private final InputValidator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Teams(TeamRepository teams, VolunteerRepository volunteers, MembershipRepository memberships, TeamQueries queries,
			RosterQueries roster, TeamAccess access, AreaScope scope, GridNetwork grids, InputValidator validator,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
		this.teams = teams;
		this.volunteers = volunteers;
		this.memberships = memberships;
		this.queries = queries;
		this.roster = roster;
		this.access = access;
		this.scope = scope;
		this.grids = grids;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	// Reading

	/** The team, if it exists; FORBIDDEN when its home area lies outside the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public Optional<TeamView> team(Caller caller, long id) {
		return queries.team(id).map(team -> {
			access.require(caller, team.areaPath(), "Team " + id);
			return team;
		});
	}

	@Transactional(readOnly = true)
	public Connection<TeamView> teams(Caller caller, TeamFilter filter, PageRequest page, boolean withCount) {
		return queries.teamPage(filter, underPrefix(caller, filter.areaId()), scope.prefixes(caller), page, withCount);
	}

	/**
	 * Teams by id for nested fields, in one statement: only those at home inside the caller's
	 * jurisdiction; the others are left out (the field answers null).
	 */
	@Transactional(readOnly = true)
	public Map<Long, TeamView> teamsByIds(Caller caller, Collection<Long> ids) {
		return queries.teams(ids, scope.prefixes(caller));
	}

	/**
	 * Teams by id with no scope applied, for modules that apply a visibility rule of their own
	 * (outreach shows a speaker team at home inside the caller's jurisdiction or above the talk's
	 * area). Nested fields of this module use {@link #teamsByIds(Caller, Collection)}.
	 */
	@Transactional(readOnly = true)
	public Map<Long, TeamView> teamsByIds(Collection<Long> ids) {
		return queries.teams(ids);
	}

	/** The teams at home in or below each area, and inside the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public Map<Long, Connection<TeamView>> teamsUnder(Caller caller, Map<Long, String> areaPaths, PageRequest page,
			boolean withCount) {
		if (page.backwards()) {
			throw new BadRequestException("Teams of an area are paged forwards only");
		}
		return queries.teamsUnder(areaPaths, scope.prefixes(caller), page, withCount);
	}

	@Transactional(readOnly = true)
	public Optional<VolunteerView> volunteer(Caller caller, long id) {
		return queries.volunteer(id).map(volunteer -> {
			access.requireSees(caller, volunteer);
			return volunteer;
		});
	}

	@Transactional(readOnly = true)
	public Connection<VolunteerView> volunteers(Caller caller, VolunteerFilter filter, PageRequest page,
			boolean withCount) {
		if (filter.teamId() != null) {
			team(caller, filter.teamId());
		}
		// only the roles that manage volunteers see their names and phones in clear, so only they
		// search them; everyone else matches the surname, which the masked name shows anyway
		boolean manager = caller.hasRole(TeamAccess.MANAGERS);
		return queries.volunteerPage(filter, underPrefix(caller, filter.areaId()), scope.prefixes(caller), manager,
				page, withCount);
	}

	/**
	 * Volunteers by id for nested fields (members, sign-ups, participants, ranking lines), in one
	 * statement: only those the caller sees ({@link TeamAccess#sees}); the others are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, VolunteerView> volunteersByIds(Caller caller, Collection<Long> ids) {
		return queries.volunteers(ids, scope.prefixes(caller));
	}

	/** The members of each team at home inside the caller's jurisdiction (other teams: none). */
	@Transactional(readOnly = true)
	public Map<Long, Connection<MembershipView>> members(Caller caller, Collection<Long> teamIds, PageRequest page,
			boolean includeFormer, boolean withCount) {
		if (page.backwards()) {
			throw new BadRequestException("Members are paged forwards only");
		}
		return queries.membersOf(teamIds, scope.prefixes(caller), page, includeFormer, withCount);
	}

	/** Each volunteer's memberships of teams at home inside the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public Map<Long, List<MembershipView>> membershipsOf(Caller caller, Collection<Long> volunteerIds,
			boolean includeFormer) {
		return queries.membershipsOf(volunteerIds, includeFormer, scope.prefixes(caller));
	}

	/** Whether the caller manages the volunteer (and so reads its phone in clear). */
	public boolean manages(Caller caller, VolunteerView volunteer) {
		return access.manages(caller, volunteer);
	}

	// Teams

	public Outcome<TeamView> createTeam(Caller caller, TeamCreateInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<AreaView> area = grids.find(input.areaId());
		if (area.isEmpty()) {
			return Outcome.rejected(UserError.of("areaId", "NOT_FOUND", "No area " + input.areaId()));
		}
		scope.require(caller, input.areaId());
		if (area.get().level() == AreaLevel.COUNTY) {
			return Outcome.rejected(UserError.of("areaId", "INVALID_LEVEL",
					"A team is at home in a town, village or grid, not a " + area.get().level()));
		}
		if (area.get().status() != AreaStatus.ACTIVE) {
			return Outcome.rejected(UserError.of("areaId", "AREA_RETIRED", "The area is retired"));
		}
		Team team = teams.save(Team.create(input.name().strip(), input.kind(), area.get().id(), area.get().path(),
				blankToNull(input.messagingGroup()), blankToNull(input.description()), clock.instant()));
		events.publishEvent(new TeamCreated(team.getId(), input.kind(), team.getAreaId()));
		return Outcome.ok(team.toView());
	}

	public Outcome<TeamView> updateTeam(Caller caller, TeamUpdateInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Team> found = teams.findById(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No team " + input.id()));
		}
		Team team = found.get();
		access.require(caller, team.getAreaPath(), "Team " + input.id());
		requireVersion(team.getVersion(), input.expectedVersion(), "team");
		if (!team.isActive()) {
			return Outcome.rejected(disbanded("id"));
		}
		team.describe(input.name() == null ? null : input.name().strip(), input.kind(), input.messagingGroup(),
				input.description(), clock.instant());
		return Outcome.ok(teams.save(team).toView());
	}

	/** Disbands a team: its memberships end today and its shifts that have not started are cancelled. */
	public Outcome<TeamView> disbandTeam(Caller caller, TeamDisbandInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Team> found = teams.findById(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No team " + input.id()));
		}
		Team team = found.get();
		access.require(caller, team.getAreaPath(), "Team " + input.id());
		requireVersion(team.getVersion(), input.expectedVersion(), "team");
		if (!team.isActive()) {
			return Outcome.rejected(UserError.of("id", "ALREADY_DISBANDED", "The team is already disbanded"));
		}
		LocalDate today = LocalDate.now(clock);
		team.disband(clock.instant());
		team = teams.save(team);
		for (MembershipView active : queries.activeMembers(team.getId())) {
			Membership membership = memberships.findById(active.id()).orElseThrow();
			membership.leave(today.isBefore(active.joinedOn()) ? active.joinedOn() : today);
			memberships.save(membership);
			events.publishEvent(new VolunteerLeftTeam(active.id(), active.teamId(), active.volunteerId(), today));
		}
		roster.cancel(roster.scheduledOfTeamFrom(team.getId(), clock.instant()));
		events.publishEvent(new TeamDisbanded(team.getId(), team.getAreaId(), today));
		return Outcome.ok(team.toView());
	}

	// Volunteers

	/**
	 * Registers a volunteer. Runs in a transaction of its own so that losing a race for the phone
	 * (the unique key) to a concurrent registration answers DUPLICATE like the check before it.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<VolunteerView> registerVolunteer(Caller caller, VolunteerRegisterInput input) {
		return DataErrors.inOwnTransaction(transaction, () -> doRegisterVolunteer(caller, input),
				() -> Outcome.rejected(duplicatePhone(caller, input.phone().strip())));
	}

	private Outcome<VolunteerView> doRegisterVolunteer(Caller caller, VolunteerRegisterInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<AreaView> area = grids.find(input.areaId());
		if (area.isEmpty()) {
			return Outcome.rejected(UserError.of("areaId", "NOT_FOUND", "No area " + input.areaId()));
		}
		scope.require(caller, input.areaId());
		String phone = input.phone().strip();
		if (queries.volunteerByPhone(phone).isPresent()) {
			return Outcome.rejected(duplicatePhone(caller, phone));
		}
		Volunteer volunteer = volunteers.save(Volunteer.register(input.name().strip(), phone, input.gender(),
				input.birthYear(), area.get().id(), area.get().path(), input.tags(), input.skills(), clock.instant()));
		events.publishEvent(new VolunteerRegistered(volunteer.getId(), area.get().id()));
		return Outcome.ok(volunteer.toView(List.of()));
	}

	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<VolunteerView> updateVolunteer(Caller caller, VolunteerUpdateInput input) {
		return DataErrors.inOwnTransaction(transaction, () -> doUpdateVolunteer(caller, input),
				() -> Outcome.rejected(duplicatePhone(caller, input.phone().strip())));
	}

	private Outcome<VolunteerView> doUpdateVolunteer(Caller caller, VolunteerUpdateInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<VolunteerView> view = queries.volunteer(input.id());
		if (view.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No volunteer " + input.id()));
		}
		access.requireSees(caller, view.get());
		Volunteer volunteer = volunteers.findById(input.id()).orElseThrow();
		requireVersion(volunteer.getVersion(), input.expectedVersion(), "volunteer");
		String phone = input.phone() == null ? null : input.phone().strip();
		if (phone != null && !phone.equals(volunteer.getPhone()) && queries.volunteerByPhone(phone).isPresent()) {
			return Outcome.rejected(duplicatePhone(caller, phone));
		}
		volunteer.update(input.name() == null ? null : input.name().strip(), phone, input.gender(), input.birthYear(),
				input.tags(), input.skills(), input.status(), clock.instant());
		return Outcome.ok(volunteers.save(volunteer).toView(view.get().teamAreaPaths()));
	}

	// Memberships

	/**
	 * Adds a volunteer to a team. Runs in a transaction of its own: of two concurrent additions
	 * the unique key lets one commit and the other answers ALREADY_MEMBER.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<MembershipView> addMember(Caller caller, TeamMemberAddInput input) {
		return DataErrors.inOwnTransaction(transaction, () -> doAddMember(caller, input),
				() -> Outcome.rejected(alreadyMember()));
	}

	private Outcome<MembershipView> doAddMember(Caller caller, TeamMemberAddInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<TeamView> team = queries.team(input.teamId());
		if (team.isEmpty()) {
			return Outcome.rejected(UserError.of("teamId", "NOT_FOUND", "No team " + input.teamId()));
		}
		Optional<VolunteerView> volunteer = queries.volunteer(input.volunteerId());
		if (volunteer.isEmpty()) {
			return Outcome.rejected(UserError.of("volunteerId", "NOT_FOUND", "No volunteer " + input.volunteerId()));
		}
		access.require(caller, team.get().areaPath(), "Team " + input.teamId());
		access.requireSees(caller, volunteer.get());
		if (team.get().status() != TeamStatus.ACTIVE) {
			return Outcome.rejected(disbanded("teamId"));
		}
		if (volunteer.get().status() != VolunteerStatus.ACTIVE) {
			return Outcome.rejected(UserError.of("volunteerId", "VOLUNTEER_INACTIVE", "The volunteer is inactive"));
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate joinedOn = input.joinedOn() == null ? today : input.joinedOn();
		if (joinedOn.isAfter(today)) {
			return Outcome.rejected(UserError.of("joinedOn", "IN_FUTURE", "A membership cannot start in the future"));
		}
		if (queries.isActiveMember(input.teamId(), input.volunteerId())) {
			return Outcome.rejected(alreadyMember());
		}
		MembershipRole role = input.role() == null ? MembershipRole.MEMBER : input.role();
		MembershipView membership = memberships
			.save(Membership.join(input.teamId(), input.volunteerId(), role, joinedOn, clock.instant())).toView();
		events.publishEvent(new VolunteerJoinedTeam(membership.id(), membership.teamId(), membership.volunteerId(),
				role, joinedOn));
		return Outcome.ok(membership);
	}

	/** Ends a membership (kept as history) and gives back the volunteer's places on the team's coming shifts. */
	public Outcome<MembershipView> removeMember(Caller caller, TeamMemberRemoveInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Membership> found = memberships.findById(input.membershipId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("membershipId", "NOT_FOUND", "No membership " + input.membershipId()));
		}
		Membership membership = found.get();
		requireTeamInScope(caller, membership.getTeamId());
		if (!membership.isActive()) {
			return Outcome.rejected(UserError.of("membershipId", "ALREADY_LEFT", "The volunteer already left the team"));
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate leftOn = input.leftOn() == null ? today : input.leftOn();
		if (leftOn.isAfter(today)) {
			return Outcome.rejected(UserError.of("leftOn", "IN_FUTURE", "A membership cannot end in the future"));
		}
		if (leftOn.isBefore(membership.getJoinedOn())) {
			return Outcome.rejected(UserError.of("leftOn", "BEFORE_START",
					"A membership cannot end before it started (" + membership.getJoinedOn() + ")"));
		}
		membership.leave(leftOn);
		MembershipView view = memberships.save(membership).toView();
		roster.withdrawFromTeamShifts(view.teamId(), view.volunteerId(), clock.instant());
		events.publishEvent(new VolunteerLeftTeam(view.id(), view.teamId(), view.volunteerId(), leftOn));
		return Outcome.ok(view);
	}

	public Outcome<MembershipView> changeMemberRole(Caller caller, TeamMemberChangeRoleInput input) {
		caller.requireRole(TeamAccess.MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Membership> found = memberships.findById(input.membershipId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("membershipId", "NOT_FOUND", "No membership " + input.membershipId()));
		}
		Membership membership = found.get();
		requireTeamInScope(caller, membership.getTeamId());
		if (!membership.isActive()) {
			return Outcome.rejected(UserError.of("membershipId", "ALREADY_LEFT", "The volunteer already left the team"));
		}
		membership.changeRole(input.role());
		return Outcome.ok(memberships.save(membership).toView());
	}

	private void requireTeamInScope(Caller caller, long teamId) {
		TeamView team = queries.team(teamId).orElseThrow();
		access.require(caller, team.areaPath(), "Team " + teamId);
	}

	private String underPrefix(Caller caller, Long areaId) {
		if (areaId == null) {
			return null;
		}
		if (!scope.mayFilterBy(caller, areaId)) {
			throw new ForbiddenException("Area " + areaId + " is outside your jurisdiction");
		}
		return scope.pathOf(areaId);
	}

	static void requireVersion(Integer actual, Integer expected, String what) {
		if (expected != null && !expected.equals(actual)) {
			throw new ConflictException("The " + what + " was changed meanwhile (version " + actual + ", you had "
					+ expected + "); reload and try again");
		}
	}

	/**
	 * DUPLICATE for a phone already registered. The existing volunteer is named (id and name) only
	 * when the caller sees it; otherwise the error would look phones up across the county.
	 */
	private UserError duplicatePhone(Caller caller, String phone) {
		String existing = queries.volunteerByPhone(phone).flatMap(v -> queries.volunteer(v.getKey()))
			.filter(v -> access.sees(caller, v))
			.map(v -> "volunteer " + v.id() + " (" + v.name() + ")")
			.orElse("another volunteer");
		return UserError.of("phone", "DUPLICATE", "This phone is already registered to " + existing);
	}

	private static UserError alreadyMember() {
		return UserError.of("volunteerId", "ALREADY_MEMBER", "The volunteer is already an active member of the team");
	}

	static UserError disbanded(String field) {
		return UserError.of(field, "TEAM_DISBANDED", "The team is disbanded");
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
