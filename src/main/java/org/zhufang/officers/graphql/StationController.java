package org.zhufang.officers.graphql;

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
import org.springframework.stereotype.Controller;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.officers.OfficerInputs.PoliceOfficeCreateInput;
import org.zhufang.officers.OfficerInputs.PoliceOfficeUpdateInput;
import org.zhufang.officers.OfficerInputs.StationCreateInput;
import org.zhufang.officers.OfficerInputs.StationTownMoveInput;
import org.zhufang.officers.OfficerInputs.StationUpdateInput;
import org.zhufang.officers.PoliceOfficeFilter;
import org.zhufang.officers.PoliceOfficeView;
import org.zhufang.officers.StationRegistry;
import org.zhufang.officers.StationView;
import org.zhufang.shared.Caller;
import org.zhufang.shared.MutationPayload;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;

/** Stations and police offices in GraphQL; nested fields load in batches. */
@Controller
class StationController {

	private final StationRegistry registry;

	private final GridNetwork grids;

	StationController(StationRegistry registry, GridNetwork grids) {
		this.registry = registry;
		this.grids = grids;
	}

	record StationPayload(StationView station, List<UserError> userErrors) implements MutationPayload {

		static StationPayload of(Outcome<StationView> outcome) {
			return new StationPayload(outcome.value(), outcome.userErrors());
		}
	}

	record PoliceOfficePayload(PoliceOfficeView policeOffice, List<UserError> userErrors) implements MutationPayload {

		static PoliceOfficePayload of(Outcome<PoliceOfficeView> outcome) {
			return new PoliceOfficePayload(outcome.value(), outcome.userErrors());
		}
	}

	@QueryMapping
	List<StationView> stations() {
		return registry.stations(Caller.current());
	}

	@QueryMapping
	StationView station(@Argument long id) {
		return registry.station(Caller.current(), id).orElse(null);
	}

	@QueryMapping
	Connection<PoliceOfficeView> policeOffices(@Argument PoliceOfficeFilter filter, @Argument Integer first,
			@Argument String after, @Argument Integer last, @Argument String before,
			DataFetchingFieldSelectionSet selection) {
		return registry.policeOffices(Caller.current(), filter == null ? PoliceOfficeFilter.none() : filter,
				PageRequest.of(first, after, last, before), selection.contains("totalCount"));
	}

	@MutationMapping
	StationPayload stationCreate(@Argument StationCreateInput input) {
		return StationPayload.of(registry.createStation(Caller.current(), input));
	}

	@MutationMapping
	StationPayload stationUpdate(@Argument StationUpdateInput input) {
		return StationPayload.of(registry.updateStation(Caller.current(), input));
	}

	@MutationMapping
	StationPayload stationTownMove(@Argument StationTownMoveInput input) {
		return StationPayload.of(registry.moveTown(Caller.current(), input));
	}

	@MutationMapping
	PoliceOfficePayload policeOfficeCreate(@Argument PoliceOfficeCreateInput input) {
		return PoliceOfficePayload.of(registry.createOffice(Caller.current(), input));
	}

	@MutationMapping
	PoliceOfficePayload policeOfficeUpdate(@Argument PoliceOfficeUpdateInput input) {
		return PoliceOfficePayload.of(registry.updateOffice(Caller.current(), input));
	}

	@BatchMapping(typeName = "Station")
	Map<StationView, List<AreaView>> towns(List<StationView> stations) {
		Map<Long, AreaView> towns = grids.areasByIds(Caller.current(),
				stations.stream().flatMap(s -> s.townIds().stream()).collect(Collectors.toSet()));
		Map<StationView, List<AreaView>> result = new HashMap<>();
		stations.forEach(s -> result.put(s, s.townIds().stream().map(towns::get).filter(t -> t != null).toList()));
		return result;
	}

	@BatchMapping(typeName = "Station")
	Map<StationView, List<PoliceOfficeView>> policeOffices(List<StationView> stations) {
		Map<Long, List<PoliceOfficeView>> offices = registry.officesOfStations(Caller.current(), ids(stations, StationView::id));
		Map<StationView, List<PoliceOfficeView>> result = new HashMap<>();
		stations.forEach(s -> result.put(s, offices.getOrDefault(s.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "PoliceOffice")
	Map<PoliceOfficeView, StationView> station(List<PoliceOfficeView> offices) {
		Map<Long, StationView> stations = registry.stationsByIds(Caller.current(), ids(offices, PoliceOfficeView::stationId));
		Map<PoliceOfficeView, StationView> result = new HashMap<>();
		offices.stream().filter(o -> stations.containsKey(o.stationId())).forEach(o -> result.put(o, stations.get(o.stationId())));
		return result;
	}

	@BatchMapping(typeName = "PoliceOffice")
	Map<PoliceOfficeView, AreaView> area(List<PoliceOfficeView> offices) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(), ids(offices, PoliceOfficeView::areaId));
		Map<PoliceOfficeView, AreaView> result = new HashMap<>();
		offices.forEach(o -> {
			AreaView area = areas.get(o.areaId());
			if (area != null) {
				result.put(o, area);
			}
		});
		return result;
	}

	static <T> Set<Long> ids(List<T> items, java.util.function.Function<T, Long> id) {
		return items.stream().map(id).filter(i -> i != null).collect(Collectors.toSet());
	}
}
