package org.zhufang.teams.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.zhufang.shared.PersonalData;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;
import org.zhufang.teams.Activities;
import org.zhufang.teams.HoursSummary;
import org.zhufang.teams.MembershipView;
import org.zhufang.teams.Roster;
import org.zhufang.teams.ShiftView;
import org.zhufang.teams.TeamInputs.TeamMemberAddInput;
import org.zhufang.teams.TeamInputs.TeamMemberChangeRoleInput;
import org.zhufang.teams.TeamInputs.TeamMemberRemoveInput;
import org.zhufang.teams.TeamInputs.VolunteerRegisterInput;
import org.zhufang.teams.TeamInputs.VolunteerUpdateInput;
import org.zhufang.teams.TeamView;
import org.zhufang.teams.Teams;
import org.zhufang.teams.VolunteerFilter;
import org.zhufang.teams.VolunteerView;
import reactor.core.publisher.Mono;

/**
 * Volunteers and memberships in GraphQL, with the name and phone shown under the one masking rule:
 * in clear only to the roles that manage the volunteer, one audit entry per batch of clear phone
 * reads.
 */
@Controller
class VolunteerController {

	/** Upcoming shifts listed per volunteer. */
	static final int UPCOMING = 20;

	private final Teams teams;

	private final Roster roster;

	private final Activities activities;

	private final GridNetwork grids;

	private final PersonalData.RevealLog revealLog;

