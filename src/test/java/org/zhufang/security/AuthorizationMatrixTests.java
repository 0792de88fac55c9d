package org.zhufang.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaLevel;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.StaffRole;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.security.AuthorizationMatrixTests.Place.COUNTY;
import static org.zhufang.security.AuthorizationMatrixTests.Place.GRID_A1;
import static org.zhufang.security.AuthorizationMatrixTests.Place.GRID_A2;
import static org.zhufang.security.AuthorizationMatrixTests.Place.GRID_B1;
import static org.zhufang.security.AuthorizationMatrixTests.Place.GRID_B2;
import static org.zhufang.security.AuthorizationMatrixTests.Place.OTHER_COUNTY;
import static org.zhufang.security.AuthorizationMatrixTests.Place.OTHER_GRID;
import static org.zhufang.security.AuthorizationMatrixTests.Place.OTHER_TOWN;
import static org.zhufang.security.AuthorizationMatrixTests.Place.OTHER_VILLAGE;
import static org.zhufang.security.AuthorizationMatrixTests.Place.TOWN_A;
import static org.zhufang.security.AuthorizationMatrixTests.Place.TOWN_B;
import static org.zhufang.security.AuthorizationMatrixTests.Place.VILLAGE_A;
import static org.zhufang.security.AuthorizationMatrixTests.Place.VILLAGE_B;
import static org.zhufang.shared.Role.BUREAU_ADMIN;
import static org.zhufang.shared.Role.COMMUNITY_OFFICER;
import static org.zhufang.shared.Role.DASHBOARD_VIEWER;
import static org.zhufang.shared.Role.GRID_MEMBER;
import static org.zhufang.shared.Role.OUTREACH_STAFF;
import static org.zhufang.shared.Role.STATION_CHIEF;
import static org.zhufang.shared.Role.TEAM_COORDINATOR;

