package org.zhufang.outreach.graphql;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.outreach.ReachDimension;
import org.zhufang.outreach.ReachFigures;
import org.zhufang.outreach.ReachView;
import org.zhufang.shared.Caller;
import reactor.core.publisher.Mono;

/** Reach in GraphQL: per area and period with breakdowns, and {@code Area.outreach} in one batch per level. */
@Controller
class ReachController {

	private final ReachFigures reach;

	private final GridNetwork grids;

	ReachController(ReachFigures reach, GridNetwork grids, BatchLoaderRegistry registry) {
		this.reach = reach;
		this.grids = grids;
		registry.forTypePair(AreaReachKey.class, ReachView.class).withName(AreaReachKey.LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> load(keys)));
	}

	/** An area's reach in a period; areas asking for the same period load together. */
	record AreaReachKey(AreaView area, LocalDate from, LocalDate to) {
		static final String LOADER = "areaOutreach";
	}

	@QueryMapping
	ReachView outreachReach(@Argument long areaId, @Argument LocalDate from, @Argument LocalDate to,
			@Argument List<ReachDimension> groupBy) {
		return reach.reach(Caller.current(), areaId, from, to, groupBy);
	}

	@SchemaMapping(typeName = "Area")
	CompletableFuture<ReachView> outreach(AreaView area, @Argument LocalDate from, @Argument LocalDate to,
			DataLoader<AreaReachKey, ReachView> areaOutreach) {
		return areaOutreach.load(new AreaReachKey(area, from, to));
	}

	@BatchMapping(typeName = "OutreachReach")
	Map<ReachView, AreaView> area(List<ReachView> list) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(),
				list.stream().map(ReachView::areaId).collect(Collectors.toSet()));
		Map<ReachView, AreaView> result = new HashMap<>();
		list.forEach(r -> {
			if (areas.containsKey(r.areaId())) {
				result.put(r, areas.get(r.areaId()));
			}
		});
		return result;
	}

	private Map<AreaReachKey, ReachView> load(Set<AreaReachKey> keys) {
		Map<AreaReachKey, ReachView> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> java.util.Arrays.asList(k.from(), k.to()))).values()
			.forEach(group -> {
				Map<Long, ReachView> found = reach.reachOf(group.stream().map(AreaReachKey::area).toList(),
						group.get(0).from(), group.get(0).to());
				group.forEach(key -> result.put(key, found.get(key.area().id())));
			});
		return result;
	}
}
