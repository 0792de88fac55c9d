package org.zhufang.outreach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.zhufang.officers.OfficerRoster;
import org.zhufang.officers.OfficerStatus;
import org.zhufang.officers.OfficerView;
import org.zhufang.outreach.OutreachInputs.TalkCorrectInput;
import org.zhufang.outreach.OutreachInputs.TalkLogInput;
import org.zhufang.outreach.OutreachInputs.TalkWithdrawInput;
import org.zhufang.outreach.TalkCorrectionView.Change;
import org.zhufang.outreach.internal.Campaign;
import org.zhufang.outreach.internal.CampaignRepository;
import org.zhufang.outreach.internal.OutreachQueries;
import org.zhufang.outreach.internal.OutreachQueries.Owner;
import org.zhufang.outreach.internal.Talk;
import org.zhufang.outreach.internal.TalkFacts;
import org.zhufang.outreach.internal.TalkRepository;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Caller;
import org.zhufang.shared.ConflictException;
import org.zhufang.shared.DataErrors;
import org.zhufang.shared.ForbiddenException;
import org.zhufang.shared.InputValidator;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.Role;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;
import org.zhufang.teams.TeamStatus;
import org.zhufang.teams.TeamView;
import org.zhufang.teams.Teams;

/**
 * Talks (宣讲): logging them from the field, idempotently when the client sends a key,
 * correcting and withdrawing them, and listing them. Outreach staff log talks in their area,
 * community officers in their villages, station chiefs and the bureau in their jurisdiction;
 * everyone but a dashboard viewer reads the talks inside their jurisdiction.
 */
@Service
@Transactional
public class Talks {