/**
 * Who may read and change what, and where: every role × (inside / outside its scope) × (list,
 * by id or code, nested fields through batch loaders, mutations), against the real database.
 * <p>
 * One county with two towns (A and B), a village in each and two grids with staff in each
 * village; one account per role scoped inside town A. A second county stands for "outside" of
 * the bureau admin, whose scope is the whole first county. The fixture is built once: the
 * mutations that succeed change only names, add staff to grid A1 or add a town, which no read
 * cell depends on. The account cells add a town-scoped second admin and three accounts to read
 * and change (only their enabled flag, which no other cell reads).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	/** The areas of the fixture, each with the one it lies in (so "inside" is known without the database). */
	enum Place {
		COUNTY(null), TOWN_A(COUNTY), VILLAGE_A(TOWN_A), GRID_A1(VILLAGE_A), GRID_A2(VILLAGE_A),
		TOWN_B(COUNTY), VILLAGE_B(TOWN_B), GRID_B1(VILLAGE_B), GRID_B2(VILLAGE_B),
		OTHER_COUNTY(null), OTHER_TOWN(OTHER_COUNTY), OTHER_VILLAGE(OTHER_TOWN), OTHER_GRID(OTHER_VILLAGE);

		final Place parent;

		Place(Place parent) {
			this.parent = parent;
		}

		/** This place, or one of the places above it, is {@code scope}. */
		boolean isInside(Place scope) {
			for (Place p = this; p != null; p = p.parent) {
				if (p == scope) {
					return true;
				}
			}
			return false;
		}
	}

	/**
	 * What a role reads. {@code outside} is an area outside (and not above) the scope;
	 * {@code nestedRoot} an area inside it whose parent, ancestors, children and staff are read.
	 */
	record Reads(Role role, Place scope, List<Place> gridsListed, Place outside, Place nestedRoot, Place parentShown,
			List<Place> ancestorsShown, List<Place> childrenShown) {

		@Override
		public String toString() {
			return role + " scoped to " + scope;
		}
	}

	// @formatter:off
	private static final List<Reads> READ_MATRIX = List.of(
		//        role               scope      grids listed                                 an area outside  nested root  its parent  its ancestors            its children
		new Reads(BUREAU_ADMIN,      COUNTY,    List.of(GRID_A1, GRID_A2, GRID_B1, GRID_B2), OTHER_GRID,      VILLAGE_A,   TOWN_A,     List.of(COUNTY, TOWN_A), List.of(GRID_A1, GRID_A2)),
		new Reads(STATION_CHIEF,     TOWN_A,    List.of(GRID_A1, GRID_A2),                   GRID_B1,         VILLAGE_A,   TOWN_A,     List.of(TOWN_A),         List.of(GRID_A1, GRID_A2)),
		new Reads(COMMUNITY_OFFICER, VILLAGE_A, List.of(GRID_A1, GRID_A2),                   GRID_B1,         VILLAGE_A,   null,       List.of(),               List.of(GRID_A1, GRID_A2)),
		new Reads(TEAM_COORDINATOR,  TOWN_A,    List.of(GRID_A1, GRID_A2),                   GRID_B1,         VILLAGE_A,   TOWN_A,     List.of(TOWN_A),         List.of(GRID_A1, GRID_A2)),
		new Reads(OUTREACH_STAFF,    TOWN_A,    List.of(GRID_A1, GRID_A2),                   GRID_B1,         VILLAGE_A,   TOWN_A,     List.of(TOWN_A),         List.of(GRID_A1, GRID_A2)),
		new Reads(GRID_MEMBER,       GRID_A1,   List.of(GRID_A1),                            GRID_A2,         GRID_A1,     null,       List.of(),               List.of()),
		new Reads(DASHBOARD_VIEWER,  TOWN_A,    List.of(GRID_A1, GRID_A2),                   GRID_B1,         VILLAGE_A,   TOWN_A,     List.of(TOWN_A),         List.of(GRID_A1, GRID_A2)));
	// @formatter:on

	enum Mutation {
		AREA_UPDATE("areaUpdate"), GRID_STAFF_ASSIGN("gridStaffAssign"), AREA_CREATE("areaCreate");

		final String field;

		Mutation(String field) {
			this.field = field;
		}
	}

	enum Expected {
		APPLIED, FORBIDDEN
	}

	@Autowired
	TestWorld world;

	private final Map<Place, AreaView> areas = new EnumMap<>(Place.class);

	private final Map<Role, String> usernames = new EnumMap<>(Role.class);

	private final AtomicInteger nextCode = new AtomicInteger(500);

	/** Accounts the account cells read and change: their scopes are what "inside" means there. */
	private final Map<String, String> subjects = new java.util.HashMap<>();

	/** A second BUREAU_ADMIN, scoped to town A only: the county admin's account lies above it. */
	private String townAdmin;

	@BeforeAll
	void buildTwoCountiesWithOneAccountPerRole() {
		TestWorld.Tree tree = world.county("授权矩阵县");
		put(COUNTY, tree.county());
		put(TOWN_A, tree.child(area(COUNTY), "甲镇"));
		put(VILLAGE_A, tree.child(area(TOWN_A), "甲村"));
		put(GRID_A1, tree.child(area(VILLAGE_A), "甲村第一网格"));
		put(GRID_A2, tree.child(area(VILLAGE_A), "甲村第二网格"));
		put(TOWN_B, tree.child(area(COUNTY), "乙镇"));
		put(VILLAGE_B, tree.child(area(TOWN_B), "乙村"));
		put(GRID_B1, tree.child(area(VILLAGE_B), "乙村第一网格"));
		put(GRID_B2, tree.child(area(VILLAGE_B), "乙村第二网格"));
		int phone = 0;
		for (Place grid : List.of(GRID_A1, GRID_A2, GRID_B1, GRID_B2)) {
			tree.staff(area(grid), StaffRole.CHIEF, "张网格长", "1380000000" + phone++);
			tree.staff(area(grid), StaffRole.MEMBER, "李网格员", "1390000000" + phone++);
		}

		TestWorld.Tree other = world.county("邻县");
		put(OTHER_COUNTY, other.county());
		put(OTHER_TOWN, other.child(area(OTHER_COUNTY), "邻县镇"));
		put(OTHER_VILLAGE, other.child(area(OTHER_TOWN), "邻县村"));
		put(OTHER_GRID, other.child(area(OTHER_VILLAGE), "邻县网格"));
		other.staff(area(OTHER_GRID), StaffRole.CHIEF, "赵网格长", "13700000000");

		for (Reads row : READ_MATRIX) {
			usernames.put(row.role(), tree.account(row.role().name().toLowerCase(Locale.ROOT).replace('_', '-'), row.role(),
					area(row.scope())));
		}
		assertThat(usernames).hasSize(Role.values().length);

		townAdmin = tree.account("town-admin", BUREAU_ADMIN, area(TOWN_A));
		subjects.put("inGridA1", tree.account("subject-a1", GRID_MEMBER, area(GRID_A1)));
		subjects.put("overBothTowns", tree.account("subject-a1-b1", GRID_MEMBER, area(GRID_A1), area(GRID_B1)));
		subjects.put("otherCounty", other.account("subject-other", GRID_MEMBER, area(OTHER_GRID)));
	}

	Stream<Arguments> readMatrix() {
		return READ_MATRIX.stream().map(row -> Arguments.of(row.role(), row));
	}

	// List

	@ParameterizedTest(name = "{0}")
	@MethodSource("readMatrix")
	void listsTheGridsInsideTheScopeAndNoneOutside(Role role, Reads row) {
		List<String> listed = as(role).documentName("areas").variable("filter", Map.of("level", "GRID"))
			.variable("first", 100).execute()
			.path("areas.edges[*].node.id").entityList(String.class).get();
		assertThat(listed).containsExactlyElementsOf(ids(row.gridsListed()));
		assertThat(listed).doesNotContainAnyElementsOf(ids(placesOutside(row.scope())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readMatrix")
	void listsOnlyTheScopesPartWhenFilteredUnderAnAreaAboveTheScope(Role role, Reads row) {
		as(role).documentName("areas").variable("filter", Map.of("level", "GRID", "underAreaId", area(COUNTY).id()))
			.variable("first", 100).execute()
			.path("areas.totalCount").entity(Integer.class).isEqualTo(row.gridsListed().size())
			.path("areas.edges[*].node.id").entityList(String.class)
			.containsExactly(ids(row.gridsListed()).toArray(String[]::new));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readMatrix")
	void refusesAFilterUnderAnAreaOutsideTheScope(Role role, Reads row) {
		assertForbidden(as(role).documentName("areas").variable("filter", Map.of("underAreaId", area(row.outside()).id()))
			.execute(), "areas");
		assertForbidden(as(role).documentName("areas").variable("filter", Map.of("parentId", area(row.outside()).id()))
			.execute(), "areas");
	}

	// By id and by code

	@ParameterizedTest(name = "{0}")
	@MethodSource("readMatrix")
	void readsAnAreaInsideTheScopeByIdAndByCode(Role role, Reads row) {
		AreaView inside = area(GRID_A1);
		as(role).documentName("areaById").variable("id", inside.id()).execute()
			.path("area.id").entity(String.class).isEqualTo(String.valueOf(inside.id()))
			.path("area.level").entity(String.class).isEqualTo("GRID");
		as(role).documentName("areaByCodeOnly").variable("code", inside.code()).execute()
			.path("areaByCode.id").entity(String.class).isEqualTo(String.valueOf(inside.id()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readMatrix")
	void refusesAnAreaOutsideTheScopeByIdAndByCodeAsForbidden(Role role, Reads row) {
		AreaView outside = area(row.outside());
		assertForbidden(as(role).documentName("areaById").variable("id", outside.id()).execute(), "area");
		assertForbidden(as(role).documentName("areaByCodeOnly").variable("code", outside.code()).execute(), "areaByCode");
	}

	// Nested fields through batch loaders

	@ParameterizedTest(name = "{0}")
	@MethodSource("readMatrix")
	void nestedFieldsShowWhatIsInsideTheScopeAndLeaveOutWhatIsAbove(Role role, Reads row) {
		GraphQlTester.Response response = as(role).documentName("areaNested").variable("id", area(row.nestedRoot()).id())
			.execute();
		if (row.parentShown() == null) {
			response.path("area.parent").valueIsNull();
		}
		else {
			response.path("area.parent.id").entity(String.class).isEqualTo(id(row.parentShown()));
		}
		response.path("area.ancestors[*].id").entityList(String.class)
			.containsExactly(ids(row.ancestorsShown()).toArray(String[]::new))
			.path("area.children.edges[*].node.id").entityList(String.class)
			.containsExactly(ids(row.childrenShown()).toArray(String[]::new));

		List<String> staffGridsOfChildren = response.path("area.children.edges[*].node.gridStaff[*].grid.id")
			.entityList(String.class).get();
		assertThat(new LinkedHashSet<>(staffGridsOfChildren)).containsExactlyElementsOf(ids(row.childrenShown()));
		List<String> staffGridsOfRoot = response.path("area.gridStaff[*].grid.id").entityList(String.class).get();
		assertThat(new LinkedHashSet<>(staffGridsOfRoot))
			.containsExactlyElementsOf(area(row.nestedRoot()).level() == AreaLevel.GRID ? List.of(id(row.nestedRoot())) : List.of());

		Map<String, Object> data = response.path("area").entity(MAP).get();
		Set<String> reached = new LinkedHashSet<>();
		collectIds(data, reached);
		assertThat(reached).as("every area reached from %s", row.nestedRoot())
			.isSubsetOf(ids(placesInside(row.scope())))
			.doesNotContainAnyElementsOf(ids(placesOutside(row.scope())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readMatrix")
	void gridStaffOfTheGridsInScopeLeadOnlyBackIntoTheScope(Role role, Reads row) {
		GraphQlTester.Response response = as(role)
			.document("{ areas(filter: {level: GRID}, first: 100) { edges { node { gridStaff { grid { id parent { id } } } } } } }")
			.execute();
		List<String> staffGrids = response.path("areas.edges[*].node.gridStaff[*].grid.id").entityList(String.class).get();
		assertThat(new LinkedHashSet<>(staffGrids)).containsExactlyElementsOf(ids(row.gridsListed()));
		List<String> parentsOfStaffGrids = response.path("areas.edges[*].node.gridStaff[*].grid.parent.id")
			.entityList(String.class).get();
		if (row.scope() == GRID_A1) {
			assertThat(parentsOfStaffGrids).as("the village above the grid member's grid is left out").isEmpty();
		}
		else {
			assertThat(parentsOfStaffGrids).isNotEmpty().isSubsetOf(ids(placesInside(row.scope())));
		}
	}

	// Mutations

	// @formatter:off
	@ParameterizedTest(name = "{0} {1}: inside the scope {2}, outside {3}")
	@CsvSource(delimiter = '|', textBlock = """
		# role            | mutation          | inside the scope | outside the scope
		BUREAU_ADMIN      | AREA_UPDATE       | APPLIED          | FORBIDDEN
		BUREAU_ADMIN      | GRID_STAFF_ASSIGN | APPLIED          | FORBIDDEN
		BUREAU_ADMIN      | AREA_CREATE       | APPLIED          | FORBIDDEN
		STATION_CHIEF     | AREA_UPDATE       | APPLIED          | FORBIDDEN
		STATION_CHIEF     | GRID_STAFF_ASSIGN | APPLIED          | FORBIDDEN
		STATION_CHIEF     | AREA_CREATE       | FORBIDDEN        | FORBIDDEN
		COMMUNITY_OFFICER | AREA_UPDATE       | FORBIDDEN        | FORBIDDEN
		COMMUNITY_OFFICER | GRID_STAFF_ASSIGN | APPLIED          | FORBIDDEN
		COMMUNITY_OFFICER | AREA_CREATE       | FORBIDDEN        | FORBIDDEN
		TEAM_COORDINATOR  | AREA_UPDATE       | FORBIDDEN        | FORBIDDEN
		TEAM_COORDINATOR  | GRID_STAFF_ASSIGN | FORBIDDEN        | FORBIDDEN
		TEAM_COORDINATOR  | AREA_CREATE       | FORBIDDEN        | FORBIDDEN
		OUTREACH_STAFF    | AREA_UPDATE       | FORBIDDEN        | FORBIDDEN
		OUTREACH_STAFF    | GRID_STAFF_ASSIGN | FORBIDDEN        | FORBIDDEN
		OUTREACH_STAFF    | AREA_CREATE       | FORBIDDEN        | FORBIDDEN
		GRID_MEMBER       | AREA_UPDATE       | FORBIDDEN        | FORBIDDEN
		GRID_MEMBER       | GRID_STAFF_ASSIGN | FORBIDDEN        | FORBIDDEN
		GRID_MEMBER       | AREA_CREATE       | FORBIDDEN        | FORBIDDEN
		DASHBOARD_VIEWER  | AREA_UPDATE       | FORBIDDEN        | FORBIDDEN
		DASHBOARD_VIEWER  | GRID_STAFF_ASSIGN | FORBIDDEN        | FORBIDDEN
		DASHBOARD_VIEWER  | AREA_CREATE       | FORBIDDEN        | FORBIDDEN
		""")
	// @formatter:on
	void mutationsApplyOnlyForAllowedRolesInsideTheirScopeAndOtherwiseWriteNothing(Role role, Mutation mutation,
			Expected inside, Expected outside) {
		Reads row = READ_MATRIX.stream().filter(r -> r.role() == role).findFirst().orElseThrow();
		assertMutation(role, mutation, insideTarget(mutation, row), inside);
		assertMutation(role, mutation, outsideTarget(mutation, row), outside);
	}

	/**
	 * The area a mutation names: the area to update, the grid to staff, the parent to create
	 * under. Inside, grid A1 lies in every role's scope, and a new area goes under the scope
	 * area itself (for the grid member that asks for a grid under a grid, refused for the role
	 * before the input is looked at).
	 */
	private AreaView insideTarget(Mutation mutation, Reads row) {
		return mutation == Mutation.AREA_CREATE ? area(row.scope()) : area(GRID_A1);
	}

	/** Outside: the role's outside grid, or for a creation its village (never inside the scope). */
	private AreaView outsideTarget(Mutation mutation, Reads row) {
		return mutation == Mutation.AREA_CREATE ? area(row.outside().parent) : area(row.outside());
	}

	/** The one assertion of a mutation cell: applied (and written), or FORBIDDEN and nothing written. */
	private void assertMutation(Role role, Mutation mutation, AreaView target, Expected expected) {
		String tag = role.name().toLowerCase(Locale.ROOT) + nextCode.get();
		String newCode = target.code() + String.format("%03d", nextCode.getAndIncrement());
		AreaLevel newLevel = target.level() == AreaLevel.GRID ? AreaLevel.GRID
				: AreaLevel.values()[target.level().ordinal() + 1];
		Map<String, Object> input = switch (mutation) {
			case AREA_UPDATE -> Map.of("id", target.id(), "name", "改名" + tag, "households", 77);
			case GRID_STAFF_ASSIGN -> Map.of("gridId", target.id(), "role", "EXTRA", "personKind", "VOLUNTEER",
					"displayName", "孙" + tag, "phone", "13612345678");
			case AREA_CREATE -> Map.of("parentId", target.id(), "code", newCode, "name", "新区" + tag, "level",
					newLevel.name());
		};
		List<String> before = snapshot();

		GraphQlTester.Response response = as(role).documentName(mutation.field).variable("input", input).execute();

		if (expected == Expected.FORBIDDEN) {
			assertForbidden(response, mutation.field);
			assertThat(snapshot()).as("%s by %s on %s wrote nothing", mutation, role, target.name())
				.containsExactlyElementsOf(before);
			assertThat(lastAuditOutcome(role, mutation.field)).isEqualTo("FORBIDDEN");
			return;
		}
		response.path(mutation.field + ".userErrors").entityList(Object.class).hasSize(0);
		switch (mutation) {
			case AREA_UPDATE -> {
				response.path("areaUpdate.area.id").entity(String.class).isEqualTo(String.valueOf(target.id()));
				assertThat(world.jdbc().sql("SELECT name FROM area WHERE id = ?").param(target.id()).query(String.class)
					.single()).isEqualTo("改名" + tag);
			}
			case GRID_STAFF_ASSIGN -> {
				response.path("gridStaffAssign.assignment.grid.id").entity(String.class)
					.isEqualTo(String.valueOf(target.id()));
				assertThat(world.jdbc().sql("SELECT COUNT(*) FROM grid_staff WHERE grid_id = ? AND display_name = ?")
					.params(target.id(), "孙" + tag).query(Long.class).single()).isEqualTo(1);
			}
			case AREA_CREATE -> {
				response.path("areaCreate.area.code").entity(String.class).isEqualTo(newCode);
				assertThat(world.jdbc().sql("SELECT parent_id FROM area WHERE code = ?").param(newCode).query(Long.class)
					.single()).isEqualTo(target.id());
			}
		}
		assertThat(snapshot()).isNotEqualTo(before);
		assertThat(lastAuditOutcome(role, mutation.field)).isEqualTo("OK");
	}

	// Accounts

	enum AccountCaller {
		BUREAU_ADMIN(COUNTY), TOWN_ADMIN(TOWN_A), STATION_CHIEF(TOWN_A), COMMUNITY_OFFICER(VILLAGE_A),
		TEAM_COORDINATOR(TOWN_A), OUTREACH_STAFF(TOWN_A), GRID_MEMBER(GRID_A1), DASHBOARD_VIEWER(TOWN_A);

		final Place scope;

		AccountCaller(Place scope) {
			this.scope = scope;
		}
	}

	enum Read {
		SHOWN, FORBIDDEN
	}

	/**
	 * {@code accounts}, {@code account(id)} with the nested {@code scopeAreas}, and
	 * {@code accountUpdate}, for an account inside the caller's jurisdiction (scoped to grid A1)
	 * and one outside it: of the other county for the county admin and the other roles, and for
	 * the town admin one scoped to grids of both towns (partly outside is outside).
	 */
	// @formatter:off
	@ParameterizedTest(name = "{0}: accounts {1}, account(id) inside {2} outside {3}, accountUpdate inside {4} outside {5}")
	@CsvSource(delimiter = '|', textBlock = """
		# caller          | accounts  | account(id) inside | outside   | accountUpdate inside | outside
		BUREAU_ADMIN      | SHOWN     | SHOWN              | FORBIDDEN | APPLIED              | FORBIDDEN
		TOWN_ADMIN        | SHOWN     | SHOWN              | FORBIDDEN | APPLIED              | FORBIDDEN
		STATION_CHIEF     | FORBIDDEN | FORBIDDEN          | FORBIDDEN | FORBIDDEN            | FORBIDDEN
		COMMUNITY_OFFICER | FORBIDDEN | FORBIDDEN          | FORBIDDEN | FORBIDDEN            | FORBIDDEN
		TEAM_COORDINATOR  | FORBIDDEN | FORBIDDEN          | FORBIDDEN | FORBIDDEN            | FORBIDDEN
		OUTREACH_STAFF    | FORBIDDEN | FORBIDDEN          | FORBIDDEN | FORBIDDEN            | FORBIDDEN
		GRID_MEMBER       | FORBIDDEN | FORBIDDEN          | FORBIDDEN | FORBIDDEN            | FORBIDDEN
		DASHBOARD_VIEWER  | FORBIDDEN | FORBIDDEN          | FORBIDDEN | FORBIDDEN            | FORBIDDEN
		""")
	// @formatter:on
	void accountOperationsFollowTheRoleAndTheJurisdiction(AccountCaller caller, Read list, Read insideById,
			Read outsideById, Expected insideUpdate, Expected outsideUpdate) {
		String inside = subjects.get("inGridA1");
		String outside = caller == AccountCaller.TOWN_ADMIN ? subjects.get("overBothTowns") : subjects.get("otherCounty");
		assertAccountList(caller, list, inside, outside);
		assertAccountById(caller, inside, insideById);
		assertAccountById(caller, outside, outsideById);
		assertAccountUpdate(caller, inside, insideUpdate);
		assertAccountUpdate(caller, outside, outsideUpdate);
	}

	private void assertAccountList(AccountCaller caller, Read expected, String inside, String outside) {
		GraphQlTester.Response response = asCaller(caller).documentName("accounts").variable("first", 100).execute();
		if (expected == Read.FORBIDDEN) {
			assertForbidden(response, "accounts");
			return;
		}
		List<String> listed = response.path("accounts.edges[*].node.username").entityList(String.class).get();
		assertThat(listed).contains(inside, usernameOf(caller)).doesNotContain(outside);
		if (caller == AccountCaller.TOWN_ADMIN) {
			assertThat(listed).as("the county admin's account lies above the town")
				.doesNotContain(usernames.get(BUREAU_ADMIN));
		}
		response.path("accounts.totalCount").entity(Integer.class).isEqualTo(listed.size());
		List<String> scopeAreas = response.path("accounts.edges[*].node.scopeAreas[*].id").entityList(String.class).get();
		assertThat(scopeAreas).as("every scope area reached from the list").isNotEmpty()
			.isSubsetOf(ids(placesInside(caller.scope)));
	}

	private void assertAccountById(AccountCaller caller, String username, Read expected) {
		String id = world.accountId(username);
		GraphQlTester.Response response = asCaller(caller)
			.document("query account($id: ID!) { account(id: $id) { id username scopeAreas { id } } }")
			.variable("id", id).execute();
		if (expected == Read.FORBIDDEN) {
			assertForbidden(response, "account");
			return;
		}
		response.path("account.username").entity(String.class).isEqualTo(username)
			.path("account.scopeAreas[*].id").entityList(String.class)
			.satisfies(areas -> assertThat(areas).isNotEmpty().isSubsetOf(ids(placesInside(caller.scope))));
	}

	/** Applied (the enabled flag flipped), or FORBIDDEN with no account or scope row changed. */
	private void assertAccountUpdate(AccountCaller caller, String username, Expected expected) {
		String id = world.accountId(username);
		boolean enabled = world.jdbc().sql("SELECT enabled FROM account WHERE id = ?").param(Long.valueOf(id))
			.query(Boolean.class).single();
		List<String> before = accountSnapshot();

		GraphQlTester.Response response = asCaller(caller).documentName("accountUpdate")
			.variable("input", Map.of("id", id, "enabled", !enabled)).execute();

		if (expected == Expected.FORBIDDEN) {
			assertForbidden(response, "accountUpdate");
			assertThat(accountSnapshot()).as("accountUpdate by %s on %s wrote nothing", caller, username)
				.containsExactlyElementsOf(before);
			assertThat(lastAuditOutcome(usernameOf(caller), "accountUpdate")).isEqualTo("FORBIDDEN");
			return;
		}
		response.path("accountUpdate.userErrors").entityList(Object.class).hasSize(0)
			.path("accountUpdate.account.id").entity(String.class).isEqualTo(id);
		assertThat(world.jdbc().sql("SELECT enabled FROM account WHERE id = ?").param(Long.valueOf(id))
			.query(Boolean.class).single()).isEqualTo(!enabled);
		assertThat(lastAuditOutcome(usernameOf(caller), "accountUpdate")).isEqualTo("OK");
	}

	/** Every account and scope row of both counties' accounts, as text, in id order. */
	private List<String> accountSnapshot() {
		List<String> rows = new ArrayList<>();
		rows.addAll(world.jdbc().sql("""
				SELECT CONCAT_WS('|', id, username, role, enabled, IFNULL(person_ref, '-'), version, updated_at)
				FROM account WHERE username LIKE :a OR username LIKE :b ORDER BY id""")
			.param("a", area(COUNTY).code() + ".%").param("b", area(OTHER_COUNTY).code() + ".%")
			.query(String.class).list());
		rows.addAll(world.jdbc().sql("""
				SELECT CONCAT_WS('|', s.account_id, s.area_id, s.area_path)
				FROM account_scope s JOIN account a ON a.id = s.account_id
				WHERE a.username LIKE :a OR a.username LIKE :b ORDER BY s.account_id, s.area_id""")
			.param("a", area(COUNTY).code() + ".%").param("b", area(OTHER_COUNTY).code() + ".%")
			.query(String.class).list());
		return rows;
	}

	private String usernameOf(AccountCaller caller) {
		return caller == AccountCaller.TOWN_ADMIN ? townAdmin : usernames.get(Role.valueOf(caller.name()));
	}

	private GraphQlTester asCaller(AccountCaller caller) {
		return world.as(usernameOf(caller));
	}

	// Helpers

	/**
	 * A refused read or write: one top-level FORBIDDEN error at the field, and no data for it (a
	 * nullable field is null; a non-null one, such as a list or a mutation payload, nulls
	 * {@code data} as a whole).
	 */
	private static void assertForbidden(GraphQlTester.Response response, String field) {
		GraphQlTester.Traversable checked = response.errors().satisfy(errors -> assertThat(errors).singleElement()
			.satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
				assertThat(error.getPath()).isEqualTo(field);
			}));
		checked.path(NULLABLE_ROOT_FIELDS.contains(field) ? field : "").valueIsNull();
	}

	/** Every area and staff row of both counties, as text, in id order. */
	private List<String> snapshot() {
		List<String> rows = new ArrayList<>();
		rows.addAll(world.jdbc().sql("""
				SELECT CONCAT_WS('|', id, code, name, level, status, IFNULL(parent_id, '-'), households, residents, version)
				FROM area WHERE path LIKE :a OR path LIKE :b ORDER BY id""")
			.param("a", area(COUNTY).path() + "%").param("b", area(OTHER_COUNTY).path() + "%")
			.query(String.class).list());
		rows.addAll(world.jdbc().sql("""
				SELECT CONCAT_WS('|', s.id, s.grid_id, s.role, s.display_name, IFNULL(s.phone, '-'), IFNULL(s.ended_on, '-'))
				FROM grid_staff s JOIN area a ON a.id = s.grid_id
				WHERE a.path LIKE :a OR a.path LIKE :b ORDER BY s.id""")
			.param("a", area(COUNTY).path() + "%").param("b", area(OTHER_COUNTY).path() + "%")
			.query(String.class).list());
		return rows;
	}

	private String lastAuditOutcome(Role role, String operation) {
		return lastAuditOutcome(usernames.get(role), operation);
	}

	private String lastAuditOutcome(String username, String operation) {
		return world.jdbc().sql("SELECT outcome FROM audit_event WHERE username = ? AND operation = ? ORDER BY id DESC LIMIT 1")
			.params(username, operation).query(String.class).single();
	}

	@SuppressWarnings("unchecked")
	private static void collectIds(Object node, Collection<String> ids) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if ("id".equals(key) && value != null) {
					ids.add(String.valueOf(value));
				}
				else {
					collectIds(value, ids);
				}
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach(item -> collectIds(item, ids));
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static final Class<Map<String, Object>> MAP = (Class) Map.class;

	/** Root fields the schema declares nullable; an error in any other nulls the whole {@code data}. */
	private static final Set<String> NULLABLE_ROOT_FIELDS = Set.of("area", "areaByCode", "account");

	private GraphQlTester as(Role role) {
		return world.as(usernames.get(role));
	}

	private void put(Place place, AreaView area) {
		areas.put(place, area);
	}

	private AreaView area(Place place) {
		return areas.get(place);
	}

	private String id(Place place) {
		return String.valueOf(area(place).id());
	}

	private List<String> ids(Collection<Place> places) {
		return places.stream().map(this::id).toList();
	}

	private static List<Place> placesInside(Place scope) {
		return Stream.of(Place.values()).filter(p -> p.isInside(scope)).toList();
	}

	private static List<Place> placesOutside(Place scope) {
		return Stream.of(Place.values()).filter(p -> !p.isInside(scope)).toList();
	}
}
