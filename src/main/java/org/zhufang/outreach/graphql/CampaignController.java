package org.zhufang.outreach.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.zhufang.outreach.CampaignFilter;
import org.zhufang.outreach.CampaignReachView;
import org.zhufang.outreach.CampaignView;
import org.zhufang.outreach.Campaigns;
import org.zhufang.outreach.OutreachInputs.CampaignActivateInput;
import org.zhufang.outreach.OutreachInputs.CampaignCloseInput;
import org.zhufang.outreach.OutreachInputs.CampaignCreateInput;
import org.zhufang.outreach.OutreachInputs.CampaignUpdateInput;
import org.zhufang.outreach.TalkView;
import org.zhufang.outreach.Talks;
import org.zhufang.shared.Caller;
import org.zhufang.shared.MutationPayload;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;
import reactor.core.publisher.Mono;

/** Campaigns in GraphQL; their areas, talks and reach load in one batch per level of a query. */
@Controller
class CampaignController {

	private final Campaigns campaigns;

	private final Talks talks;

	private final GridNetwork grids;

	CampaignController(Campaigns campaigns, Talks talks, GridNetwork grids, BatchLoaderRegistry registry) {
		this.campaigns = campaigns;
		this.talks = talks;
		this.grids = grids;
		registry.forTypePair(TalksKey.class, Connection.class).withName(TalksKey.CAMPAIGN_LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> TalksKey.load(keys, talks::talksOfCampaigns)));
	}

	record CampaignPayload(CampaignView campaign, List<UserError> userErrors) implements MutationPayload {

		static CampaignPayload of(Outcome<CampaignView> outcome) {
			return new CampaignPayload(outcome.value(), outcome.userErrors());
		}
	}

	@QueryMapping
	Connection<CampaignView> campaigns(@Argument CampaignFilter filter, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
		return campaigns.campaigns(Caller.current(), filter == null ? CampaignFilter.none() : filter,
				PageRequest.of(first, after, last, before), selection.contains("totalCount"));
	}

	@QueryMapping
	CampaignView campaign(@Argument long id) {
		return campaigns.campaign(Caller.current(), id).orElse(null);
	}

	@MutationMapping
	CampaignPayload campaignCreate(@Argument CampaignCreateInput input) {
		return CampaignPayload.of(campaigns.create(Caller.current(), input));
	}

	@MutationMapping
	CampaignPayload campaignUpdate(@Argument CampaignUpdateInput input) {
		return CampaignPayload.of(campaigns.update(Caller.current(), input));
	}

	@MutationMapping
	CampaignPayload campaignActivate(@Argument CampaignActivateInput input) {
		return CampaignPayload.of(campaigns.activate(Caller.current(), input));
	}

	@MutationMapping
	CampaignPayload campaignClose(@Argument CampaignCloseInput input) {
		return CampaignPayload.of(campaigns.close(Caller.current(), input));
	}

	@BatchMapping(typeName = "Campaign")
	Map<CampaignView, AreaView> area(List<CampaignView> list) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(),
				list.stream().map(CampaignView::areaId).collect(Collectors.toSet()));
		Map<CampaignView, AreaView> result = new HashMap<>();
		list.forEach(c -> {
			if (areas.containsKey(c.areaId())) {
				result.put(c, areas.get(c.areaId()));
			}
		});
		return result;
	}

	@BatchMapping(typeName = "Campaign")
	Map<CampaignView, CampaignReachView> reach(List<CampaignView> list) {
		Map<Long, CampaignReachView> found = campaigns.reach(Caller.current(), list);
		Map<CampaignView, CampaignReachView> result = new HashMap<>();
		list.forEach(c -> result.put(c, found.get(c.id())));
		return result;
	}

	@SchemaMapping(typeName = "Campaign")
	CompletableFuture<Connection<TalkView>> talks(CampaignView campaign, @Argument Integer first,
			@Argument String after, DataFetchingFieldSelectionSet selection,
			DataLoader<TalksKey, Connection<TalkView>> campaignTalks) {
		return campaignTalks.load(TalksKey.of(campaign.id(), first, after, selection));
	}
}
