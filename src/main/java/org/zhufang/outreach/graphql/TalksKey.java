package org.zhufang.outreach.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.zhufang.outreach.TalkView;
import org.zhufang.shared.Caller;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;

/**
 * A nested page of talks (of a campaign, an officer or a team) for a DataLoader: parents asking
 * for the same page in the same request load together, in one statement.
 */
record TalksKey(long ownerId, PageRequest page, boolean withCount, Caller caller) {

	static final String CAMPAIGN_LOADER = "campaignTalks";

	static final String OFFICER_LOADER = "officerTalks";

	static final String TEAM_LOADER = "teamTalks";

	interface Loader {
		Map<Long, Connection<TalkView>> load(Caller caller, Collection<Long> ownerIds, PageRequest page, boolean withCount);
	}

	static TalksKey of(long ownerId, Integer first, String after, DataFetchingFieldSelectionSet selection) {
		return new TalksKey(ownerId, PageRequest.first(first, after), selection.contains("totalCount"), Caller.current());
	}

	@SuppressWarnings("rawtypes")
	static Map<TalksKey, Connection> load(Set<TalksKey> keys, Loader loader) {
		Map<TalksKey, Connection> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(k -> List.of(k.page(), k.withCount(), k.caller()))).values()
			.forEach(group -> {
				TalksKey any = group.get(0);
				Map<Long, Connection<TalkView>> pages = loader.load(any.caller(),
						group.stream().map(TalksKey::ownerId).collect(Collectors.toSet()), any.page(), any.withCount());
				group.forEach(key -> result.put(key, pages.get(key.ownerId())));
			});
		return result;
	}
}
