package org.zhufang.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhufang.grids.AreaLevel;
import org.zhufang.grids.AreaScope;
import org.zhufang.grids.AreaStatus;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.outreach.OutreachInputs.CampaignActivateInput;
import org.zhufang.outreach.OutreachInputs.CampaignCloseInput;
import org.zhufang.outreach.OutreachInputs.CampaignCreateInput;
import org.zhufang.outreach.OutreachInputs.CampaignUpdateInput;
import org.zhufang.outreach.internal.Campaign;
import org.zhufang.outreach.internal.CampaignRepository;
import org.zhufang.outreach.internal.OutreachQueries;
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
 * Outreach campaigns (宣传活动): planning, activating and closing them, and what each reached.
 * Each change first locks the campaign's row ({@code FOR UPDATE}), so it waits for talks being
 * logged, corrected or withdrawn (which hold a shared lock on it) and then reads what they wrote.
 * Everyone reads the campaigns owned by an area inside or above their jurisdiction (a county
 * campaign runs in every town); outreach staff, station chiefs and the bureau manage those owned
 * by an area inside it.
 */
@Service
@Transactional
public class Campaigns {

	static final Role[] MANAGERS = { Role.BUREAU_ADMIN, Role.STATION_CHIEF, Role.OUTREACH_STAFF };

	private final CampaignRepository campaigns;

	private final OutreachQueries queries;

	private final GridNetwork grids;

	private final AreaScope scope;

	private final InputValidator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Campaigns(CampaignRepository campaigns, OutreachQueries queries, GridNetwork grids, AreaScope scope,
			InputValidator validator, ApplicationEventPublisher events, Clock clock) {
		this.campaigns = campaigns;
		this.queries = queries;
		this.grids = grids;
		this.scope = scope;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
	}

	// Reading

	/** The campaign, if any; FORBIDDEN when its area is neither inside nor above the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public Optional<CampaignView> campaign(Caller caller, long id) {
		return queries.campaign(id).map(campaign -> {
			if (!scope.mayFilterBy(caller, campaign.areaId())) {
				throw new ForbiddenException("Campaign " + id + " is outside your jurisdiction");
			}
			return campaign;
		});
	}

	@Transactional(readOnly = true)
	public Connection<CampaignView> campaigns(Caller caller, CampaignFilter filter, PageRequest page, boolean withCount) {
		String filterPath = null;
		if (filter.areaId() != null) {
			if (!scope.mayFilterBy(caller, filter.areaId())) {
				throw new ForbiddenException("Area " + filter.areaId() + " is outside your jurisdiction");
			}
			filterPath = scope.pathOf(filter.areaId());
		}
		return queries.campaignPage(filter, filterPath, scope.prefixes(caller), page, withCount);
	}

	/**
	 * Campaigns by id for nested fields, leaving out those the {@code campaigns} query would not
	 * list for the caller (owned by an area neither inside nor above the jurisdiction).
	 */
	@Transactional(readOnly = true)
	public Map<Long, CampaignView> campaignsByIds(Caller caller, Collection<Long> ids) {
		return queries.campaigns(ids, scope.prefixes(caller));
	}

	/**
	 * What each campaign's counted talks held inside the caller's jurisdiction reached, in one
	 * statement for all of them: a county campaign's reach, read by a town, is that town's part
	 * (the bureau's scope, the county, sees the whole).
	 */
	@Transactional(readOnly = true)
	public Map<Long, CampaignReachView> reach(Caller caller, Collection<CampaignView> list) {
		Map<Long, Integer> targets = new java.util.HashMap<>();
		list.forEach(c -> targets.put(c.id(), c.reachTarget()));
		return queries.campaignReach(targets, scope.prefixes(caller));
	}

	// Changing

