package org.zhufang.officers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.shared.BureauClock;
import org.zhufang.officers.OfficerInputs.PoliceOfficeCreateInput;
import org.zhufang.officers.OfficerInputs.VisitLogInput;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * The officers module's root lists ({@code policeOffices}, {@code officers}, {@code visits}) page
 * backwards with {@code last}/{@code before} as well as forwards: walking back from the end meets
 * the same rows in reverse, each page the slice right before its cursor, with the right
 * {@code hasPreviousPage}/{@code hasNextPage}.
 */
@IntegrationTest
class OfficerListsPagingIntegrationTests extends OfficerFixtures {

	private static final String QUERY = """
			query($filter: %s, $first: Int, $after: String, $last: Int, $before: String) {
			  %s(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
			    totalCount
			    edges { cursor node { id } }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}""";

	GraphQlTester admin;

	@BeforeEach
	void build() {
		buildCounty();
		admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, county));
	}

	@Test
	void policeOfficesPageBackwardsOverTheSameRowsAsForwards() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(String.valueOf(ok(stations.createOffice(system, new PoliceOfficeCreateInput(station.id(),
					"警务室" + i, village.id(), PoliceOfficeMode.VILLAGE, "南王庄村" + i + "组", false, null))).id()));
		}
		assertWalksBothWays("policeOffices", "PoliceOfficeFilter", Map.of("stationId", station.id()), ids);
	}

	@Test
	void officersPageBackwardsOverTheSameRowsAsForwards() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(String.valueOf(officer("民警" + i, station, i % 2 == 0).id()));
		}
		assertWalksBothWays("officers", "OfficerFilter", Map.of("stationId", station.id()), ids);
	}

	@Test
	void visitsPageBackwardsFromTheOldestOverTheSameRowsAsForwardsFromTheNewest() {
		OfficerView officer = officer("李卫东", station, true);
		assign(village, officer);
		LocalDate today = LocalDate.now(BureauClock.ZONE);
		// two visits share a day: the id breaks the tie in both directions
		List<LocalDate> days = List.of(today.minusDays(9), today.minusDays(3), today.minusDays(3), today.minusDays(1),
				today.minusDays(20));
		Map<Long, LocalDate> logged = new HashMap<>();
		for (LocalDate day : days) {
			VisitView visit = ok(visits.log(system, new VisitLogInput(officer.id(), village.id(), null, day,
					"南王庄村" + logged.size() + "号", null, VisitPurpose.ROUTINE, 0, null, null, null, null)));
			logged.put(visit.id(), visit.visitedOn());
		}
		List<String> newestFirst = logged.keySet().stream()
			.sorted((a, b) -> logged.get(a).equals(logged.get(b)) ? Long.compare(b, a) : logged.get(b).compareTo(logged.get(a)))
			.map(String::valueOf).toList();
		assertWalksBothWays("visits", "VisitFilter", Map.of("officerId", officer.id()), newestFirst);
	}

	@Test
	void refusesFirstWithLastAndAForwardCursorGoingBackwards() {
		officer("民警", station, true);
		Page first = page("officers", "OfficerFilter", Map.of("stationId", station.id()), Map.of("first", 1));
		for (Map<String, Object> arguments : List.<Map<String, Object>>of(Map.of("first", 1, "last", 1),
				Map.of("last", 1, "after", first.end()))) {
			GraphQlTester.Request<?> request = admin.document(QUERY.formatted("OfficerFilter", "officers"));
			arguments.forEach(request::variable);
			request.execute()
				.errors().satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
		}
	}

	/**
	 * Pages of two forwards, then of two backwards from the end: for five rows {@code [1,2] [3,4]
	 * [5]} and {@code [4,5] [2,3] [1]}; and a forward page after a backward cursor continues there.
	 */
	private void assertWalksBothWays(String field, String filterType, Map<String, Object> filter, List<String> expected) {
		assertThat(expected).hasSize(5);
		List<Page> forwards = new ArrayList<>();
		Page page = page(field, filterType, filter, Map.of("first", 2));
		forwards.add(page);
		while (page.hasNext()) {
			page = page(field, filterType, filter, Map.of("first", 2, "after", page.end()));
			forwards.add(page);
		}
		assertThat(forwards).extracting(Page::ids)
			.containsExactly(expected.subList(0, 2), expected.subList(2, 4), expected.subList(4, 5));
		assertThat(forwards).extracting(Page::hasNext).containsExactly(true, true, false);
		assertThat(forwards).extracting(Page::hasPrevious).containsExactly(false, true, true);

		List<Page> backwards = new ArrayList<>();
		page = page(field, filterType, filter, Map.of("last", 2));
		backwards.add(page);
		while (page.hasPrevious()) {
			page = page(field, filterType, filter, Map.of("last", 2, "before", page.start()));
			backwards.add(page);
		}
		assertThat(backwards).extracting(Page::ids)
			.containsExactly(expected.subList(3, 5), expected.subList(1, 3), expected.subList(0, 1));
		assertThat(backwards).extracting(Page::hasPrevious).containsExactly(true, true, false);
		assertThat(backwards).extracting(Page::hasNext).containsExactly(false, true, true);
		List<String> walkedBack = new ArrayList<>();
		backwards.forEach(p -> walkedBack.addAll(0, p.ids()));
		assertThat(walkedBack).isEqualTo(expected);
		assertThat(forwards).extracting(Page::total).containsOnly(5);
		assertThat(backwards).extracting(Page::total).containsOnly(5);
		List<String> reversed = new ArrayList<>(expected);
		Collections.reverse(reversed);
		List<String> readBackwards = new ArrayList<>();
		backwards.forEach(p -> {
			List<String> ids = new ArrayList<>(p.ids());
			Collections.reverse(ids);
			readBackwards.addAll(ids);
		});
		assertThat(readBackwards).isEqualTo(reversed);

		assertThat(page(field, filterType, filter, Map.of("first", 2, "after", backwards.get(1).end())).ids())
			.isEqualTo(expected.subList(3, 5));
		assertThat(page(field, filterType, filter, Map.of("last", 10)).ids()).isEqualTo(expected);
	}

	private Page page(String field, String filterType, Map<String, Object> filter, Map<String, Object> arguments) {
		Map<String, Object> variables = new HashMap<>(arguments);
		variables.put("filter", filter);
		GraphQlTester.Request<?> request = admin.document(QUERY.formatted(filterType, field));
		variables.forEach(request::variable);
		GraphQlTester.Response response = request.execute();
		int total = response.path(field + ".totalCount").entity(Integer.class).get();
		List<String> ids = response.path(field + ".edges[*].node.id").entityList(String.class).get();
		List<String> cursors = response.path(field + ".edges[*].cursor").entityList(String.class).get();
		Map<?, ?> info = response.path(field + ".pageInfo").entity(Map.class).get();
		if (!cursors.isEmpty()) {
			assertThat(info.get("startCursor")).isEqualTo(cursors.get(0));
			assertThat(info.get("endCursor")).isEqualTo(cursors.get(cursors.size() - 1));
		}
		return new Page(total, ids, (Boolean) info.get("hasNextPage"), (Boolean) info.get("hasPreviousPage"),
				(String) info.get("startCursor"), (String) info.get("endCursor"));
	}

	private record Page(int total, List<String> ids, boolean hasNext, boolean hasPrevious, String start, String end) {
	}
}
