package org.zhufang.teams.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

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
import org.zhufang.teams.ActivityView;
import org.zhufang.teams.Roster;
import org.zhufang.teams.ShiftView;
import org.zhufang.teams.SignUpView;
import org.zhufang.teams.TeamInputs.ShiftAttendanceRecordInput;
import org.zhufang.teams.TeamInputs.ShiftCancelInput;
import org.zhufang.teams.TeamInputs.ShiftCheckInInput;
import org.zhufang.teams.TeamInputs.ShiftCheckOutInput;
import org.zhufang.teams.TeamInputs.ShiftScheduleInput;
import org.zhufang.teams.TeamInputs.ShiftSignUpInput;
import org.zhufang.teams.TeamInputs.ShiftWithdrawInput;
import org.zhufang.teams.TeamView;
import org.zhufang.teams.Teams;
import org.zhufang.teams.VolunteerView;
import reactor.core.publisher.Mono;

/** The roster in GraphQL: shifts, sign-ups and attendance, with nested fields loaded in batches. */
@Controller
class RosterController {

	private final Roster roster;

	private final Teams teams;

	private final GridNetwork grids;

	RosterController(Roster roster, Teams teams, GridNetwork grids, BatchLoaderRegistry registry) {
		this.roster = roster;
		this.teams = teams;
		this.grids = grids;
		registry.forTypePair(TeamShiftsKey.class, List.class).withName(TeamShiftsKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadTeamShifts(keys)));
		registry.forTypePair(SignUpsKey.class, List.class).withName(SignUpsKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadSignUps(keys)));
	}

	record ShiftsPayload(List<ShiftView> shifts, List<UserError> userErrors) implements MutationPayload {

		static ShiftsPayload of(Outcome<List<ShiftView>> outcome) {
			return new ShiftsPayload(outcome.value(), outcome.userErrors());
		}
	}

	record SignUpPayload(SignUpView signUp, List<UserError> userErrors) implements MutationPayload {

		static SignUpPayload of(Outcome<SignUpView> outcome) {
			return new SignUpPayload(outcome.value(), outcome.userErrors());
		}
	}

	record ShiftAttendancePayload(ShiftView shift, ActivityView activity, List<UserError> userErrors)
			implements MutationPayload {

		static ShiftAttendancePayload of(Outcome<Roster.ShiftAttendance> outcome) {
			return outcome.isOk()
					? new ShiftAttendancePayload(outcome.value().shift(), outcome.value().activity(), List.of())
					: new ShiftAttendancePayload(null, null, outcome.userErrors());
		}
	}

	record TeamShiftsKey(long teamId, Instant from, Instant to, Caller caller) {
		static final String LOADER = "teamShifts";
	}

	record SignUpsKey(long shiftId, boolean includeWithdrawn, Caller caller) {
		static final String LOADER = "shiftSignUps";
	}

	@QueryMapping
	ShiftView shift(@Argument long id) {
		return roster.shift(Caller.current(), id).orElse(null);
	}

	@QueryMapping
	List<ShiftView> understaffedShifts(@Argument long areaId, @Argument OffsetDateTime from,
			@Argument OffsetDateTime to) {
		return roster.understaffed(Caller.current(), areaId, from.toInstant(), to.toInstant());
	}

	@SchemaMapping(typeName = "Team")
	CompletableFuture<List<ShiftView>> shifts(TeamView team, @Argument OffsetDateTime from,
			@Argument OffsetDateTime to, DataLoader<TeamShiftsKey, List<ShiftView>> teamShifts) {
		return teamShifts.load(new TeamShiftsKey(team.id(), from.toInstant(), to.toInstant(), Caller.current()));
	}

	@BatchMapping(typeName = "Shift")
	Map<ShiftView, TeamView> team(List<ShiftView> shifts) {
		Map<Long, TeamView> found = teams.teamsByIds(Caller.current(),
				shifts.stream().map(ShiftView::teamId).collect(Collectors.toSet()));
		Map<ShiftView, TeamView> result = new HashMap<>();
		shifts.forEach(s -> result.put(s, found.get(s.teamId())));
		return result;
	}

	@BatchMapping(typeName = "Shift")
	Map<ShiftView, AreaView> area(List<ShiftView> shifts) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(),
				shifts.stream().map(ShiftView::areaId).collect(Collectors.toSet()));
		Map<ShiftView, AreaView> result = new HashMap<>();
		shifts.forEach(s -> {
			if (areas.containsKey(s.areaId())) {
				result.put(s, areas.get(s.areaId()));
			}
		});
		return result;
	}

	@SchemaMapping(typeName = "Shift")
	CompletableFuture<List<SignUpView>> signUps(ShiftView shift, @Argument Boolean includeWithdrawn,
			DataLoader<SignUpsKey, List<SignUpView>> shiftSignUps) {
		return shiftSignUps.load(new SignUpsKey(shift.id(), Boolean.TRUE.equals(includeWithdrawn), Caller.current()));
	}

	@BatchMapping(typeName = "ShiftSignUp")
	Map<SignUpView, ShiftView> shift(List<SignUpView> signUps) {
		Map<Long, ShiftView> found = roster.shiftsByIds(Caller.current(), signUps.stream().map(SignUpView::shiftId)
			.collect(Collectors.toSet()));
		Map<SignUpView, ShiftView> result = new HashMap<>();
		signUps.forEach(s -> result.put(s, found.get(s.shiftId())));
		return result;
	}

	@BatchMapping(typeName = "ShiftSignUp")
	Map<SignUpView, VolunteerView> volunteer(List<SignUpView> signUps) {
		Map<Long, VolunteerView> found = teams.volunteersByIds(Caller.current(), signUps.stream().map(SignUpView::volunteerId)
			.collect(Collectors.toSet()));
		Map<SignUpView, VolunteerView> result = new HashMap<>();
		signUps.forEach(s -> result.put(s, found.get(s.volunteerId())));
		return result;
	}

	@MutationMapping
	ShiftsPayload shiftSchedule(@Argument ShiftScheduleInput input) {
		return ShiftsPayload.of(roster.schedule(Caller.current(), input));
	}

	@MutationMapping
	ShiftsPayload shiftCancel(@Argument ShiftCancelInput input) {
		return ShiftsPayload.of(roster.cancel(Caller.current(), input));
	}

	@MutationMapping
	SignUpPayload shiftSignUp(@Argument ShiftSignUpInput input) {
		return SignUpPayload.of(roster.signUp(Caller.current(), input));
	}

	@MutationMapping
	SignUpPayload shiftWithdraw(@Argument ShiftWithdrawInput input) {
		return SignUpPayload.of(roster.withdraw(Caller.current(), input));
	}

	@MutationMapping
	SignUpPayload shiftCheckIn(@Argument ShiftCheckInInput input) {
		return SignUpPayload.of(roster.checkIn(Caller.current(), input));
	}

	@MutationMapping
	SignUpPayload shiftCheckOut(@Argument ShiftCheckOutInput input) {
		return SignUpPayload.of(roster.checkOut(Caller.current(), input));
	}

	@MutationMapping
	ShiftAttendancePayload shiftAttendanceRecord(@Argument ShiftAttendanceRecordInput input) {
		return ShiftAttendancePayload.of(roster.recordAttendance(Caller.current(), input));
	}

	private Map<TeamShiftsKey, List> loadTeamShifts(Set<TeamShiftsKey> keys) {
		Map<TeamShiftsKey, List> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> List.of(k.from(), k.to(), k.caller()))).values().forEach(group -> {
			TeamShiftsKey any = group.get(0);
			Map<Long, List<ShiftView>> found = roster.shiftsOfTeams(any.caller(),
					group.stream().map(TeamShiftsKey::teamId).collect(Collectors.toSet()), any.from(), any.to());
			group.forEach(key -> result.put(key, found.getOrDefault(key.teamId(), List.of())));
		});
		return result;
	}

	private Map<SignUpsKey, List> loadSignUps(Set<SignUpsKey> keys) {
		Map<SignUpsKey, List> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> List.of(k.includeWithdrawn(), k.caller()))).values().forEach(group -> {
			SignUpsKey any = group.get(0);
			Map<Long, List<SignUpView>> found = roster.signUpsOf(any.caller(),
					group.stream().map(SignUpsKey::shiftId).collect(Collectors.toSet()), any.includeWithdrawn());
			group.forEach(key -> result.put(key, found.getOrDefault(key.shiftId(), List.of())));
		});
		return result;
	}
}
