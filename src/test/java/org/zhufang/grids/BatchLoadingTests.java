package org.zhufang.grids;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.StatementCounter;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No SQL per row": a query over the area tree costs a fixed number of statements whatever the
 * number of areas, because every nested field loads in batches.
 * <p>
 * The statement counter sees the whole application, so nothing else may run while a request is
 * measured: JUnit runs these methods one after the other, and the fixtures are built (and the
 * token fetched) before the window opens.
 */
@IntegrationTest
class BatchLoadingTests {

	/**
	 * Room for what the query needs (the caller, the page, one statement per nested field and
	 * level, the audit entry of the phones read in clear), far below one per row.
	 */
	static final int STATEMENT_BUDGET = 15;

	@Autowired
	TestWorld world;

	@Autowired
	StatementCounter statements;

	@Test
	void aDeepQueryOverTwelveVillagesCostsNoMoreStatementsThanOneOverTwo() {
		Measured small = measureVillageQuery(2);
		Measured large = measureVillageQuery(12);

		assertThat(large.statements()).as("statements for 12 villages, against %d for 2", small.statements())
			.isEqualTo(small.statements());
		assertThat(small.statements()).isLessThanOrEqualTo(STATEMENT_BUDGET);
	}

	/**
	 * Builds a county of its own with a town of {@code villages} villages, each with two complete
	 * grids of three staff, and runs the village query once as its bureau admin.
	 */
	private Measured measureVillageQuery(int villages) {
		TestWorld.Tree tree = world.county("批量加载测试县");
		AreaView town = tree.child(tree.county(), "小冀镇");
		for (int v = 0; v < villages; v++) {
			AreaView village = tree.child(town, "小冀村" + v);
			for (int g = 0; g < 2; g++) {
				AreaView grid = tree.child(village, "小冀村" + v + "第" + g + "网格");
				tree.staff(grid, StaffRole.CHIEF, "网格长" + v + g, "1381234" + String.format("%04d", v * 10 + g));
				tree.staff(grid, StaffRole.DEPUTY_CHIEF, "副网格长" + v + g, "1391234" + String.format("%04d", v * 10 + g));
				tree.staff(grid, StaffRole.MEMBER, "网格员" + v + g, null);
			}
		}
		GraphQlTester admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, tree.county()));

		long before = statements.count();
		GraphQlTester.Response response = admin.documentName("villagesWithGrids")
			.variable("townId", town.id())
			.variable("first", villages)
			.execute();
		long cost = statements.count() - before;

		response.path("areas.edges").entityList(Object.class).hasSize(villages)
			.path("areas.edges[*].node.parent.name").entityList(String.class)
			.satisfies(names -> assertThat(names).hasSize(villages).containsOnly("小冀镇"))
			.path("areas.edges[0].node.ancestors[*].name").entityList(String.class)
			.containsExactly("批量加载测试县", "小冀镇")
			.path("areas.edges[*].node.children.totalCount").entityList(Integer.class)
			.satisfies(counts -> assertThat(counts).hasSize(villages).containsOnly(2))
			.path("areas.edges[*].node.children.edges[*].node.complete").entityList(Boolean.class)
			.satisfies(complete -> assertThat(complete).hasSize(villages * 2).containsOnly(true))
			.path("areas.edges[*].node.children.edges[*].node.gridStaff[*].role").entityList(String.class)
			.hasSize(villages * 6)
			.path("areas.edges[0].node.children.edges[0].node.gridStaff[*].phone").entityList(String.class)
			.containsExactly("13812340000", "13912340000", null);
		List<String> roles = response.path("areas.edges[%d].node.children.edges[1].node.gridStaff[*].role"
			.formatted(villages - 1)).entityList(String.class).get();
		assertThat(roles).containsExactly("CHIEF", "DEPUTY_CHIEF", "MEMBER");
		return new Measured(villages, cost);
	}

	record Measured(int villages, long statements) {
	}
}
