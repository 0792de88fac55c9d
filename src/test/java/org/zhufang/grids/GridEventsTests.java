package org.zhufang.grids;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.zhufang.grids.AreaInputs.AreaCreateInput;
import org.zhufang.grids.AreaInputs.AreaRetireInput;
import org.zhufang.grids.AreaInputs.GridStaffAssignInput;
import org.zhufang.grids.AreaInputs.GridStaffEndInput;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Caller;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts the grid network tells other modules: each change publishes one past-tense event
 * carrying ids and the facts listeners need, and a refused change publishes nothing.
 * <p>
 * Scenarios record the events published on the test's thread, so the facade is called
 * directly rather than over HTTP.
 */
@IntegrationTest
@EnableScenarios
class GridEventsTests {

	@Autowired
	TestWorld world;

	@Autowired
	GridNetwork network;

	TestWorld.Tree tree;

	AreaView village;

	AreaView grid;

	Caller admin;

	@BeforeEach
	void buildTree() {
		tree = world.county("事件测试县");
		AreaView town = tree.child(tree.county(), "古固寨镇");
		village = tree.child(town, "古固寨村");
		grid = tree.child(village, "古固寨村第一网格");
		admin = TestWorld.system(tree.county().id());
	}

	@Test
	void announcesANewAreaWithItsIdCodeLevelAndParent(Scenario scenario) {
		String code = village.code() + "050";
		scenario.stimulate(() -> network.createArea(admin,
				new AreaCreateInput(village.id(), code, "古固寨村第五十网格", AreaLevel.GRID, 40, 130)))
			.andWaitForEventOfType(AreaCreated.class)
			.matchingMappedValue(AreaCreated::code, code)
			.toArriveAndVerify((event, outcome) -> {
				assertThat(outcome.isOk()).isTrue();
				assertThat(event.areaId()).isEqualTo(outcome.value().id());
				assertThat(event.level()).isEqualTo(AreaLevel.GRID);
				assertThat(event.parentId()).isEqualTo(village.id());
				assertThat(event.name()).isEqualTo("古固寨村第五十网格");
			});
	}

	@Test
	void announcesANewCountyWithoutAParent(Scenario scenario) {
		String code = "9" + tree.county().code().substring(1) + "01";
		scenario.stimulate(() -> network.createArea(TestWorld.system(),
				new AreaCreateInput(null, code, "事件测试新县", AreaLevel.COUNTY, 0, 0)))
			.andWaitForEventOfType(AreaCreated.class)
			.matchingMappedValue(AreaCreated::code, code)
			.toArriveAndVerify((event, outcome) -> {
				assertThat(event.areaId()).isEqualTo(outcome.value().id());
				assertThat(event.level()).isEqualTo(AreaLevel.COUNTY);
				assertThat(event.parentId()).isNull();
			});
	}

	@Test
	void announcesAnAssignmentWithItsIdGridAndRole(Scenario scenario) {
		LocalDate startedOn = LocalDate.now(BureauClock.ZONE).minusDays(3);
		scenario.stimulate(() -> network.assignStaff(admin, new GridStaffAssignInput(grid.id(),
				StaffRole.DEPUTY_CHIEF, PersonKind.OFFICER, "officer-42", "李警官", "13812345678", startedOn)))
			.andWaitForEventOfType(GridStaffAssigned.class)
			.matchingMappedValue(GridStaffAssigned::gridId, grid.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(outcome.isOk()).isTrue();
				assertThat(event.assignmentId()).isEqualTo(outcome.value().id());
				assertThat(event.role()).isEqualTo(StaffRole.DEPUTY_CHIEF);
				assertThat(event.personKind()).isEqualTo(PersonKind.OFFICER);
				assertThat(event.personRef()).isEqualTo("officer-42");
				assertThat(event.startedOn()).isEqualTo(startedOn);
			});
	}

	@Test
	void announcesTheEndOfAnAssignmentWithItsIdGridAndRole(Scenario scenario) {
		GridStaffView chief = tree.staff(grid, StaffRole.CHIEF, "张建国", null);
		scenario.stimulate(() -> network.endStaff(admin, new GridStaffEndInput(chief.id(), null, "退休")))
			.andWaitForEventOfType(GridStaffEnded.class)
			.matchingMappedValue(GridStaffEnded::assignmentId, chief.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(outcome.isOk()).isTrue();
				assertThat(event.gridId()).isEqualTo(grid.id());
				assertThat(event.role()).isEqualTo(StaffRole.CHIEF);
				assertThat(event.endedOn()).isEqualTo(LocalDate.now(BureauClock.ZONE));
			});
	}

	@Test
	void announcesTheRetirementOfAnArea(Scenario scenario) {
		scenario.stimulate(() -> network.retireArea(admin, new AreaRetireInput(grid.id())))
			.andWaitForEventOfType(AreaRetired.class)
			.matchingMappedValue(AreaRetired::areaId, grid.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(outcome.isOk()).isTrue();
				assertThat(event.code()).isEqualTo(grid.code());
				assertThat(event.level()).isEqualTo(AreaLevel.GRID);
			});
	}

	@Test
	void announcesNothingForARefusedAssignment(Scenario scenario) {
		GridStaffView chief = tree.staff(grid, StaffRole.CHIEF, "张建国", null);
		scenario.stimulate(() -> network.assignStaff(admin, new GridStaffAssignInput(grid.id(), StaffRole.CHIEF,
				PersonKind.RESIDENT, null, "李卫东", null, null)))
			.andWaitForStateChange(this::activeChiefsOfGrid, chiefs -> chiefs == 1)
			.andVerifyEvents(events -> assertThat(events.ofType(GridStaffAssigned.class)
				.matching(event -> event.gridId() == grid.id()))
				.as("only the fixture's chief was announced")
				.extracting(GridStaffAssigned::assignmentId).containsExactly(chief.id()));
	}

	@Test
	void announcesNothingForARefusedRetirementOrCreation(Scenario scenario) {
		tree.staff(grid, StaffRole.MEMBER, "王秀英", null);
		scenario.stimulate(() -> {
			assertThat(network.retireArea(admin, new AreaRetireInput(grid.id())).userErrors())
				.extracting(org.zhufang.shared.UserError::code).containsExactly("HAS_ACTIVE_STAFF");
			assertThat(network.createArea(admin, new AreaCreateInput(village.id(), grid.code(), "重复网格",
					AreaLevel.GRID, 0, 0)).userErrors())
				.extracting(org.zhufang.shared.UserError::code).containsExactly("DUPLICATE_CODE");
			return statusOfGrid();
		})
			.andWaitForStateChange(this::statusOfGrid, "ACTIVE"::equals)
			.andVerifyEvents(events -> {
				assertThat(events.ofType(AreaRetired.class).matching(event -> event.areaId() == grid.id())).isEmpty();
				assertThat(events.ofType(AreaCreated.class).matching(event -> event.code().equals(grid.code())))
					.isEmpty();
			});
	}

	private long activeChiefsOfGrid() {
		return world.jdbc()
			.sql("SELECT COUNT(*) FROM grid_staff WHERE grid_id = ? AND role = 'CHIEF' AND ended_on IS NULL")
			.param(grid.id()).query(Long.class).single();
	}

	private String statusOfGrid() {
		return world.jdbc().sql("SELECT status FROM area WHERE id = ?").param(grid.id()).query(String.class).single();
	}
}
