package org.zhufang.officers.graphql;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.zhufang.grids.AreaLevel;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.officers.OfficerCoverageView;
import org.zhufang.officers.OfficerFilter;
import org.zhufang.officers.OfficerInputs.OfficerRegisterInput;
import org.zhufang.officers.OfficerInputs.OfficerTransferInput;
import org.zhufang.officers.OfficerInputs.OfficerUpdateInput;
import org.zhufang.officers.OfficerInputs.VillageOfficerAssignInput;
import org.zhufang.officers.OfficerInputs.VillageOfficerEndInput;
import org.zhufang.officers.OfficerRoster;
import org.zhufang.officers.OfficerTransferView;
import org.zhufang.officers.OfficerView;
import org.zhufang.officers.PoliceOfficeView;
import org.zhufang.officers.StaffingView;
import org.zhufang.officers.StaffingView.StationStaffingView;
import org.zhufang.officers.StationRegistry;
import org.zhufang.officers.StationView;
import org.zhufang.officers.VillageOfficerView;
import org.zhufang.shared.Caller;
import org.zhufang.shared.MutationPayload;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.PersonalData;
import org.zhufang.shared.Role;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;

import static org.zhufang.officers.graphql.StationController.ids;

/**
 * Officers, village assignments, coverage and staffing in GraphQL, including the fields this
 * module adds to {@code Area}. Every nested field loads in one batch per level of a query.
 */
@Controller
class OfficerController {

	/**
	 * Who sees officers' phones in clear (for officers inside their jurisdiction, which is all
	 * they can reach): the bureau, station chiefs, and the colleagues who work with the officer.
	 */
	private static final Set<Role> COLLEAGUES = Set.of(Role.BUREAU_ADMIN, Role.STATION_CHIEF, Role.COMMUNITY_OFFICER,
			Role.GRID_MEMBER);

	private final OfficerRoster roster;

	private final StationRegistry stations;

	private final GridNetwork grids;

	private final PersonalData.RevealLog revealLog;

	OfficerController(OfficerRoster roster, StationRegistry stations, GridNetwork grids,
			PersonalData.RevealLog revealLog) {
		this.roster = roster;
		this.stations = stations;
		this.grids = grids;
		this.revealLog = revealLog;
	}

	record OfficerPayload(OfficerView officer, List<UserError> userErrors) implements MutationPayload {

		static OfficerPayload of(Outcome<OfficerView> outcome) {
			return new OfficerPayload(outcome.value(), outcome.userErrors());
		}
	}

	record VillageOfficerPayload(VillageOfficerView assignment, List<UserError> userErrors) implements MutationPayload {

		static VillageOfficerPayload of(Outcome<VillageOfficerView> outcome) {
			return new VillageOfficerPayload(outcome.value(), outcome.userErrors());
		}
	}

	// Queries and mutations

	@QueryMapping
	Connection<OfficerView> officers(@Argument OfficerFilter filter, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
		return roster.officers(Caller.current(), filter == null ? OfficerFilter.none() : filter,
				PageRequest.of(first, after, last, before), selection.contains("totalCount"));
	}

	@QueryMapping
	OfficerView officer(@Argument long id) {
		return roster.officer(Caller.current(), id).orElse(null);
	}

	@QueryMapping
	StaffingView staffing(@Argument long areaId, @Argument LocalDate from, @Argument LocalDate to) {
		return roster.staffing(Caller.current(), areaId, from, to);
	}

	@MutationMapping
	OfficerPayload officerRegister(@Argument OfficerRegisterInput input) {
		return OfficerPayload.of(roster.register(Caller.current(), input));
	}

	@MutationMapping
	OfficerPayload officerUpdate(@Argument OfficerUpdateInput input) {
		return OfficerPayload.of(roster.update(Caller.current(), input));
	}

	@MutationMapping
	OfficerPayload officerTransfer(@Argument OfficerTransferInput input) {
		return OfficerPayload.of(roster.transfer(Caller.current(), input));
	}

	@MutationMapping
	VillageOfficerPayload villageOfficerAssign(@Argument VillageOfficerAssignInput input) {
		return VillageOfficerPayload.of(roster.assignVillage(Caller.current(), input));
	}

	@MutationMapping
	VillageOfficerPayload villageOfficerEnd(@Argument VillageOfficerEndInput input) {
		return VillageOfficerPayload.of(roster.endVillage(Caller.current(), input));
	}

	// Officer

	/** Phones of a whole list at once, so that the clear reads are audited in one entry. */
	@BatchMapping(typeName = "Officer")
	Map<OfficerView, String> phone(List<OfficerView> officers) {
		Caller caller = Caller.current();
		boolean reveal = PersonalData.mayReveal(caller, COLLEAGUES.contains(caller.role()));
		Map<OfficerView, String> result = new HashMap<>();
		officers.stream().filter(o -> o.phone() != null)
			.forEach(o -> result.put(o, reveal ? o.phone() : PersonalData.maskPhone(o.phone())));
		if (reveal && !result.isEmpty()) {
			revealLog.revealed(caller, "Officer", result.keySet().stream().map(OfficerView::id).sorted().toList(), "phone");
		}
		return result;
	}

	@BatchMapping(typeName = "Officer")
	Map<OfficerView, StationView> station(List<OfficerView> officers) {
		Map<Long, StationView> byId = stations.stationsByIds(Caller.current(), ids(officers, OfficerView::stationId));
		Map<OfficerView, StationView> result = new HashMap<>();
		officers.stream().filter(o -> o.stationId() != null && byId.containsKey(o.stationId()))
			.forEach(o -> result.put(o, byId.get(o.stationId())));
		return result;
	}

