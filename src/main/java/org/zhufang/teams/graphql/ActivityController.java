package org.zhufang.teams.graphql;

import java.time.LocalDate;
import java.util.HashMap;
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
import org.zhufang.teams.ActivityView;
import org.zhufang.teams.HoursSummary;
import org.zhufang.teams.ParticipantView;
import org.zhufang.teams.RankedHours;
import org.zhufang.teams.TeamInputs.ActivityLogInput;
import org.zhufang.teams.TeamView;
import org.zhufang.teams.Teams;
import org.zhufang.teams.VolunteerView;
import reactor.core.publisher.Mono;

/** Activities, hours and rankings in GraphQL. */
@Controller
class ActivityController {

	private final Activities activities;

	private final Teams teams;

	private final GridNetwork grids;

	ActivityController(Activities activities, Teams teams, GridNetwork grids, BatchLoaderRegistry registry) {
		this.activities = activities;
		this.teams = teams;
		this.grids = grids;
		registry.forTypePair(TeamActivitiesKey.class, Connection.class).withName(TeamActivitiesKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadActivities(keys)));
	}

	record ActivityPayload(ActivityView activity, List<UserError> userErrors) implements MutationPayload {

		static ActivityPayload of(Outcome<ActivityView> outcome) {
			return new ActivityPayload(outcome.value(), outcome.userErrors());
		}
	}

	record TeamActivitiesKey(long teamId, PageRequest page, boolean withCount, Caller caller) {
		static final String LOADER = "teamActivities";
	}

	@QueryMapping
	List<RankedHours> volunteerRanking(@Argument long areaId, @Argument LocalDate from, @Argument LocalDate to,
			@Argument Integer first) {
		return activities.volunteerRanking(Caller.current(), areaId, from, to, first);
	}

	@QueryMapping
	List<RankedHours> teamRanking(@Argument long areaId, @Argument LocalDate from, @Argument LocalDate to,
			@Argument Integer first) {
		return activities.teamRanking(Caller.current(), areaId, from, to, first);
	}

	@QueryMapping
	HoursSummary volunteerHoursInArea(@Argument long areaId, @Argument LocalDate from, @Argument LocalDate to) {
		return activities.hoursIn(Caller.current(), areaId, from, to);
	}

	@SchemaMapping(typeName = "Team")
	CompletableFuture<Connection<ActivityView>> activities(TeamView team, @Argument Integer first,
			@Argument String after, DataFetchingFieldSelectionSet selection,
			DataLoader<TeamActivitiesKey, Connection<ActivityView>> teamActivities) {
		return teamActivities.load(new TeamActivitiesKey(team.id(), PageRequest.first(first, after),
				selection.contains("totalCount"), Caller.current()));
	}

	@BatchMapping(typeName = "Activity")
	Map<ActivityView, TeamView> team(List<ActivityView> list) {
		Map<Long, TeamView> found = teams.teamsByIds(Caller.current(),
				list.stream().map(ActivityView::teamId).collect(Collectors.toSet()));
		Map<ActivityView, TeamView> result = new HashMap<>();
		list.forEach(a -> result.put(a, found.get(a.teamId())));
		return result;
	}

	@BatchMapping(typeName = "Activity")
	Map<ActivityView, AreaView> area(List<ActivityView> list) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(),
				list.stream().map(ActivityView::areaId).collect(Collectors.toSet()));
		Map<ActivityView, AreaView> result = new HashMap<>();
		list.forEach(a -> {
			if (areas.containsKey(a.areaId())) {
				result.put(a, areas.get(a.areaId()));
			}
		});
		return result;
	}

	@BatchMapping(typeName = "Activity")
	Map<ActivityView, List<ParticipantView>> participants(List<ActivityView> list) {
		Map<Long, List<ParticipantView>> found = activities.participantsOf(
				list.stream().map(ActivityView::id).collect(Collectors.toSet()));
		Map<ActivityView, List<ParticipantView>> result = new HashMap<>();
		list.forEach(a -> result.put(a, found.getOrDefault(a.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "ActivityParticipant")
	Map<ParticipantView, VolunteerView> volunteer(List<ParticipantView> participants) {
		Map<Long, VolunteerView> found = teams.volunteersByIds(Caller.current(), participants.stream().map(ParticipantView::volunteerId)
			.collect(Collectors.toSet()));
		Map<ParticipantView, VolunteerView> result = new HashMap<>();
		participants.forEach(p -> result.put(p, found.get(p.volunteerId())));
		return result;
	}

	@BatchMapping(typeName = "VolunteerHours", field = "volunteer")
	Map<RankedHours, VolunteerView> rankedVolunteer(List<RankedHours> lines) {
		Map<Long, VolunteerView> found = teams.volunteersByIds(Caller.current(), lines.stream().map(RankedHours::id)
			.collect(Collectors.toSet()));
		Map<RankedHours, VolunteerView> result = new HashMap<>();
		lines.forEach(l -> result.put(l, found.get(l.id())));
		return result;
	}

	@BatchMapping(typeName = "TeamHours", field = "team")
	Map<RankedHours, TeamView> rankedTeam(List<RankedHours> lines) {
		Map<Long, TeamView> found = teams.teamsByIds(Caller.current(),
				lines.stream().map(RankedHours::id).collect(Collectors.toSet()));
		Map<RankedHours, TeamView> result = new HashMap<>();
		lines.forEach(l -> result.put(l, found.get(l.id())));
		return result;
	}

	@MutationMapping
	ActivityPayload activityLog(@Argument ActivityLogInput input) {
		return ActivityPayload.of(activities.log(Caller.current(), input));
	}

	private Map<TeamActivitiesKey, Connection> loadActivities(Set<TeamActivitiesKey> keys) {
		Map<TeamActivitiesKey, Connection> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> List.of(k.page(), k.withCount(), k.caller()))).values().forEach(group -> {
			TeamActivitiesKey any = group.get(0);
			Map<Long, Connection<ActivityView>> pages = activities.activitiesOf(any.caller(),
					group.stream().map(TeamActivitiesKey::teamId).collect(Collectors.toSet()), any.page(),
					any.withCount());
			group.forEach(key -> result.put(key, pages.get(key.teamId())));
		});
		return result;
	}
}