	static final Role[] LOGGERS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF, Role.OUTREACH_STAFF,
			Role.COMMUNITY_OFFICER };

	/** Who may correct or withdraw talks that others logged (in their jurisdiction). */
	static final Role[] SUPERVISORS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF };

	static final Role[] READERS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF, Role.OUTREACH_STAFF, Role.COMMUNITY_OFFICER,
			Role.TEAM_COORDINATOR, Role.GRID_MEMBER };

	private static final Set<AreaLevel> TALK_LEVELS = Set.of(AreaLevel.TOWN, AreaLevel.VILLAGE, AreaLevel.GRID);

	private final TalkRepository talks;

	private final CampaignRepository campaigns;

	private final OutreachQueries queries;

	private final GridNetwork grids;

	private final AreaScope scope;

	private final OfficerRoster officers;

	private final Teams teams;

	private final InputValidator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Talks(TalkRepository talks, CampaignRepository campaigns, OutreachQueries queries, GridNetwork grids,
			AreaScope scope, OfficerRoster officers, Teams teams, InputValidator validator,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
		this.talks = talks;
		this.campaigns = campaigns;
		this.queries = queries;
		this.grids = grids;
		this.scope = scope;
		this.officers = officers;
		this.teams = teams;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	// Reading

	/** The talk, if any; FORBIDDEN when held outside the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public Optional<TalkView> talk(Caller caller, long id) {
		caller.requireRole(READERS);
		return queries.talk(id).map(talk -> {
			if (!scope.coversPath(caller, talk.areaPath())) {
				throw new ForbiddenException("Talk " + id + " is outside your jurisdiction");
			}
			return talk;
		});
	}

	/** Talks held inside the caller's jurisdiction, newest first. */
	@Transactional(readOnly = true)
	public Connection<TalkView> talks(Caller caller, TalkFilter filter, PageRequest page, boolean withCount) {
		caller.requireRole(READERS);
		String underPrefix = null;
		if (filter.areaId() != null) {
			if (!scope.mayFilterBy(caller, filter.areaId())) {
				throw new ForbiddenException("Area " + filter.areaId() + " is outside your jurisdiction");
			}
			underPrefix = scope.pathOf(filter.areaId());
		}
		return queries.talkPage(filter, underPrefix, scope.prefixes(caller), page, withCount);
	}

	/** The first page of talks inside the caller's jurisdiction of each campaign. */
	@Transactional(readOnly = true)
	public Map<Long, Connection<TalkView>> talksOfCampaigns(Caller caller, Collection<Long> campaignIds,
			PageRequest page, boolean withCount) {
		caller.requireRole(READERS);
		return queries.talksOf(Owner.CAMPAIGN, campaignIds, scope.prefixes(caller), page, withCount);
	}

	/** The first page of talks inside the caller's jurisdiction each officer spoke at. */
	@Transactional(readOnly = true)
	public Map<Long, Connection<TalkView>> talksOfOfficers(Caller caller, Collection<Long> officerIds,
			PageRequest page, boolean withCount) {
		caller.requireRole(READERS);
		return queries.talksOf(Owner.OFFICER, officerIds, scope.prefixes(caller), page, withCount);
	}

	/** The first page of talks inside the caller's jurisdiction each team spoke at. */
	@Transactional(readOnly = true)
	public Map<Long, Connection<TalkView>> talksOfTeams(Caller caller, Collection<Long> teamIds, PageRequest page,
			boolean withCount) {
		caller.requireRole(READERS);
		return queries.talksOf(Owner.TEAM, teamIds, scope.prefixes(caller), page, withCount);
	}

	/** Corrections of each talk (talks the caller could see), oldest first. */
	@Transactional(readOnly = true)
	public Map<Long, List<TalkCorrectionView>> corrections(Collection<Long> talkIds) {
		return queries.corrections(talkIds);
	}

	// Logging

	/**
	 * Logs a talk. With an idempotency key, a re-sent talk from the same account answers the
	 * first one; of two concurrent sends, the unique key lets one insert and the others read it.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<TalkView> log(Caller caller, TalkLogInput input) {
		caller.requireRole(LOGGERS);
		String key = Campaigns.blankToNull(input.idempotencyKey());
		if (key != null) {
			Optional<TalkView> first = transaction.execute(status -> findByKey(caller, key));
			if (first.isPresent()) {
				return replay(caller, first.get(), input);
			}
		}
		try {
			return transaction.execute(status -> {
				Outcome<TalkView> outcome = doLog(caller, input, key);
				if (!outcome.isOk()) {
					status.setRollbackOnly();
				}
				return outcome;
			});
		}
		catch (RuntimeException ex) {
			if (key != null && DataErrors.isDuplicateKey(ex)) {
				Optional<TalkView> first = transaction.execute(status -> findByKey(caller, key));
				if (first.isPresent()) {
					return replay(caller, first.get(), input);
				}
			}
			throw ex;
		}
	}

	private Optional<TalkView> findByKey(Caller caller, String key) {
		return talks.findIdByKey(caller.subject(), key).flatMap(queries::talk);
	}

	/** The first talk sent with the key, provided the re-sent one is about the same talk. */
	private Outcome<TalkView> replay(Caller caller, TalkView first, TalkLogInput input) {
		if (!scope.coversPath(caller, first.areaPath())) {
			throw new ForbiddenException("Talk " + first.id() + " is outside your jurisdiction");
		}
		boolean same = input.campaignId() != null && first.campaignId() == input.campaignId()
				&& input.areaId() != null && first.areaId() == input.areaId() && input.heldAt() != null
				&& first.heldAt().equals(input.heldAt().toInstant().truncatedTo(ChronoUnit.SECONDS));
		if (!same) {
			return Outcome.rejected(UserError.of("idempotencyKey", "IDEMPOTENCY_KEY_REUSED",
					"This key was used for another talk (" + first.id() + ")"));
		}
		return Outcome.ok(first);
	}

	private Outcome<TalkView> doLog(Caller caller, TalkLogInput input, String key) {
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		// The shared lock first: the campaign read next is then the one a concurrent change committed.
		Optional<CampaignStatus> locked = queries.lockStatus(input.campaignId());
		Optional<Campaign> campaign = locked.isEmpty() ? Optional.empty() : campaigns.findById(input.campaignId());
		if (campaign.isEmpty()) {
			return Outcome.rejected(UserError.of("campaignId", "NOT_FOUND", "No campaign " + input.campaignId()));
		}
		Optional<AreaView> area = grids.find(input.areaId());
		if (area.isEmpty()) {
			return Outcome.rejected(UserError.of("areaId", "NOT_FOUND", "No area " + input.areaId()));
		}
		scope.require(caller, area.get().id());
		CampaignStatus status = locked.get();
		if (status != CampaignStatus.ACTIVE) {
			return Outcome.rejected(status == CampaignStatus.CLOSED ? Campaigns.closed("campaignId")
					: UserError.of("campaignId", "CAMPAIGN_NOT_ACTIVE", "Talks are logged against ACTIVE campaigns"));
		}
		List<Long> officerIds = input.speakerOfficerIds() == null ? List.of() : input.speakerOfficerIds();
		List<Long> teamIds = input.speakerTeamIds() == null ? List.of() : input.speakerTeamIds();
		Instant heldAt = input.heldAt().toInstant().truncatedTo(ChronoUnit.SECONDS);
		TalkFacts facts = new TalkFacts(area.get().id(), area.get().path(), heldAt, dayOf(heldAt), input.venueKind(),
				input.venueName().strip(), input.format(), input.themes(), input.audienceCount(), input.audienceKind(),
				input.materials() == null ? 0 : input.materials(), input.appInstalls() == null ? 0 : input.appInstalls(),
				officerIds, teamIds, Campaigns.blankToNull(input.notes()));
		errors.addAll(check(caller, campaign.get(), area.get(), facts, facts.officerIds(), facts.teamIds()));
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Talk talk = talks.save(Talk.log(campaign.get().getId(), facts, caller.subject(), caller.username(), key,
				clock.instant()));
		TalkView view = queries.talk(talk.getId()).orElseThrow();
		events.publishEvent(new TalkLogged(view.id(), view.campaignId(), view.areaId(), view.heldOn(), view.themes(),
				view.audienceCount(), view.appInstalls()));
		return Outcome.ok(view);
	}

	/**
	 * The campaign's rules for a talk's facts: where (a town, village or grid inside the
	 * campaign's area), when (not in the future, within the campaign's dates), which themes (the
	 * campaign's), and who spoke (at least one speaker; added officers ACTIVE and visible to the
	 * caller, added teams not disbanded and at home inside the caller's jurisdiction or above the
	 * talk's area, others NOT_FOUND without their names).
	 */
	private List<UserError> check(Caller caller, Campaign campaign, AreaView area, TalkFacts facts,
			Collection<Long> addedOfficers, Collection<Long> addedTeams) {
		List<UserError> errors = new ArrayList<>();
		if (!TALK_LEVELS.contains(area.level())) {
			errors.add(UserError.of("areaId", "INVALID_LEVEL", "A talk is held in a town, village or grid, not a " + area.level()));
		}
		else if (!area.path().startsWith(campaign.getAreaPath())) {
			errors.add(UserError.of("areaId", "OUTSIDE_CAMPAIGN_AREA", "The area lies outside the campaign's area"));
		}
		if (facts.heldAt().isAfter(clock.instant())) {
			errors.add(UserError.of("heldAt", "IN_FUTURE", "A talk is logged after it was held"));
		}
		else if (facts.heldOn().isBefore(campaign.getStartsOn())) {
			errors.add(UserError.of("heldAt", "BEFORE_CAMPAIGN_START", "The campaign starts on " + campaign.getStartsOn()));
		}
		else if (facts.heldOn().isAfter(campaign.getEndsOn())) {
			errors.add(UserError.of("heldAt", "AFTER_CAMPAIGN_END", "The campaign ended on " + campaign.getEndsOn()));
		}
		List<OutreachTheme> foreign = facts.themes().stream().filter(t -> !campaign.themes().contains(t)).toList();
		if (!foreign.isEmpty()) {
			errors.add(UserError.of("themes", "THEME_NOT_IN_CAMPAIGN", "The campaign does not cover " + foreign));
		}
		if (facts.officerIds().isEmpty() && facts.teamIds().isEmpty()) {
			errors.add(UserError.of("speakerOfficerIds", "REQUIRED", "Name the officers or teams who spoke"));
		}
		if (!addedOfficers.isEmpty()) {
			Map<Long, OfficerView> found = officers.officersByIds(caller, addedOfficers);
			for (Long id : new HashSet<>(addedOfficers)) {
				OfficerView officer = found.get(id);
				if (officer == null) {
					errors.add(UserError.of("speakerOfficerIds", "NOT_FOUND", "No officer " + id + " in your jurisdiction"));
				}
				else if (officer.status() != OfficerStatus.ACTIVE) {
					errors.add(UserError.of("speakerOfficerIds", "OFFICER_NOT_ACTIVE", officer.name() + " is no longer serving"));
				}
			}
		}
		if (!addedTeams.isEmpty()) {
			Map<Long, TeamView> found = teams.teamsByIds(addedTeams);
			for (Long id : new HashSet<>(addedTeams)) {
				TeamView team = found.get(id);
				if (team == null || !maySpeak(caller, team, area.path())) {
					errors.add(UserError.of("speakerTeamIds", "NOT_FOUND", "No team " + id + " in your jurisdiction"));
				}
				else if (team.status() != TeamStatus.ACTIVE) {
					errors.add(UserError.of("speakerTeamIds", "TEAM_DISBANDED", team.name() + " is disbanded"));
				}
			}
		}
		return errors;
	}

	/**
	 * Whether a team may be named as a speaker of a talk held at {@code talkAreaPath}: its home
	 * area lies inside the caller's jurisdiction, or above (or at) the talk's area (a county or
	 * town team touring the villages). Also what a talk's readers see of its speaker teams.
	 */
	public boolean maySpeak(Caller caller, TeamView team, String talkAreaPath) {
		return scope.coversPath(caller, team.areaPath()) || talkAreaPath.startsWith(team.areaPath());
	}

	// Correcting

	/**
	 * Corrects a talk's facts, recording who, when, why and each fact before and after; reach
	 * follows at once. The account that logged the talk, or a station chief or the bureau in
	 * whose jurisdiction it was held, may correct it while its campaign is not closed.
	 */
	public Outcome<TalkView> correct(Caller caller, TalkCorrectInput input) {
		caller.requireRole(LOGGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Talk> found = lockTalkAndCampaign(input.talkId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("talkId", "NOT_FOUND", "No talk " + input.talkId()));
		}
		Talk talk = found.get();
		requireMayChange(caller, talk, input.expectedVersion());
		Campaign campaign = campaigns.findById(talk.getCampaignId()).orElseThrow();
		Optional<UserError> frozen = frozen(talk, campaign);
		if (frozen.isPresent()) {
			return Outcome.rejected(frozen.get());
		}
		TalkFacts before = talk.facts();
		AreaView area;
		if (input.areaId() == null || input.areaId() == before.areaId()) {
			area = grids.find(before.areaId()).orElseThrow();
		}
		else {
			Optional<AreaView> moved = grids.find(input.areaId());
			if (moved.isEmpty()) {
				return Outcome.rejected(UserError.of("areaId", "NOT_FOUND", "No area " + input.areaId()));
			}
			area = moved.get();
			scope.require(caller, area.id());
		}
		Instant heldAt = input.heldAt() == null ? before.heldAt()
				: input.heldAt().toInstant().truncatedTo(ChronoUnit.SECONDS);
		TalkFacts after = new TalkFacts(area.id(), area.path(), heldAt, dayOf(heldAt),
				or(input.venueKind(), before.venueKind()),
				input.venueName() == null ? before.venueName() : input.venueName().strip(), or(input.format(), before.format()),
				or(input.themes(), before.themes()), or(input.audienceCount(), before.audienceCount()),
				or(input.audienceKind(), before.audienceKind()), or(input.materials(), before.materials()),
				or(input.appInstalls(), before.appInstalls()), or(input.speakerOfficerIds(), before.officerIds()),
				or(input.speakerTeamIds(), before.teamIds()),
				input.notes() == null ? before.notes() : Campaigns.blankToNull(input.notes()));
		List<Long> addedOfficers = after.officerIds().stream().filter(id -> !before.officerIds().contains(id)).toList();
		List<Long> addedTeams = after.teamIds().stream().filter(id -> !before.teamIds().contains(id)).toList();
		errors.addAll(check(caller, campaign, area, after, addedOfficers, addedTeams));
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		if (after.changesFrom(before).isEmpty()) {
			return Outcome.rejected(UserError.of("talkId", "NOTHING_TO_CORRECT", "The correction changes no fact of the talk"));
		}
		Instant now = clock.instant();
		List<Change> changes = talk.correct(after, now);
		talk = talks.save(talk);
		queries.recordCorrection(talk.getId(), talk.getVersion(), changes, input.reason().strip(), caller.subject(),
				caller.username(), now);
		TalkView view = queries.talk(talk.getId()).orElseThrow();
		events.publishEvent(new TalkCorrected(view.id(), view.campaignId(), view.version(), before.areaId(),
				before.heldOn(), before.themes(), before.audienceCount(), before.appInstalls(), view.areaId(),
				view.heldOn(), view.themes(), view.audienceCount(), view.appInstalls()));
		return Outcome.ok(view);
	}

	/** Withdraws a talk logged by mistake: it stops counting, and stays readable with the reason. */
	public Outcome<TalkView> withdraw(Caller caller, TalkWithdrawInput input) {
		caller.requireRole(LOGGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Talk> found = lockTalkAndCampaign(input.talkId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("talkId", "NOT_FOUND", "No talk " + input.talkId()));
		}
		Talk talk = found.get();
		requireMayChange(caller, talk, input.expectedVersion());
		Campaign campaign = campaigns.findById(talk.getCampaignId()).orElseThrow();
		Optional<UserError> frozen = frozen(talk, campaign);
		if (frozen.isPresent()) {
			return Outcome.rejected(frozen.get());
		}
		talk.withdraw(input.reason().strip(), caller.subject(), clock.instant());
		talk = talks.save(talk);
		TalkView view = queries.talk(talk.getId()).orElseThrow();
		events.publishEvent(new TalkWithdrawn(view.id(), view.campaignId(), view.areaId(), view.heldOn(), view.themes(),
				view.audienceCount(), view.appInstalls()));
		return Outcome.ok(view);
	}

	/**
	 * Locks the talk's row, then its campaign's (shared, as {@code talkLog} does), before reading
	 * either: a correction or withdrawal and the campaign's update or closing cannot interleave, and
	 * what is read below is what they committed.
	 */
	private Optional<Talk> lockTalkAndCampaign(long talkId) {
		Optional<Long> campaignId = queries.lockTalk(talkId);
		if (campaignId.isEmpty()) {
			return Optional.empty();
		}
		queries.lockStatus(campaignId.get());
		return talks.findById(talkId);
	}

	/** The talk's area inside the jurisdiction, and the caller its logger or a supervisor. */
	private void requireMayChange(Caller caller, Talk talk, Integer expectedVersion) {
		if (!scope.coversPath(caller, talk.getAreaPath())) {
			throw new ForbiddenException("Talk " + talk.getId() + " is outside your jurisdiction");
		}
		if (!caller.subject().equals(talk.getLoggedBy()) && !caller.hasRole(SUPERVISORS)) {
			throw new ForbiddenException("Only the account that logged a talk, a station chief or the bureau change it");
		}
		if (expectedVersion != null && !expectedVersion.equals(talk.getVersion())) {
			throw new ConflictException("The talk was changed meanwhile (version " + talk.getVersion() + ", you had "
					+ expectedVersion + ")");
		}
	}

	private static Optional<UserError> frozen(Talk talk, Campaign campaign) {
		if (talk.isWithdrawn()) {
			return Optional.of(UserError.of("talkId", "ALREADY_WITHDRAWN", "The talk was withdrawn"));
		}
		if (campaign.isClosed()) {
			return Optional.of(Campaigns.closed("talkId"));
		}
		return Optional.empty();
	}

	private static LocalDate dayOf(Instant instant) {
		return instant.atZone(BureauClock.ZONE).toLocalDate();
	}

	private static <T> T or(T value, T fallback) {
		return value == null ? fallback : value;
	}
}
