package org.zhufang.grids.graphql;

import java.util.Collection;
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
import org.zhufang.grids.AreaFilter;
import org.zhufang.grids.AreaInputs.AreaCreateInput;
import org.zhufang.grids.AreaInputs.AreaRetireInput;
import org.zhufang.grids.AreaInputs.AreaUpdateInput;
import org.zhufang.grids.AreaLevel;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.grids.GridStaffView;
import org.zhufang.grids.StaffRole;
import org.zhufang.shared.Caller;
import org.zhufang.shared.MutationPayload;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;
import reactor.core.publisher.Mono;

/**
 * The area tree in GraphQL. Nested fields load in batches: one statement per field per level of
 * a query, whatever the number of areas.
 */
@Controller
class AreaController {

	private final GridNetwork network;

	AreaController(GridNetwork network, BatchLoaderRegistry registry) {
		this.network = network;
		registry.forTypePair(ChildrenKey.class, Connection.class)
			.withName(ChildrenKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadChildren(keys)));
		registry.forTypePair(StaffKey.class, List.class)
			.withName(StaffKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> loadStaff(keys)));
	}

	record AreaPayload(AreaView area, List<UserError> userErrors) implements MutationPayload {

		static AreaPayload of(Outcome<AreaView> outcome) {
			return new AreaPayload(outcome.value(), outcome.userErrors());
		}
	}

	/** Children of one parent, with the page asked for (the same for every parent of a list). */
	record ChildrenKey(long parentId, PageRequest page, boolean withCount) {
		static final String LOADER = "areaChildren";
	}

	/** Staff of one grid, ended ones included or not. */
	record StaffKey(long gridId, boolean includeEnded) {
		static final String LOADER = "gridStaff";
	}

	@QueryMapping
	AreaView area(@Argument long id) {
		return network.area(Caller.current(), id).orElse(null);
	}

	@QueryMapping
	AreaView areaByCode(@Argument String code) {
		return network.areaByCode(Caller.current(), code).orElse(null);
	}

	@QueryMapping
	Connection<AreaView> areas(@Argument AreaFilter filter, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
		return network.areas(Caller.current(), filter == null ? AreaFilter.none() : filter,
				PageRequest.of(first, after, last, before), selection.contains("totalCount"));
	}

	@BatchMapping(typeName = "Area")
	Map<AreaView, AreaView> parent(List<AreaView> areas) {
		Set<Long> parentIds = areas.stream().map(AreaView::parentId).filter(id -> id != null).collect(Collectors.toSet());
		Map<Long, AreaView> parents = network.areasByIds(Caller.current(), parentIds);
		Map<AreaView, AreaView> result = new HashMap<>();
		for (AreaView area : areas) {
			AreaView parent = area.parentId() == null ? null : parents.get(area.parentId());
			if (parent != null) {
				result.put(area, parent);
			}
		}
		return result;
	}

	@BatchMapping(typeName = "Area")
	Map<AreaView, List<AreaView>> ancestors(List<AreaView> areas) {
		Set<Long> ids = areas.stream().flatMap(a -> a.ancestorIds().stream()).collect(Collectors.toSet());
		Map<Long, AreaView> ancestors = network.areasByIds(Caller.current(), ids);
		Map<AreaView, List<AreaView>> result = new LinkedHashMap<>();
		for (AreaView area : areas) {
			result.put(area, area.ancestorIds().stream().map(ancestors::get).filter(a -> a != null).toList());
		}
		return result;
	}

	@SchemaMapping(typeName = "Area")
	CompletableFuture<Connection<AreaView>> children(AreaView area, @Argument Integer first, @Argument String after,
			DataFetchingFieldSelectionSet selection, DataLoader<ChildrenKey, Connection<AreaView>> areaChildren) {
		return areaChildren.load(new ChildrenKey(area.id(), PageRequest.first(first, after), selection.contains("totalCount")));
	}

	@SchemaMapping(typeName = "Area")
	CompletableFuture<List<GridStaffView>> gridStaff(AreaView area, @Argument Boolean includeEnded,
			DataLoader<StaffKey, List<GridStaffView>> gridStaff) {
		if (area.level() != AreaLevel.GRID) {
			return CompletableFuture.completedFuture(List.of());
		}
		return gridStaff.load(new StaffKey(area.id(), Boolean.TRUE.equals(includeEnded)));
	}

	@SchemaMapping(typeName = "Area")
	CompletableFuture<Boolean> complete(AreaView area, DataLoader<StaffKey, List<GridStaffView>> gridStaff) {
		if (area.level() != AreaLevel.GRID) {
			return CompletableFuture.completedFuture(null);
		}
		return gridStaff.load(new StaffKey(area.id(), false)).thenApply(AreaController::isComplete);
	}

	@MutationMapping
	AreaPayload areaCreate(@Argument AreaCreateInput input) {
		return AreaPayload.of(network.createArea(Caller.current(), input));
	}

	@MutationMapping
	AreaPayload areaUpdate(@Argument AreaUpdateInput input) {
		return AreaPayload.of(network.updateArea(Caller.current(), input));
	}

	@MutationMapping
	AreaPayload areaRetire(@Argument AreaRetireInput input) {
		return AreaPayload.of(network.retireArea(Caller.current(), input));
	}

	static boolean isComplete(List<GridStaffView> active) {
		Set<StaffRole> roles = active.stream().map(GridStaffView::role).collect(Collectors.toSet());
		return roles.contains(StaffRole.CHIEF) && roles.contains(StaffRole.DEPUTY_CHIEF) && roles.contains(StaffRole.MEMBER);
	}

	private Map<ChildrenKey, Connection> loadChildren(Set<ChildrenKey> keys) {
		Map<ChildrenKey, Connection> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> List.of(k.page(), k.withCount()))).values().forEach(group -> {
			ChildrenKey any = group.get(0);
			Map<Long, Connection<AreaView>> pages = network.children(ids(group, ChildrenKey::parentId), any.page(), any.withCount());
			group.forEach(key -> result.put(key, pages.get(key.parentId())));
		});
		return result;
	}

	private Map<StaffKey, List> loadStaff(Set<StaffKey> keys) {
		Map<StaffKey, List> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(StaffKey::includeEnded)).forEach((includeEnded, group) -> {
			Map<Long, List<GridStaffView>> staff = network.staff(ids(group, StaffKey::gridId), includeEnded);
			group.forEach(key -> result.put(key, staff.getOrDefault(key.gridId(), List.of())));
		});
		return result;
	}

	private static <K> Collection<Long> ids(List<K> keys, java.util.function.ToLongFunction<K> id) {
		return keys.stream().map(k -> id.applyAsLong(k)).collect(Collectors.toSet());
	}
}
