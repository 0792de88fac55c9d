package org.zhufang.grids;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.zhufang.grids.AreaInputs.AreaCreateInput;
import org.zhufang.grids.AreaInputs.AreaRetireInput;
import org.zhufang.grids.AreaInputs.GridStaffAssignInput;
import org.zhufang.shared.Caller;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.support.CompetingTransaction;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retiring an area against hanging something under it at the same moment: a child area, or a
 * grid's staff. Each test holds the competing command's locks and writes in a transaction of its
 * own (emulated with SQL, so the moment is certain), and checks that the real command waits for
 * it and then refuses, leaving nothing under a retired area.
 */
@IntegrationTest
class AreaHierarchyConcurrencyTests {

	@Autowired
	TestWorld world;

	@Autowired
	GridNetwork network;

	@Autowired
	PlatformTransactionManager transactionManager;

	TestWorld.Tree tree;

	Caller admin;

	AreaView town;

	AreaView village;

	AreaView grid;

	@BeforeEach
	void buildTree() {
		tree = world.county("并发辖区测试县");
		town = tree.child(tree.county(), "小冀镇");
		village = tree.child(town, "京华村");
		grid = tree.child(village, "京华村第一网格");
		admin = TestWorld.system(tree.county().id());
	}

	@Test
	void retiringWaitsForAChildBeingCreatedAndThenRefusesAsHasActiveChildren() throws Exception {
		AreaView emptyVillage = tree.child(town, "刘庄村");
		Outcome<AreaView> outcome = whileAnotherTransactionHolds(jdbc -> {
			lockForShare(jdbc, emptyVillage.id());
			jdbc.sql("""
					INSERT INTO area (code, name, level, parent_id, households, residents, status, version, created_at, updated_at)
					VALUES (?, '刘庄村第一网格', 'GRID', ?, 0, 0, 'ACTIVE', 0, NOW(6), NOW(6))""")
				.params(emptyVillage.code() + "001", emptyVillage.id()).update();
		}, () -> network.retireArea(admin, new AreaRetireInput(emptyVillage.id())));

		assertThat(outcome.userErrors()).extracting(UserError::code).containsExactly("HAS_ACTIVE_CHILDREN");
		assertThat(statusOf(emptyVillage.id())).isEqualTo("ACTIVE");
	}

	@Test
	void creatingAChildWaitsForARetirementOfTheParentAndThenRefusesAsParentRetired() throws Exception {
		AreaView emptyVillage = tree.child(town, "大召营村");
		Outcome<AreaView> outcome = whileAnotherTransactionHolds(jdbc -> retire(jdbc, emptyVillage.id()),
				() -> network.createArea(admin, new AreaCreateInput(emptyVillage.id(), emptyVillage.code() + "001",
						"大召营村第一网格", AreaLevel.GRID, 0, 0)));

		assertThat(outcome.userErrors()).extracting(UserError::code).containsExactly("PARENT_RETIRED");
		assertThat(childrenOf(emptyVillage.id())).isZero();
	}

	@Test
	void retiringAGridWaitsForStaffBeingAssignedAndThenRefusesAsHasActiveStaff() throws Exception {
		Outcome<AreaView> outcome = whileAnotherTransactionHolds(jdbc -> {
			lockForShare(jdbc, grid.id());
			jdbc.sql("""
					INSERT INTO grid_staff (grid_id, role, person_kind, display_name, started_on, version, created_at)
					VALUES (?, 'MEMBER', 'RESIDENT', '刘桂兰', ?, 0, NOW(6))""")
				.params(grid.id(), LocalDate.of(2026, 1, 5)).update();
		}, () -> network.retireArea(admin, new AreaRetireInput(grid.id())));

		assertThat(outcome.userErrors()).extracting(UserError::code).containsExactly("HAS_ACTIVE_STAFF");
		assertThat(statusOf(grid.id())).isEqualTo("ACTIVE");
	}

	@Test
	void assigningStaffWaitsForARetirementOfTheGridAndThenRefusesAsAreaRetired() throws Exception {
		Outcome<GridStaffView> outcome = whileAnotherTransactionHolds(jdbc -> retire(jdbc, grid.id()),
				() -> network.assignStaff(admin, new GridStaffAssignInput(grid.id(), StaffRole.MEMBER,
						PersonKind.RESIDENT, null, "陈玉芬", null, null)));

		assertThat(outcome.userErrors()).extracting(UserError::code).containsExactly("AREA_RETIRED");
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM grid_staff WHERE grid_id = ?").param(grid.id())
			.query(Long.class).single()).isZero();
	}

	private <T> Outcome<T> whileAnotherTransactionHolds(Consumer<JdbcClient> competing, Callable<Outcome<T>> command)
			throws Exception {
		return CompetingTransaction.whileHeld(transactionManager, world.jdbc(), competing, command);
	}

	private static void lockForShare(JdbcClient jdbc, long areaId) {
		jdbc.sql("SELECT id FROM area WHERE id = ? LOCK IN SHARE MODE").param(areaId).query(Long.class).single();
	}

	private static void retire(JdbcClient jdbc, long areaId) {
		jdbc.sql("SELECT id FROM area WHERE id = ? FOR UPDATE").param(areaId).query(Long.class).single();
		jdbc.sql("UPDATE area SET status = 'RETIRED', version = version + 1, updated_at = NOW(6) WHERE id = ?")
			.param(areaId).update();
	}

	private String statusOf(long id) {
		return world.jdbc().sql("SELECT status FROM area WHERE id = ?").param(id).query(String.class).single();
	}

	private long childrenOf(long id) {
		return world.jdbc().sql("SELECT COUNT(*) FROM area WHERE parent_id = ?").param(id).query(Long.class).single();
	}
}
