package org.zhufang.officers.graphql;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.officers.OfficerInputs.VisitLogInput;
import org.zhufang.officers.OfficerRoster;
import org.zhufang.officers.OfficerView;
import org.zhufang.officers.VisitFilter;
import org.zhufang.officers.VisitFiguresView;
import org.zhufang.officers.VisitRecords;
import org.zhufang.officers.VisitView;
import org.zhufang.shared.Caller;
import org.zhufang.shared.MutationPayload;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;

import static org.zhufang.officers.graphql.StationController.ids;

/** Visits and their figures in GraphQL. */
@Controller
class VisitController {

	private final VisitRecords visits;

	private final OfficerRoster roster;

	private final GridNetwork grids;

	VisitController(VisitRecords visits, OfficerRoster roster, GridNetwork grids) {
		this.visits = visits;
		this.roster = roster;
		this.grids = grids;
	}

	record VisitPayload(VisitView visit, List<UserError> userErrors) implements MutationPayload {

		static VisitPayload of(Outcome<VisitView> outcome) {
			return new VisitPayload(outcome.value(), outcome.userErrors());
		}
	}

	@QueryMapping
	Connection<VisitView> visits(@Argument VisitFilter filter, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
		return visits.visits(Caller.current(), filter == null ? VisitFilter.none() : filter,
				PageRequest.of(first, after, last, before), selection.contains("totalCount"));
	}

	@QueryMapping
	VisitFiguresView visitFigures(@Argument long areaId, @Argument LocalDate from, @Argument LocalDate to) {
		return visits.figures(Caller.current(), areaId, from, to);
	}

	@MutationMapping
	VisitPayload visitLog(@Argument VisitLogInput input) {
		return VisitPayload.of(visits.log(Caller.current(), input));
	}

	@SchemaMapping(typeName = "VisitFigures")
	AreaView area(VisitFiguresView figures) {
		return grids.area(Caller.current(), figures.areaId()).orElse(null);
	}

	@BatchMapping(typeName = "Visit")
	Map<VisitView, OfficerView> officer(List<VisitView> list) {
		Map<Long, OfficerView> officers = roster.officersByIds(Caller.current(), ids(list, VisitView::officerId));
		Map<VisitView, OfficerView> result = new HashMap<>();
		list.forEach(v -> {
			if (officers.containsKey(v.officerId())) {
				result.put(v, officers.get(v.officerId()));
			}
		});
		return result;
	}

	@BatchMapping(typeName = "Visit")
	Map<VisitView, AreaView> village(List<VisitView> list) {
		return areas(list, VisitView::villageId);
	}

	@BatchMapping(typeName = "Visit")
	Map<VisitView, AreaView> grid(List<VisitView> list) {
		return areas(list, VisitView::gridId);
	}

	private Map<VisitView, AreaView> areas(List<VisitView> list, java.util.function.Function<VisitView, Long> id) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(), ids(list, id));
		Map<VisitView, AreaView> result = new HashMap<>();
		list.forEach(v -> {
			Long areaId = id.apply(v);
			if (areaId != null && areas.containsKey(areaId)) {
				result.put(v, areas.get(areaId));
			}
		});
		return result;
	}
}
