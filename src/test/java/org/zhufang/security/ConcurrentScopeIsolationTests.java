package org.zhufang.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridStaffView;
import org.zhufang.grids.StaffRole;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users of different scopes run the same batched query at the same time: the batch loaders
 * behind {@code parent}, {@code children}, {@code gridStaff} and {@code grid} must answer each
 * request for its own caller, never with rows loaded for another's.
 */
@IntegrationTest
class ConcurrentScopeIsolationTests {

	private static final int REQUESTS_PER_USER = 25;

	@Autowired
	TestWorld world;

	/** A signed-in user and everything its answers may contain. */
	record User(String username, AreaView root, Set<String> areaIds, Set<String> codes, Set<String> gridIds,
			Set<String> staffIds) {
	}

	/** What one answer reached. */
	record Reached(Set<String> areaIds, Set<String> codes, Set<String> staffIds) {

		Reached() {
			this(new HashSet<>(), new HashSet<>(), new HashSet<>());
		}
	}

	private final Map<AreaView, List<AreaView>> childrenOf = new LinkedHashMap<>();

	private final Map<AreaView, List<GridStaffView>> staffOf = new LinkedHashMap<>();

	private TestWorld.Tree tree;

	@Test
	void usersOfDifferentScopesQueryingTheSameBatchedFieldsAtOnceNeverSeeEachOthersAreas() throws Exception {
		tree = world.county("并发隔离县");
		AreaView townA = child(tree.county(), "东镇");
		AreaView townB = child(tree.county(), "西镇");
		List<AreaView> villages = List.of(child(townA, "东一村"), child(townA, "东二村"), child(townB, "西一村"),
				child(townB, "西二村"));
		int phone = 0;
		for (AreaView village : villages) {
			for (int g = 1; g <= 3; g++) {
				AreaView grid = child(village, village.name() + "第" + g + "网格");
				staff(grid, StaffRole.CHIEF, "周网格长", String.format("137%08d", phone++));
				staff(grid, StaffRole.MEMBER, "吴网格员", String.format("137%08d", phone++));
			}
		}
		AreaView lonelyGrid = childrenOf.get(villages.get(0)).get(1);

		List<User> users = new ArrayList<>();
		for (int i = 0; i < villages.size(); i++) {
			users.add(user("officer" + i, Role.COMMUNITY_OFFICER, villages.get(i)));
		}
		users.add(user("grid", Role.GRID_MEMBER, lonelyGrid));
		users.add(user("chief-b", Role.STATION_CHIEF, townB));

		Queue<String> problems = new ConcurrentLinkedQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(users.size());
		List<Future<Integer>> answered = new ArrayList<>();
		try {
			for (User user : users) {
				GraphQlTester tester = world.as(user.username());
				answered.add(pool.submit(run(user, tester, start, problems)));
			}
			start.countDown();
			int total = 0;
			for (Future<Integer> future : answered) {
				total += future.get(2, TimeUnit.MINUTES);
			}
			assertThat(problems).isEmpty();
			assertThat(total).isEqualTo(users.size() * REQUESTS_PER_USER);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Callable<Integer> run(User user, GraphQlTester tester, CountDownLatch start, Queue<String> problems) {
		return () -> {
			start.await();
			int answered = 0;
			for (int i = 0; i < REQUESTS_PER_USER; i++) {
				Reached reached = new Reached();
				try {
					if (i % 2 == 0) {
						GraphQlTester.Response response = tester.documentName("scopeGrids").execute();
						response.errors().verify();
						walk(response.path("areas").entity(Map.class).get(), false, reached);
						List<String> grids = response.path("areas.edges[*].node.id").entityList(String.class).get();
						if (!new HashSet<>(grids).equals(user.gridIds())) {
							problems.add(user.username() + " listed grids " + grids + ", expected " + user.gridIds());
						}
					}
					else {
						GraphQlTester.Response response = tester.documentName("scopeArea").variable("id", user.root().id())
							.execute();
						response.errors().verify();
						walk(response.path("area").entity(Map.class).get(), false, reached);
						response.path("area.id").entity(String.class).isEqualTo(String.valueOf(user.root().id()));
					}
					answered++;
				}
				catch (Throwable failure) {
					problems.add(user.username() + " request " + i + " failed: " + failure);
					continue;
				}
				report(user, "area ids", reached.areaIds(), user.areaIds(), problems);
				report(user, "codes", reached.codes(), user.codes(), problems);
				report(user, "staff ids", reached.staffIds(), user.staffIds(), problems);
			}
			return answered;
		};
	}

	private static void report(User user, String what, Set<String> reached, Set<String> allowed, Queue<String> problems) {
		Set<String> foreign = new HashSet<>(reached);
		foreign.removeAll(allowed);
		if (!foreign.isEmpty()) {
			problems.add(user.username() + " saw " + what + " outside its scope: " + foreign);
		}
	}

	/** Collects ids and codes of every area and staff object in an answer. */
	private static void walk(Object node, boolean isStaff, Reached reached) {
		if (node instanceof Map<?, ?> map) {
			Object id = map.get("id");
			if (id != null) {
				(isStaff ? reached.staffIds() : reached.areaIds()).add(String.valueOf(id));
			}
			if (!isStaff && map.get("code") != null) {
				reached.codes().add(String.valueOf(map.get("code")));
			}
			map.forEach((key, value) -> walk(value, "gridStaff".equals(key), reached));
		}
		else if (node instanceof List<?> list) {
			list.forEach(item -> walk(item, isStaff, reached));
		}
	}

	private User user(String name, Role role, AreaView scope) {
		String username = tree.account(name, role, scope);
		List<AreaView> inside = subtree(scope);
		Set<String> areaIds = new HashSet<>();
		Set<String> codes = new HashSet<>();
		Set<String> gridIds = new HashSet<>();
		Set<String> staffIds = new HashSet<>();
		for (AreaView area : inside) {
			areaIds.add(String.valueOf(area.id()));
			codes.add(area.code());
			if (staffOf.containsKey(area)) {
				gridIds.add(String.valueOf(area.id()));
				staffOf.get(area).forEach(s -> staffIds.add(String.valueOf(s.id())));
			}
		}
		assertThat(gridIds).isNotEmpty();
		return new User(username, scope, areaIds, codes, gridIds, staffIds);
	}

	private List<AreaView> subtree(AreaView root) {
		List<AreaView> all = new ArrayList<>();
		all.add(root);
		childrenOf.getOrDefault(root, List.of()).forEach(child -> all.addAll(subtree(child)));
		return all;
	}

	private AreaView child(AreaView parent, String name) {
		AreaView child = tree.child(parent, name);
		childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(child);
		return child;
	}

	private void staff(AreaView grid, StaffRole role, String name, String phone) {
		staffOf.computeIfAbsent(grid, k -> new ArrayList<>()).add(tree.staff(grid, role, name, phone));
	}
}
