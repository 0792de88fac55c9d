package org.zhufang.grids;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request has a maximum depth (15) and a complexity budget (paged fields cost their page
 * size times what each item costs); a query over either is refused as BAD_REQUEST before it
 * runs.
 */
@IntegrationTest
class QueryLimitsTests {

	static final int MAX_DEPTH = 15;

	@Autowired
	TestWorld world;

	AreaView county;

	AreaView town;

	AreaView grid;

	GraphQlTester admin;

	@BeforeEach
	void buildTree() {
		TestWorld.Tree tree = world.county("查询限制测试县");
		county = tree.county();
		town = tree.child(county, "合河乡");
		AreaView village = tree.child(town, "合河村");
		grid = tree.child(village, "合河村第一网格");
		tree.staff(grid, StaffRole.CHIEF, "张建国", "13812345678");
		admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, tree.county()));
	}

	@Test
	void refusesAQueryDeeperThanTheMaximumAsBadRequest() {
		admin.document(parentChain(grid.id(), MAX_DEPTH + 1)).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(error.getMessage()).contains("levels deep");
			}));
	}

	@Test
	void answersAQueryExactlyAsDeepAsTheMaximum() {
		admin.document(parentChain(grid.id(), MAX_DEPTH)).execute()
			.path("area.parent.parent.parent.id").entity(String.class).isEqualTo(String.valueOf(county.id()))
			.path("area.parent.parent.parent.parent").valueIsNull();
	}

	@Test
	void refusesAQueryOverTheComplexityBudgetAsBadRequest() {
		admin.document("""
				{ areas(first: 100) { edges { node {
				    children(first: 100) { edges { node {
				      children(first: 100) { edges { node { name } } } } } } } } } }""")
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(error.getMessage()).contains("complexity");
			}));
	}

	@Test
	void pricesPageSizesPassedAsVariables() {
		admin.document("""
				query nested($size: Int) { areas(first: $size) { edges { node {
				    children(first: $size) { edges { node {
				      children(first: $size) { edges { node { name } } } } } } } } } }""")
			.variable("size", 100)
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

	@Test
	void pricesAPagedFieldWithoutFirstAtTheDefaultPageSize() {
		// Each level defaults to 20 items: 20 x 20 x 20 names and their wrappers cost well over
		// the budget although no page size is written down.
		admin.document("""
				{ areas { edges { node {
				    children { edges { node {
				      children { edges { node { children { edges { node { name } } } } } } } } } } } } }""")
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

	@Test
	void pricesAHundredAreasWithAHundredChildrenEachAsTheTenThousandRowsTheyCouldReturn() {
		// connection wrappers (edges, node) are free: 1 + 100 x (1 + 100 x 1) = 10,101
		admin.document("""
				{ areas(first: 100) { edges { node {
				    children(first: 100) { edges { node { name } } } } } } }""")
			.execute()
			.errors().verify()
			.path("areas.edges").entityList(Object.class).satisfies(edges -> assertThat(edges).isNotEmpty());
	}

	@Test
	void answersAnOrdinaryNestedQuery() {
		admin.documentName("villagesWithGrids").variable("townId", town.id()).variable("first", 20).execute()
			.path("areas.edges[*].node.name").entityList(String.class).containsExactly("合河村")
			.path("areas.edges[0].node.children.edges[0].node.gridStaff[0].displayName").entity(String.class)
			.isEqualTo("张建国");
		admin.documentName("areas").variable("filter", Map.of("parentId", town.id())).variable("first", 100).execute()
			.path("areas.totalCount").entity(Integer.class).isEqualTo(1);
	}

	/**
	 * {@code area(id) { id parent { id parent { … { id } } } } }} with {@code depth} levels of
	 * fields in all: {@code area}, then {@code depth - 2} times {@code parent}, then {@code id}.
	 */
	private static String parentChain(long id, int depth) {
		StringBuilder query = new StringBuilder("{ area(id: ").append(id).append(") { ");
		for (int i = 0; i < depth - 2; i++) {
			query.append("id parent { ");
		}
		query.append("id");
		query.append(" }".repeat(depth - 1));
		return query.append(" }").toString();
	}
}
