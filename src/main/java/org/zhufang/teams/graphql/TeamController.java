package org.zhufang.teams.graphql;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
import org.zhufang.shared.Caller;
import org.zhufang.shared.MutationPayload;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;
import org.zhufang.teams.Activities;
import org.zhufang.teams.HoursSummary;
import org.zhufang.teams.MembershipView;
import org.zhufang.teams.TeamFilter;
import org.zhufang.teams.TeamInputs.TeamCreateInput;
import org.zhufang.teams.TeamInputs.TeamDisbandInput;
import org.zhufang.teams.TeamInputs.TeamUpdateInput;
import org.zhufang.teams.TeamView;
import org.zhufang.teams.Teams;
import reactor.core.publisher.Mono;

/**
 * Teams in GraphQL, and {@code Area.teams}. Nested fields load in batches: fields with arguments
 * through data loaders keyed by (parent, arguments), so one level of a query costs one statement
 * per field whatever the number of teams.
 */
@Controller
class TeamController {

	private final Teams teams;

	private final Activities activities;

	private final GridNetwork grids;

	TeamController(Teams teams, Activities activities, GridNetwork grids, BatchLoaderRegistry registry) {
		this.teams = teams;
		this.activities = activities;
		this.grids = grids;
		registry.forTypePair(MembersKey.class, Connection.class).withName(MembersKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadMembers(keys)));
		registry.forTypePair(AreaTeamsKey.class, Connection.class).withName(AreaTeamsKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadAreaTeams(keys)));
		registry.forTypePair(TeamHoursKey.class, HoursSummary.class).withName(TeamHoursKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadHours(keys)));
	}

	record TeamPayload(TeamView team, List<UserError> userErrors) implements MutationPayload {

		static TeamPayload of(Outcome<TeamView> outcome) {
			return new TeamPayload(outcome.value(), outcome.userErrors());
		}
	}

	record MembersKey(long teamId, PageRequest page, boolean includeFormer, boolean withCount, Caller caller) {
		static final String LOADER = "teamMembers";
	}

	record AreaTeamsKey(long areaId, String path, PageRequest page, boolean withCount, Caller caller) {
		static final String LOADER = "areaTeams";
	}

	record TeamHoursKey(long teamId, LocalDate from, LocalDate to, Caller caller) {
		static final String LOADER = "teamHours";
	}

	@QueryMapping
	TeamView team(@Argument long id) {
		return teams.team(Caller.current(), id).orElse(null);
	}

	@QueryMapping
	Connection<TeamView> teams(@Argument TeamFilter filter, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
		return teams.teams(Caller.current(), filter == null ? TeamFilter.none() : filter,
				PageRequest.of(first, after, last, before), selection.contains("totalCount"));
	}

	@BatchMapping(typeName = "Team")
	Map<TeamView, AreaView> homeArea(List<TeamView> list) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(),
				list.stream().map(TeamView::areaId).collect(Collectors.toSet()));
		Map<TeamView, AreaView> result = new HashMap<>();
		list.forEach(t -> {
			if (areas.containsKey(t.areaId())) {
				result.put(t, areas.get(t.areaId()));
			}
		});
		return result;
	}

	@SchemaMapping(typeName = "Team")
	CompletableFuture<Connection<MembershipView>> members(TeamView team, @Argument Integer first,
			@Argument String after, @Argument Boolean includeFormer, DataFetchingFieldSelectionSet selection,
			DataLoader<MembersKey, Connection<MembershipView>> teamMembers) {
		return teamMembers.load(new MembersKey(team.id(), PageRequest.first(first, after),
				Boolean.TRUE.equals(includeFormer), selection.contains("totalCount"), Caller.current()));
	}

	@SchemaMapping(typeName = "Team")
	CompletableFuture<HoursSummary> hours(TeamView team, @Argument LocalDate from, @Argument LocalDate to,
			DataLoader<TeamHoursKey, HoursSummary> teamHours) {
		return teamHours.load(new TeamHoursKey(team.id(), from, to, Caller.current()));
	}

	@SchemaMapping(typeName = "Area")
	CompletableFuture<Connection<TeamView>> teams(AreaView area, @Argument Integer first, @Argument String after,
			DataFetchingFieldSelectionSet selection, DataLoader<AreaTeamsKey, Connection<TeamView>> areaTeams) {
		return areaTeams.load(new AreaTeamsKey(area.id(), area.path(), PageRequest.first(first, after),
				selection.contains("totalCount"), Caller.current()));
	}

	@MutationMapping
	TeamPayload teamCreate(@Argument TeamCreateInput input) {
		return TeamPayload.of(teams.createTeam(Caller.current(), input));
	}

	@MutationMapping
	TeamPayload teamUpdate(@Argument TeamUpdateInput input) {
		return TeamPayload.of(teams.updateTeam(Caller.current(), input));
	}

	@MutationMapping
	TeamPayload teamDisband(@Argument TeamDisbandInput input) {
		return TeamPayload.of(teams.disbandTeam(Caller.current(), input));
	}

	private Map<MembersKey, Connection> loadMembers(Set<MembersKey> keys) {
		Map<MembersKey, Connection> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> List.of(k.page(), k.includeFormer(), k.withCount(), k.caller())))
			.values().forEach(group -> {
				MembersKey any = group.get(0);
				Map<Long, Connection<MembershipView>> pages = teams.members(any.caller(),
						group.stream().map(MembersKey::teamId).collect(Collectors.toSet()), any.page(),
						any.includeFormer(), any.withCount());
				group.forEach(key -> result.put(key, pages.get(key.teamId())));
			});
		return result;
	}

	private Map<AreaTeamsKey, Connection> loadAreaTeams(Set<AreaTeamsKey> keys) {
		Map<AreaTeamsKey, Connection> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> List.of(k.page(), k.withCount(), k.caller()))).values().forEach(group -> {
			AreaTeamsKey any = group.get(0);
			Map<Long, String> paths = new LinkedHashMap<>();
			group.forEach(k -> paths.put(k.areaId(), k.path()));
			Map<Long, Connection<TeamView>> pages = teams.teamsUnder(any.caller(), paths, any.page(), any.withCount());
			group.forEach(key -> result.put(key, pages.get(key.areaId())));
		});
		return result;
	}

	private Map<TeamHoursKey, HoursSummary> loadHours(Set<TeamHoursKey> keys) {
		Map<TeamHoursKey, HoursSummary> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> List.of(k.from(), k.to(), k.caller()))).values().forEach(group -> {
			TeamHoursKey any = group.get(0);
			Map<Long, HoursSummary> hours = activities.hoursOfTeams(any.caller(),
					group.stream().map(TeamHoursKey::teamId).collect(Collectors.toSet()), any.from(), any.to());
			group.forEach(key -> result.put(key, hours.getOrDefault(key.teamId(), HoursSummary.NONE)));
		});
		return result;
	}
}
