package org.zhufang.outreach.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.officers.OfficerRoster;
import org.zhufang.officers.OfficerView;
import org.zhufang.outreach.CampaignView;
import org.zhufang.outreach.Campaigns;
import org.zhufang.outreach.OutreachInputs.TalkCorrectInput;
import org.zhufang.outreach.OutreachInputs.TalkLogInput;
import org.zhufang.outreach.OutreachInputs.TalkWithdrawInput;
import org.zhufang.outreach.TalkCorrectionView;
import org.zhufang.outreach.TalkFilter;
import org.zhufang.outreach.TalkView;
import org.zhufang.outreach.Talks;
import org.zhufang.shared.Caller;
import org.zhufang.shared.MutationPayload;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;
import org.zhufang.teams.TeamView;
import org.zhufang.teams.Teams;
import reactor.core.publisher.Mono;

/**
 * Talks in GraphQL, including the talks this module adds to {@code Officer} and {@code Team}.
 * Every nested field loads in one batch per level of a query.
 */
@Controller
class TalkController {

	private final Talks talks;

	private final Campaigns campaigns;

	private final OfficerRoster officers;

	private final Teams teams;

	private final GridNetwork grids;

	TalkController(Talks talks, Campaigns campaigns, OfficerRoster officers, Teams teams, GridNetwork grids,
			BatchLoaderRegistry registry) {
		this.talks = talks;
		this.campaigns = campaigns;
		this.officers = officers;
		this.teams = teams;
		this.grids = grids;
		registry.forTypePair(TalksKey.class, Connection.class).withName(TalksKey.OFFICER_LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> TalksKey.load(keys, talks::talksOfOfficers)));
		registry.forTypePair(TalksKey.class, Connection.class).withName(TalksKey.TEAM_LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> TalksKey.load(keys, talks::talksOfTeams)));
	}

	record TalkPayload(TalkView talk, List<UserError> userErrors) implements MutationPayload {

		static TalkPayload of(Outcome<TalkView> outcome) {
			return new TalkPayload(outcome.value(), outcome.userErrors());
		}
	}

	@QueryMapping
	Connection<TalkView> talks(@Argument TalkFilter filter, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
		return talks.talks(Caller.current(), filter == null ? TalkFilter.none() : filter,
				PageRequest.of(first, after, last, before), selection.contains("totalCount"));
	}

	@QueryMapping
	TalkView talk(@Argument long id) {
		return talks.talk(Caller.current(), id).orElse(null);
	}

	@MutationMapping
	TalkPayload talkLog(@Argument TalkLogInput input) {
		return TalkPayload.of(talks.log(Caller.current(), input));
	}

	@MutationMapping
	TalkPayload talkCorrect(@Argument TalkCorrectInput input) {
		return TalkPayload.of(talks.correct(Caller.current(), input));
	}

	@MutationMapping
	TalkPayload talkWithdraw(@Argument TalkWithdrawInput input) {
		return TalkPayload.of(talks.withdraw(Caller.current(), input));
	}

	@SchemaMapping(typeName = "Talk")
	String loggedBy(TalkView talk) {
		return talk.loggedByName();
	}

	@BatchMapping(typeName = "Talk")
	Map<TalkView, CampaignView> campaign(List<TalkView> list) {
		Map<Long, CampaignView> found = campaigns.campaignsByIds(Caller.current(), ids(list, TalkView::campaignId));
		Map<TalkView, CampaignView> result = new HashMap<>();
		list.stream().filter(t -> found.containsKey(t.campaignId())).forEach(t -> result.put(t, found.get(t.campaignId())));
		return result;
	}

	@BatchMapping(typeName = "Talk")
	Map<TalkView, AreaView> area(List<TalkView> list) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(), ids(list, TalkView::areaId));
		Map<TalkView, AreaView> result = new HashMap<>();
		list.forEach(t -> {
			if (areas.containsKey(t.areaId())) {
				result.put(t, areas.get(t.areaId()));
			}
		});
		return result;
	}

	@BatchMapping(typeName = "Talk")
	Map<TalkView, List<OfficerView>> speakerOfficers(List<TalkView> list) {
		Set<Long> ids = list.stream().flatMap(t -> t.officerIds().stream()).collect(Collectors.toSet());
		Map<Long, OfficerView> found = ids.isEmpty() ? Map.of() : officers.officersByIds(Caller.current(), ids);
		Map<TalkView, List<OfficerView>> result = new HashMap<>();
		list.forEach(t -> result.put(t, t.officerIds().stream().filter(found::containsKey).map(found::get).toList()));
		return result;
	}

	@BatchMapping(typeName = "Talk")
	Map<TalkView, List<TeamView>> speakerTeams(List<TalkView> list) {
		Set<Long> ids = list.stream().flatMap(t -> t.teamIds().stream()).collect(Collectors.toSet());
		Map<Long, TeamView> found = ids.isEmpty() ? Map.of() : teams.teamsByIds(ids);
		Caller caller = Caller.current();
		Map<TalkView, List<TeamView>> result = new HashMap<>();
		list.forEach(t -> result.put(t, t.teamIds().stream().map(found::get)
			.filter(team -> team != null && talks.maySpeak(caller, team, t.areaPath())).toList()));
		return result;
	}

	@BatchMapping(typeName = "Talk")
	Map<TalkView, List<TalkCorrectionView>> corrections(List<TalkView> list) {
		Map<Long, List<TalkCorrectionView>> found = talks.corrections(ids(list, TalkView::id));
		Map<TalkView, List<TalkCorrectionView>> result = new HashMap<>();
		list.forEach(t -> result.put(t, found.getOrDefault(t.id(), List.of())));
		return result;
	}

	@SchemaMapping(typeName = "Officer")
	CompletableFuture<Connection<TalkView>> talks(OfficerView officer, @Argument Integer first, @Argument String after,
			DataFetchingFieldSelectionSet selection, DataLoader<TalksKey, Connection<TalkView>> officerTalks) {
		return officerTalks.load(TalksKey.of(officer.id(), first, after, selection));
	}

	@SchemaMapping(typeName = "Team", field = "talks")
	CompletableFuture<Connection<TalkView>> teamTalks(TeamView team, @Argument Integer first, @Argument String after,
			DataFetchingFieldSelectionSet selection, DataLoader<TalksKey, Connection<TalkView>> teamTalks) {
		return teamTalks.load(TalksKey.of(team.id(), first, after, selection));
	}

	private static <T> Set<Long> ids(List<T> items, Function<T, Long> id) {
		return items.stream().map(id).collect(Collectors.toSet());
	}
}