	/** Plans a campaign owned by the county or a town inside the caller's jurisdiction. */
	public Outcome<CampaignView> create(Caller caller, CampaignCreateInput input) {
		caller.requireRole(MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<AreaView> found = grids.find(input.areaId());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("areaId", "NOT_FOUND", "No area " + input.areaId()));
		}
		AreaView area = found.get();
		scope.require(caller, area.id());
		if (area.level() != AreaLevel.COUNTY && area.level() != AreaLevel.TOWN) {
			errors.add(UserError.of("areaId", "INVALID_LEVEL", "A campaign is owned by the county or a town, not a " + area.level()));
		}
		if (area.status() != AreaStatus.ACTIVE) {
			errors.add(UserError.of("areaId", "AREA_RETIRED", "The area is retired"));
		}
		if (input.endsOn().isBefore(input.startsOn())) {
			errors.add(UserError.of("endsOn", "ENDS_BEFORE_START", "A campaign ends on or after its start"));
		}
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Campaign campaign = campaigns.save(Campaign.plan(input.name().strip(), input.themes(), area.id(), area.path(),
				input.startsOn(), input.endsOn(), input.reachTarget(), blankToNull(input.description()), clock.instant()));
		return Outcome.ok(campaign.toView());
	}

	/**
	 * Changes a PLANNED or ACTIVE campaign. Themes its counted talks cover stay, and its dates
	 * keep enclosing them.
	 */
	public Outcome<CampaignView> update(Caller caller, CampaignUpdateInput input) {
		caller.requireRole(MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Campaign> found = lockedForChange(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No campaign " + input.id()));
		}
		Campaign campaign = found.get();
		scope.require(caller, campaign.getAreaId());
		requireVersion(campaign, input.expectedVersion());
		if (campaign.isClosed()) {
			return Outcome.rejected(closed("id"));
		}
		LocalDate start = input.startsOn() == null ? campaign.getStartsOn() : input.startsOn();
		LocalDate end = input.endsOn() == null ? campaign.getEndsOn() : input.endsOn();
		if (end.isBefore(start)) {
			errors.add(UserError.of(input.endsOn() == null ? "startsOn" : "endsOn", "ENDS_BEFORE_START",
					"A campaign ends on or after its start"));
		}
		if (input.themes() != null) {
			Set<OutreachTheme> kept = input.themes().isEmpty() ? EnumSet.noneOf(OutreachTheme.class)
					: EnumSet.copyOf(input.themes());
			Set<OutreachTheme> dropped = queries.themesInUse(campaign.getId()).stream()
				.filter(t -> !kept.contains(t)).collect(Collectors.toSet());
			if (!dropped.isEmpty()) {
				errors.add(UserError.of("themes", "THEME_IN_USE", "Talks of the campaign cover " + dropped));
			}
		}
		Optional<LocalDate[]> talkDays = queries.talkDays(campaign.getId());
		if (talkDays.isPresent() && start.isAfter(talkDays.get()[0])) {
			errors.add(UserError.of("startsOn", "TALKS_BEFORE_START", "A talk of the campaign was held on " + talkDays.get()[0]));
		}
		if (talkDays.isPresent() && end.isBefore(talkDays.get()[1])) {
			errors.add(UserError.of("endsOn", "TALKS_AFTER_END", "A talk of the campaign was held on " + talkDays.get()[1]));
		}
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		campaign.revise(input.name() == null ? null : input.name().strip(), input.themes(), input.startsOn(),
				input.endsOn(), input.reachTarget(), input.description(), clock.instant());
		return Outcome.ok(campaigns.save(campaign).toView());
	}

	/** PLANNED → ACTIVE: talks can be logged from now on. */
	public Outcome<CampaignView> activate(Caller caller, CampaignActivateInput input) {
		caller.requireRole(MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Campaign> found = lockedForChange(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No campaign " + input.id()));
		}
		Campaign campaign = found.get();
		scope.require(caller, campaign.getAreaId());
		requireVersion(campaign, input.expectedVersion());
		if (!campaign.canActivate()) {
			return Outcome.rejected(UserError.of("id", "INVALID_TRANSITION",
					"Only a PLANNED campaign is activated, this one is " + campaign.getStatus()));
		}
		campaign.activate(clock.instant());
		CampaignView view = campaigns.save(campaign).toView();
		events.publishEvent(new CampaignActivated(view.id(), view.areaId(), view.themes(), view.startsOn(),
				view.endsOn(), view.reachTarget()));
		return Outcome.ok(view);
	}

	/** ACTIVE → CLOSED: the campaign and its talks are read-only from now on. */
	public Outcome<CampaignView> close(Caller caller, CampaignCloseInput input) {
		caller.requireRole(MANAGERS);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Campaign> found = lockedForChange(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No campaign " + input.id()));
		}
		Campaign campaign = found.get();
		scope.require(caller, campaign.getAreaId());
		requireVersion(campaign, input.expectedVersion());
		if (!campaign.canClose()) {
			return Outcome.rejected(UserError.of("id", "INVALID_TRANSITION",
					"Only an ACTIVE campaign is closed, this one is " + campaign.getStatus()));
		}
		campaign.close(clock.instant());
		CampaignView view = campaigns.save(campaign).toView();
		CampaignReachView reach = queries.campaignReach(Map.of(view.id(), view.reachTarget() == null ? 0 : view.reachTarget()))
			.get(view.id());
		events.publishEvent(new CampaignClosed(view.id(), view.areaId(), LocalDate.now(clock), reach.talks(),
				reach.peopleReached()));
		return Outcome.ok(view);
	}

	static UserError closed(String field) {
		return UserError.of(field, "CAMPAIGN_CLOSED", "The campaign is closed: it and its talks are read-only");
	}

	/** The campaign, its row locked until the transaction ends (talks take the same lock). */
	private Optional<Campaign> lockedForChange(long id) {
		return queries.lockForChange(id).isEmpty() ? Optional.empty() : campaigns.findById(id);
	}

	private static void requireVersion(Campaign campaign, Integer expected) {
		if (expected != null && !expected.equals(campaign.getVersion())) {
			throw new ConflictException("The campaign was changed meanwhile (version " + campaign.getVersion()
					+ ", you had " + expected + ")");
		}
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