	VolunteerController(Teams teams, Roster roster, Activities activities, GridNetwork grids,
			PersonalData.RevealLog revealLog, BatchLoaderRegistry registry) {
		this.teams = teams;
		this.roster = roster;
		this.activities = activities;
		this.grids = grids;
		this.revealLog = revealLog;
		registry.forTypePair(MembershipsKey.class, List.class).withName(MembershipsKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadMemberships(keys)));
		registry.forTypePair(VolunteerHoursKey.class, HoursSummary.class).withName(VolunteerHoursKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadHours(keys)));
	}

	record VolunteerPayload(VolunteerView volunteer, List<UserError> userErrors) implements MutationPayload {

		static VolunteerPayload of(Outcome<VolunteerView> outcome) {
			return new VolunteerPayload(outcome.value(), outcome.userErrors());
		}
	}

	record MembershipPayload(MembershipView membership, List<UserError> userErrors) implements MutationPayload {

		static MembershipPayload of(Outcome<MembershipView> outcome) {
			return new MembershipPayload(outcome.value(), outcome.userErrors());
		}
	}

	record MembershipsKey(long volunteerId, boolean includeFormer, Caller caller) {
		static final String LOADER = "volunteerMemberships";
	}

	record VolunteerHoursKey(long volunteerId, LocalDate from, LocalDate to, Caller caller) {
		static final String LOADER = "volunteerHours";
	}

	@QueryMapping
	VolunteerView volunteer(@Argument long id) {
		return teams.volunteer(Caller.current(), id).orElse(null);
	}

	@QueryMapping
	Connection<VolunteerView> volunteers(@Argument VolunteerFilter filter, @Argument Integer first,
			@Argument String after, @Argument Integer last, @Argument String before,
			DataFetchingFieldSelectionSet selection) {
		return teams.volunteers(Caller.current(), filter == null ? VolunteerFilter.none() : filter,
				PageRequest.of(first, after, last, before), selection.contains("totalCount"));
	}

	/**
	 * Names of a whole list at once under the same rule as the phone: in clear only to a caller who
	 * manages the volunteer, otherwise the surname and {@code *}. Decided from the loaded rows, no SQL.
	 */
	@BatchMapping(typeName = "Volunteer")
	Map<VolunteerView, String> name(List<VolunteerView> volunteers) {
		Caller caller = Caller.current();
		Map<VolunteerView, String> result = new HashMap<>();
		for (VolunteerView volunteer : volunteers) {
			result.put(volunteer, PersonalData.mayReveal(caller, teams.manages(caller, volunteer)) ? volunteer.name()
					: PersonalData.maskName(volunteer.name()));
		}
		return result;
	}

	/** Phones of a whole list at once, so that the clear reads are audited in one entry. */
	@BatchMapping(typeName = "Volunteer")
	Map<VolunteerView, String> phone(List<VolunteerView> volunteers) {
		Caller caller = Caller.current();
		Map<VolunteerView, String> result = new HashMap<>();
		List<Long> revealed = new ArrayList<>();
		for (VolunteerView volunteer : volunteers) {
			if (PersonalData.mayReveal(caller, teams.manages(caller, volunteer))) {
				result.put(volunteer, volunteer.phone());
				revealed.add(volunteer.id());
			}
			else {
				result.put(volunteer, PersonalData.maskPhone(volunteer.phone()));
			}
		}
		if (!revealed.isEmpty()) {
			revealLog.revealed(caller, "Volunteer", revealed.stream().distinct().sorted().toList(), "phone");
		}
		return result;
	}

	@BatchMapping(typeName = "Volunteer")
	Map<VolunteerView, AreaView> homeArea(List<VolunteerView> volunteers) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(),
				volunteers.stream().map(VolunteerView::areaId).collect(Collectors.toSet()));
		Map<VolunteerView, AreaView> result = new HashMap<>();
		volunteers.forEach(v -> {
			if (areas.containsKey(v.areaId())) {
				result.put(v, areas.get(v.areaId()));
			}
		});
		return result;
	}

	@SchemaMapping(typeName = "Volunteer")
	CompletableFuture<List<MembershipView>> memberships(VolunteerView volunteer, @Argument Boolean includeFormer,
			DataLoader<MembershipsKey, List<MembershipView>> volunteerMemberships) {
		return volunteerMemberships.load(new MembershipsKey(volunteer.id(), Boolean.TRUE.equals(includeFormer),
				Caller.current()));
	}

	@BatchMapping(typeName = "Volunteer")
	Map<VolunteerView, List<ShiftView>> upcomingShifts(List<VolunteerView> volunteers) {
		Map<Long, List<ShiftView>> upcoming = roster.upcomingOf(Caller.current(),
				volunteers.stream().map(VolunteerView::id).collect(Collectors.toSet()), UPCOMING);
		Map<VolunteerView, List<ShiftView>> result = new HashMap<>();
		volunteers.forEach(v -> result.put(v, upcoming.getOrDefault(v.id(), List.of())));
		return result;
	}

	@SchemaMapping(typeName = "Volunteer")
	CompletableFuture<HoursSummary> hours(VolunteerView volunteer, @Argument LocalDate from, @Argument LocalDate to,
			DataLoader<VolunteerHoursKey, HoursSummary> volunteerHours) {
		return volunteerHours.load(new VolunteerHoursKey(volunteer.id(), from, to, Caller.current()));
	}

	@BatchMapping(typeName = "Membership")
	Map<MembershipView, TeamView> team(List<MembershipView> memberships) {
		Map<Long, TeamView> found = teams.teamsByIds(Caller.current(), memberships.stream().map(MembershipView::teamId)
			.collect(Collectors.toSet()));
		Map<MembershipView, TeamView> result = new HashMap<>();
		memberships.forEach(m -> result.put(m, found.get(m.teamId())));
		return result;
	}

	@BatchMapping(typeName = "Membership")
	Map<MembershipView, VolunteerView> volunteer(List<MembershipView> memberships) {
		Map<Long, VolunteerView> found = teams.volunteersByIds(Caller.current(), memberships.stream().map(MembershipView::volunteerId)
			.collect(Collectors.toSet()));
		Map<MembershipView, VolunteerView> result = new HashMap<>();
		memberships.forEach(m -> result.put(m, found.get(m.volunteerId())));
		return result;
	}

	@MutationMapping
	VolunteerPayload volunteerRegister(@Argument VolunteerRegisterInput input) {
		return VolunteerPayload.of(teams.registerVolunteer(Caller.current(), input));
	}

	@MutationMapping
	VolunteerPayload volunteerUpdate(@Argument VolunteerUpdateInput input) {
		return VolunteerPayload.of(teams.updateVolunteer(Caller.current(), input));
	}

	@MutationMapping
	MembershipPayload teamMemberAdd(@Argument TeamMemberAddInput input) {
		return MembershipPayload.of(teams.addMember(Caller.current(), input));
	}

	@MutationMapping
	MembershipPayload teamMemberRemove(@Argument TeamMemberRemoveInput input) {
		return MembershipPayload.of(teams.removeMember(Caller.current(), input));
	}

	@MutationMapping
	MembershipPayload teamMemberChangeRole(@Argument TeamMemberChangeRoleInput input) {
		return MembershipPayload.of(teams.changeMemberRole(Caller.current(), input));
	}

	private Map<MembershipsKey, List> loadMemberships(Set<MembershipsKey> keys) {
		Map<MembershipsKey, List> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> List.of(k.includeFormer(), k.caller()))).values().forEach(group -> {
			MembershipsKey any = group.get(0);
			Map<Long, List<MembershipView>> found = teams.membershipsOf(any.caller(),
					group.stream().map(MembershipsKey::volunteerId).collect(Collectors.toSet()), any.includeFormer());
			group.forEach(key -> result.put(key, found.getOrDefault(key.volunteerId(), List.of())));
		});
		return result;
	}

	private Map<VolunteerHoursKey, HoursSummary> loadHours(Set<VolunteerHoursKey> keys) {
		Map<VolunteerHoursKey, HoursSummary> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> List.of(k.from(), k.to(), k.caller()))).values().forEach(group -> {
			VolunteerHoursKey any = group.get(0);
			Map<Long, HoursSummary> hours = activities.hoursOfVolunteers(any.caller(),
					group.stream().map(VolunteerHoursKey::volunteerId).collect(Collectors.toSet()), any.from(), any.to());
			group.forEach(key -> result.put(key, hours.getOrDefault(key.volunteerId(), HoursSummary.NONE)));
		});
		return result;
	}
}