	@BatchMapping(typeName = "Officer")
	Map<OfficerView, PoliceOfficeView> policeOffice(List<OfficerView> officers) {
		Map<Long, PoliceOfficeView> byId = stations.officesByIds(Caller.current(), ids(officers, OfficerView::policeOfficeId));
		Map<OfficerView, PoliceOfficeView> result = new HashMap<>();
		officers.stream().filter(o -> o.policeOfficeId() != null && byId.containsKey(o.policeOfficeId()))
			.forEach(o -> result.put(o, byId.get(o.policeOfficeId())));
		return result;
	}

	@BatchMapping(typeName = "Officer")
	Map<OfficerView, List<AreaView>> villages(List<OfficerView> officers) {
		Map<Long, List<Long>> villageIds = roster.villagesOf(ids(officers, OfficerView::id));
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(),
				villageIds.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
		Map<OfficerView, List<AreaView>> result = new HashMap<>();
		officers.forEach(o -> result.put(o, villageIds.getOrDefault(o.id(), List.of()).stream().map(areas::get)
			.filter(a -> a != null).toList()));
		return result;
	}

	@BatchMapping(typeName = "Officer")
	Map<OfficerView, List<OfficerTransferView>> transfers(List<OfficerView> officers) {
		Map<Long, List<OfficerTransferView>> transfers = roster.transfersOf(ids(officers, OfficerView::id));
		Map<OfficerView, List<OfficerTransferView>> result = new HashMap<>();
		officers.forEach(o -> result.put(o, transfers.getOrDefault(o.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "OfficerTransfer")
	Map<OfficerTransferView, StationView> fromStation(List<OfficerTransferView> transfers) {
		return stationsOf(transfers, OfficerTransferView::fromStationId);
	}

	@BatchMapping(typeName = "OfficerTransfer")
	Map<OfficerTransferView, StationView> toStation(List<OfficerTransferView> transfers) {
		return stationsOf(transfers, OfficerTransferView::toStationId);
	}

	private <T> Map<T, StationView> stationsOf(List<T> items, java.util.function.Function<T, Long> stationId) {
		Map<Long, StationView> byId = stations.stationsByIds(Caller.current(), ids(items, stationId));
		Map<T, StationView> result = new HashMap<>();
		items.forEach(item -> {
			Long id = stationId.apply(item);
			if (id != null && byId.containsKey(id)) {
				result.put(item, byId.get(id));
			}
		});
		return result;
	}

	// Village assignments

	@BatchMapping(typeName = "VillageOfficerAssignment")
	Map<VillageOfficerView, AreaView> village(List<VillageOfficerView> assignments) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(), ids(assignments, VillageOfficerView::villageId));
		Map<VillageOfficerView, AreaView> result = new HashMap<>();
		assignments.forEach(a -> result.put(a, areas.get(a.villageId())));
		return result;
	}

	@BatchMapping(typeName = "VillageOfficerAssignment")
	Map<VillageOfficerView, OfficerView> officer(List<VillageOfficerView> assignments) {
		Map<Long, OfficerView> officers = roster.officersByIds(Caller.current(),
				ids(assignments, VillageOfficerView::officerId));
		Map<VillageOfficerView, OfficerView> result = new HashMap<>();
		assignments.stream().filter(a -> officers.containsKey(a.officerId()))
			.forEach(a -> result.put(a, officers.get(a.officerId())));
		return result;
	}

	// What this module adds to Area

	@BatchMapping(typeName = "Area")
	Map<AreaView, OfficerView> villageOfficer(List<AreaView> areas) {
		Map<Long, OfficerView> officers = roster.villageOfficers(villageIds(areas));
		Map<AreaView, OfficerView> result = new HashMap<>();
		areas.stream().filter(a -> officers.containsKey(a.id())).forEach(a -> result.put(a, officers.get(a.id())));
		return result;
	}

	@BatchMapping(typeName = "Area")
	Map<AreaView, List<VillageOfficerView>> villageOfficerHistory(List<AreaView> areas) {
		Map<Long, List<VillageOfficerView>> history = roster.villageOfficerHistory(villageIds(areas));
		Map<AreaView, List<VillageOfficerView>> result = new HashMap<>();
		areas.forEach(a -> result.put(a, history.getOrDefault(a.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "Area")
	Map<AreaView, OfficerCoverageView> officerCoverage(List<AreaView> areas) {
		Map<Long, OfficerCoverageView> coverage = roster.coverage(areas);
		Map<AreaView, OfficerCoverageView> result = new HashMap<>();
		areas.forEach(a -> result.put(a, coverage.get(a.id())));
		return result;
	}

	@BatchMapping(typeName = "OfficerCoverage")
	Map<OfficerCoverageView, List<AreaView>> uncovered(List<OfficerCoverageView> coverages) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(),
				coverages.stream().flatMap(c -> c.uncoveredVillageIds().stream()).collect(Collectors.toSet()));
		Map<OfficerCoverageView, List<AreaView>> result = new HashMap<>();
		coverages.forEach(c -> result.put(c, c.uncoveredVillageIds().stream().map(areas::get).filter(a -> a != null).toList()));
		return result;
	}

	// Staffing

	@SchemaMapping(typeName = "Staffing")
	AreaView area(StaffingView staffing) {
		return grids.area(Caller.current(), staffing.areaId()).orElse(null);
	}

	@BatchMapping(typeName = "StationStaffing", field = "station")
	Map<StationStaffingView, StationView> stationOfStaffing(List<StationStaffingView> rows) {
		return stationsOf(rows, StationStaffingView::stationId);
	}

	private static Set<Long> villageIds(List<AreaView> areas) {
		return areas.stream().filter(a -> a.level() == AreaLevel.VILLAGE).map(AreaView::id).collect(Collectors.toSet());
	}
}
