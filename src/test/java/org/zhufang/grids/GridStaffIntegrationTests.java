package org.zhufang.grids;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "3+N" grid staff through GraphQL against the real database: one active chief and one
 * active deputy per grid, any number of members and extras, history kept on ending, and the
 * grid's completeness.
 */
@IntegrationTest
class GridStaffIntegrationTests {

	@Autowired
	TestWorld world;

	TestWorld.Tree tree;

	AreaView village;

	AreaView grid;

	GraphQlTester admin;

	@BeforeEach
	void buildTree() {
		tree = world.county("网格人员测试县");
		AreaView town = tree.child(tree.county(), "翟坡镇");
		village = tree.child(town, "翟坡村");
		grid = tree.child(village, "翟坡村第一网格");
		admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, tree.county()));
	}

	@Test
	void assignsAChiefADeputyAMemberAndAnExtraToOneGrid() {
		assign(staffInput(grid, "CHIEF", "张建国", "13812345678"))
			.path("gridStaffAssign.userErrors").entityList(Object.class).hasSize(0)
			.path("gridStaffAssign.assignment.role").entity(String.class).isEqualTo("CHIEF")
			.path("gridStaffAssign.assignment.displayName").entity(String.class).isEqualTo("张建国")
			.path("gridStaffAssign.assignment.phone").entity(String.class).isEqualTo("13812345678")
			.path("gridStaffAssign.assignment.personKind").entity(String.class).isEqualTo("RESIDENT")
			.path("gridStaffAssign.assignment.startedOn").entity(String.class).isEqualTo(today().toString())
			.path("gridStaffAssign.assignment.endedOn").valueIsNull()
			.path("gridStaffAssign.assignment.active").entity(Boolean.class).isEqualTo(true)
			.path("gridStaffAssign.assignment.grid.id").entity(String.class).isEqualTo(String.valueOf(grid.id()));
		Map<String, Object> deputy = staffInput(grid, "DEPUTY_CHIEF", "李警官", "0373-5512345");
		deputy.put("personKind", "OFFICER");
		deputy.put("personRef", "officer-17");
		assign(deputy)
			.path("gridStaffAssign.userErrors").entityList(Object.class).hasSize(0)
			.path("gridStaffAssign.assignment.personKind").entity(String.class).isEqualTo("OFFICER");
		assign(staffInput(grid, "MEMBER", "王秀英", null))
			.path("gridStaffAssign.userErrors").entityList(Object.class).hasSize(0);
		assign(staffInput(grid, "EXTRA", "赵志愿", null))
			.path("gridStaffAssign.userErrors").entityList(Object.class).hasSize(0);

		admin.documentName("gridStaff").variable("id", grid.id()).execute()
			.path("area.gridStaff[*].role").entityList(String.class)
			.containsExactly("CHIEF", "DEPUTY_CHIEF", "MEMBER", "EXTRA")
			.path("area.gridStaff[*].displayName").entityList(String.class)
			.containsExactly("张建国", "李警官", "王秀英", "赵志愿");
		assertThat(activeStaff(grid)).isEqualTo(4);
	}

	@Test
	void refusesASecondActiveChiefAsRoleTakenAndWritesNothing() {
		tree.staff(grid, StaffRole.CHIEF, "张建国", null);
		long before = allStaff(grid);

		assign(staffInput(grid, "CHIEF", "李卫东", "13900001111"))
			.path("gridStaffAssign.assignment").valueIsNull()
			.path("gridStaffAssign.userErrors[0].code").entity(String.class).isEqualTo("ROLE_TAKEN")
			.path("gridStaffAssign.userErrors[0].field").entityList(String.class).containsExactly("input", "role");

		assertThat(allStaff(grid)).isEqualTo(before);
		assertThat(activeHolders(grid, "CHIEF")).containsExactly("张建国");
	}

	@Test
	void refusesTheSamePersonTwiceOnOneGridAsAlreadyAssignedAndWritesNothing() {
		Map<String, Object> member = staffInput(grid, "MEMBER", "李警官", null);
		member.put("personKind", "OFFICER");
		member.put("personRef", "officer-21");
		assign(member).path("gridStaffAssign.userErrors").entityList(Object.class).hasSize(0);
		long before = allStaff(grid);

		Map<String, Object> again = staffInput(grid, "EXTRA", "李警官", null);
		again.put("personKind", "OFFICER");
		again.put("personRef", "officer-21");
		assign(again)
			.path("gridStaffAssign.assignment").valueIsNull()
			.path("gridStaffAssign.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_ASSIGNED")
			.path("gridStaffAssign.userErrors[0].field").entityList(String.class).containsExactly("input", "personRef");
		assertThat(allStaff(grid)).isEqualTo(before);

		AreaView secondGrid = tree.child(village, "翟坡村第二网格");
		Map<String, Object> elsewhere = staffInput(secondGrid, "MEMBER", "李警官", null);
		elsewhere.put("personKind", "OFFICER");
		elsewhere.put("personRef", "officer-21");
		assign(elsewhere).path("gridStaffAssign.userErrors").entityList(Object.class).hasSize(0);
	}

	@Test
	void refusesASecondActiveDeputyChiefAsRoleTakenAndWritesNothing() {
		tree.staff(grid, StaffRole.DEPUTY_CHIEF, "李警官", null);
		long before = allStaff(grid);

		assign(staffInput(grid, "DEPUTY_CHIEF", "周副手", null))
			.path("gridStaffAssign.assignment").valueIsNull()
			.path("gridStaffAssign.userErrors[0].code").entity(String.class).isEqualTo("ROLE_TAKEN");

		assertThat(allStaff(grid)).isEqualTo(before);
		assertThat(activeHolders(grid, "DEPUTY_CHIEF")).containsExactly("李警官");
	}

	@Test
	void admitsAChiefOnEveryGridAndManyMembersAndExtrasOnOne() {
		AreaView secondGrid = tree.child(village, "翟坡村第二网格");
		tree.staff(grid, StaffRole.CHIEF, "张建国", null);
		assign(staffInput(secondGrid, "CHIEF", "刘长河", null))
			.path("gridStaffAssign.userErrors").entityList(Object.class).hasSize(0);
		for (String name : List.of("王秀英", "陈玉兰", "孙国强")) {
			assign(staffInput(grid, "MEMBER", name, null))
				.path("gridStaffAssign.userErrors").entityList(Object.class).hasSize(0);
		}
		for (String name : List.of("退伍老兵马", "企业保安郑")) {
			assign(staffInput(grid, "EXTRA", name, null))
				.path("gridStaffAssign.userErrors").entityList(Object.class).hasSize(0);
		}
		assertThat(activeHolders(grid, "MEMBER")).containsExactlyInAnyOrder("王秀英", "陈玉兰", "孙国强");
		assertThat(activeHolders(grid, "EXTRA")).containsExactlyInAnyOrder("退伍老兵马", "企业保安郑");
		assertThat(activeHolders(secondGrid, "CHIEF")).containsExactly("刘长河");
	}

	@Test
	void refusesStaffForAnAreaThatIsNotAGridAndWritesNothing() {
		long before = countAllStaff();
		assign(staffInput(village, "MEMBER", "王秀英", null))
			.path("gridStaffAssign.assignment").valueIsNull()
			.path("gridStaffAssign.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_GRID")
			.path("gridStaffAssign.userErrors[0].field").entityList(String.class).containsExactly("input", "gridId");
		assertThat(countAllStaff()).isEqualTo(before);
	}

	@Test
	void refusesStaffForARetiredGridAndWritesNothing() {
		AreaView retired = tree.child(village, "已撤网格");
		admin.documentName("areaRetire").variable("input", Map.of("id", retired.id())).execute()
			.path("areaRetire.area.status").entity(String.class).isEqualTo("RETIRED");

		assign(staffInput(retired, "MEMBER", "王秀英", null))
			.path("gridStaffAssign.assignment").valueIsNull()
			.path("gridStaffAssign.userErrors[0].code").entity(String.class).isEqualTo("AREA_RETIRED");
		assertThat(allStaff(retired)).isZero();
	}

	@Test
	void refusesStaffForAnUnknownGridAsNotFoundAndWritesNothing() {
		long before = countAllStaff();
		Map<String, Object> input = staffInput(grid, "MEMBER", "王秀英", null);
		input.put("gridId", 987654321L);
		assign(input)
			.path("gridStaffAssign.assignment").valueIsNull()
			.path("gridStaffAssign.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
			.path("gridStaffAssign.userErrors[0].field").entityList(String.class).containsExactly("input", "gridId");
		assertThat(countAllStaff()).isEqualTo(before);
	}

	@Test
	void refusesAStartInTheFutureAndWritesNothing() {
		Map<String, Object> input = staffInput(grid, "MEMBER", "王秀英", null);
		input.put("startedOn", today().plusDays(1).toString());
		assign(input)
			.path("gridStaffAssign.assignment").valueIsNull()
			.path("gridStaffAssign.userErrors[0].code").entity(String.class).isEqualTo("IN_FUTURE")
			.path("gridStaffAssign.userErrors[0].field").entityList(String.class).containsExactly("input", "startedOn");
		assertThat(allStaff(grid)).isZero();
	}

	@Test
	void acceptsAStartInThePast() {
		Map<String, Object> input = staffInput(grid, "MEMBER", "王秀英", null);
		input.put("startedOn", "2024-03-01");
		assign(input)
			.path("gridStaffAssign.assignment.startedOn").entity(String.class).isEqualTo("2024-03-01");
	}

	@Test
	void refusesAnInvalidPhoneAndABlankNameAndWritesNothing() {
		assign(staffInput(grid, "MEMBER", "王秀英", "12345"))
			.path("gridStaffAssign.assignment").valueIsNull()
			.path("gridStaffAssign.userErrors[0].code").entity(String.class).isEqualTo("INVALID_FORMAT")
			.path("gridStaffAssign.userErrors[0].field").entityList(String.class).containsExactly("input", "phone");
		assign(staffInput(grid, "MEMBER", "   ", "13812345678"))
			.path("gridStaffAssign.assignment").valueIsNull()
			.path("gridStaffAssign.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED")
			.path("gridStaffAssign.userErrors[0].field").entityList(String.class)
			.containsExactly("input", "displayName");
		assertThat(allStaff(grid)).isZero();
	}

	@Test
	void endingKeepsTheAssignmentInTheGridsHistory() {
		long chief = tree.staff(grid, StaffRole.CHIEF, "张建国", null).id();
		tree.staff(grid, StaffRole.MEMBER, "王秀英", null);

		end(Map.of("assignmentId", chief, "reason", "调任镇综治办"))
			.path("gridStaffEnd.userErrors").entityList(Object.class).hasSize(0)
			.path("gridStaffEnd.assignment.endedOn").entity(String.class).isEqualTo(today().toString())
			.path("gridStaffEnd.assignment.endReason").entity(String.class).isEqualTo("调任镇综治办")
			.path("gridStaffEnd.assignment.active").entity(Boolean.class).isEqualTo(false);

		admin.documentName("gridStaff").variable("id", grid.id()).execute()
			.path("area.gridStaff[*].displayName").entityList(String.class).containsExactly("王秀英");
		admin.documentName("gridStaff").variable("id", grid.id()).variable("includeEnded", true).execute()
			.path("area.gridStaff[*].displayName").entityList(String.class).containsExactly("王秀英", "张建国")
			.path("area.gridStaff[1].id").entity(String.class).isEqualTo(String.valueOf(chief))
			.path("area.gridStaff[1].endedOn").entity(String.class).isEqualTo(today().toString())
			.path("area.gridStaff[1].active").entity(Boolean.class).isEqualTo(false);
		assertThat(allStaff(grid)).isEqualTo(2);
	}

	@Test
	void refusesToEndAnAssignmentTwiceAndKeepsTheFirstEnd() {
		Map<String, Object> input = staffInput(grid, "MEMBER", "王秀英", null);
		input.put("startedOn", today().minusDays(30).toString());
		long member = Long.parseLong(assign(input).path("gridStaffAssign.assignment.id").entity(String.class).get());
		LocalDate firstEnd = today().minusDays(10);
		end(Map.of("assignmentId", member, "endedOn", firstEnd.toString()))
			.path("gridStaffEnd.assignment.endedOn").entity(String.class).isEqualTo(firstEnd.toString());

		end(Map.of("assignmentId", member, "reason", "再次结束"))
			.path("gridStaffEnd.assignment").valueIsNull()
			.path("gridStaffEnd.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_ENDED");

		assertThat(endOf(member)).isEqualTo(firstEnd);
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM grid_staff WHERE id = ? AND end_reason IS NULL")
			.param(member).query(Long.class).single()).as("the refused end wrote no reason").isEqualTo(1);
	}

	@Test
	void refusesToEndAnAssignmentBeforeItStartedAndWritesNothing() {
		Map<String, Object> input = staffInput(grid, "MEMBER", "王秀英", null);
		input.put("startedOn", today().minusDays(10).toString());
		long member = Long.parseLong(assign(input).path("gridStaffAssign.assignment.id").entity(String.class).get());

		end(Map.of("assignmentId", member, "endedOn", today().minusDays(20).toString()))
			.path("gridStaffEnd.assignment").valueIsNull()
			.path("gridStaffEnd.userErrors[0].code").entity(String.class).isEqualTo("BEFORE_START")
			.path("gridStaffEnd.userErrors[0].field").entityList(String.class).containsExactly("input", "endedOn");
		end(Map.of("assignmentId", member, "endedOn", today().plusDays(1).toString()))
			.path("gridStaffEnd.userErrors[0].code").entity(String.class).isEqualTo("IN_FUTURE");

		assertThat(endOf(member)).isNull();
	}

	@Test
	void refusesToEndAnUnknownAssignment() {
		end(Map.of("assignmentId", 987654321L))
			.path("gridStaffEnd.assignment").valueIsNull()
			.path("gridStaffEnd.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
	}

	@Test
	void admitsANewChiefOnceTheFormerChiefsAssignmentHasEnded() {
		long former = tree.staff(grid, StaffRole.CHIEF, "张建国", null).id();
		assign(staffInput(grid, "CHIEF", "李卫东", null))
			.path("gridStaffAssign.userErrors[0].code").entity(String.class).isEqualTo("ROLE_TAKEN");

		end(Map.of("assignmentId", former)).path("gridStaffEnd.userErrors").entityList(Object.class).hasSize(0);
		assign(staffInput(grid, "CHIEF", "李卫东", null))
			.path("gridStaffAssign.userErrors").entityList(Object.class).hasSize(0)
			.path("gridStaffAssign.assignment.active").entity(Boolean.class).isEqualTo(true);

		assertThat(activeHolders(grid, "CHIEF")).containsExactly("李卫东");
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM grid_staff WHERE grid_id = ? AND role = 'CHIEF'")
			.param(grid.id()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aGridIsCompleteOnlyWithAnActiveChiefDeputyAndAtLeastOneMember() {
		assertThat(complete(grid)).isFalse();
		long chief = tree.staff(grid, StaffRole.CHIEF, "张建国", null).id();
		tree.staff(grid, StaffRole.DEPUTY_CHIEF, "李警官", null);
		tree.staff(grid, StaffRole.EXTRA, "赵志愿", null);
		assertThat(complete(grid)).as("extras do not stand in for a member").isFalse();

		tree.staff(grid, StaffRole.MEMBER, "王秀英", null);
		assertThat(complete(grid)).isTrue();

		end(Map.of("assignmentId", chief)).path("gridStaffEnd.userErrors").entityList(Object.class).hasSize(0);
		assertThat(complete(grid)).as("an ended chief no longer counts").isFalse();
	}

	@Test
	void completenessIsNullAndStaffEmptyForAreasThatAreNotGrids() {
		admin.documentName("gridStaff").variable("id", village.id()).execute()
			.path("area.complete").valueIsNull()
			.path("area.gridStaff").entityList(Object.class).hasSize(0);
	}

	@Test
	void refusesToRetireAGridWithActiveStaffUntilTheyHaveEnded() {
		long member = tree.staff(grid, StaffRole.MEMBER, "王秀英", null).id();

		admin.documentName("areaRetire").variable("input", Map.of("id", grid.id())).execute()
			.path("areaRetire.area").valueIsNull()
			.path("areaRetire.userErrors[0].code").entity(String.class).isEqualTo("HAS_ACTIVE_STAFF");
		assertThat(statusOf(grid)).isEqualTo("ACTIVE");

		end(Map.of("assignmentId", member)).path("gridStaffEnd.userErrors").entityList(Object.class).hasSize(0);
		admin.documentName("areaRetire").variable("input", Map.of("id", grid.id())).execute()
			.path("areaRetire.area.status").entity(String.class).isEqualTo("RETIRED");
		assertThat(statusOf(grid)).isEqualTo("RETIRED");
	}

	@Test
	void refusesAGridMemberAssigningStaffAsForbiddenAndWritesNothing() {
		GraphQlTester member = world.as(tree.account("member", Role.GRID_MEMBER, grid));
		member.documentName("gridStaffAssign").variable("input", staffInput(grid, "MEMBER", "王秀英", null)).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(allStaff(grid)).isZero();
	}

	@Test
	void ofEightConcurrentChiefAssignmentsExactlyOneWins() throws Exception {
		int contenders = 8;
		List<GraphQlTester> clients = new ArrayList<>();
		for (int i = 0; i < contenders; i++) {
			clients.add(world.as(tree.account("racer" + i, Role.BUREAU_ADMIN, tree.county())));
		}
		CountDownLatch ready = new CountDownLatch(contenders);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < contenders; i++) {
				GraphQlTester client = clients.get(i);
				Map<String, Object> input = staffInput(grid, "CHIEF", "网格长候选" + i, null);
				results.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return outcomeOf(client.documentName("gridStaffAssign").variable("input", input).execute());
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get(60, TimeUnit.SECONDS));
			}

			assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
			assertThat(outcomes).filteredOn(o -> !o.equals("OK")).hasSize(contenders - 1)
				.allSatisfy(o -> assertThat(o).isIn("ROLE_TAKEN", "CONFLICT"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(world.jdbc()
			.sql("SELECT COUNT(*) FROM grid_staff WHERE grid_id = ? AND role = 'CHIEF' AND ended_on IS NULL")
			.param(grid.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(allStaff(grid)).isEqualTo(1);
	}

	/** OK, the first user error's code, or the top-level error's classification. */
	private static String outcomeOf(GraphQlTester.Response response) {
		List<ResponseError> errors = new ArrayList<>();
		response.errors().satisfy(errors::addAll);
		if (!errors.isEmpty()) {
			return String.valueOf(errors.get(0).getErrorType());
		}
		List<Map> userErrors = response.path("gridStaffAssign.userErrors").entityList(Map.class).get();
		return userErrors.isEmpty() ? "OK" : String.valueOf(userErrors.get(0).get("code"));
	}

	private GraphQlTester.Response assign(Map<String, Object> input) {
		return admin.documentName("gridStaffAssign").variable("input", input).execute();
	}

	private GraphQlTester.Response end(Map<String, Object> input) {
		return admin.documentName("gridStaffEnd").variable("input", input).execute();
	}

	private static Map<String, Object> staffInput(AreaView grid, String role, String name, String phone) {
		Map<String, Object> input = new HashMap<>();
		input.put("gridId", grid.id());
		input.put("role", role);
		input.put("personKind", "RESIDENT");
		input.put("displayName", name);
		if (phone != null) {
			input.put("phone", phone);
		}
		return input;
	}

	private Boolean complete(AreaView area) {
		return admin.documentName("gridStaff").variable("id", area.id()).execute()
			.path("area.complete").entity(Boolean.class).get();
	}

	private static LocalDate today() {
		return LocalDate.now(BureauClock.ZONE);
	}

	private long allStaff(AreaView grid) {
		return world.jdbc().sql("SELECT COUNT(*) FROM grid_staff WHERE grid_id = ?").param(grid.id())
			.query(Long.class).single();
	}

	private long activeStaff(AreaView grid) {
		return world.jdbc().sql("SELECT COUNT(*) FROM grid_staff WHERE grid_id = ? AND ended_on IS NULL")
			.param(grid.id()).query(Long.class).single();
	}

	private long countAllStaff() {
		return world.jdbc().sql("SELECT COUNT(*) FROM grid_staff").query(Long.class).single();
	}

	private List<String> activeHolders(AreaView grid, String role) {
		return world.jdbc()
			.sql("SELECT display_name FROM grid_staff WHERE grid_id = ? AND role = ? AND ended_on IS NULL ORDER BY id")
			.param(grid.id()).param(role).query(String.class).list();
	}

	private LocalDate endOf(long assignmentId) {
		return world.jdbc().sql("SELECT ended_on FROM grid_staff WHERE id = ?").param(assignmentId)
			.query((rs, n) -> rs.getObject("ended_on", LocalDate.class)).list().get(0);
	}

	private String statusOf(AreaView area) {
		return world.jdbc().sql("SELECT status FROM area WHERE id = ?").param(area.id()).query(String.class).single();
	}
}
