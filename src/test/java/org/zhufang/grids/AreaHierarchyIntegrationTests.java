package org.zhufang.grids;

import java.util.ArrayList;
import java.util.List;
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
 * The area tree's rules through GraphQL against the real database: levels, codes, retiring,
 * subtree queries, paging and Chinese text.
 */
@IntegrationTest
class AreaHierarchyIntegrationTests {

	@Autowired
	TestWorld world;

	TestWorld.Tree tree;

	AreaView county;

	AreaView town;

	AreaView village;

	AreaView grid;

	GraphQlTester admin;

	@BeforeEach
	void buildTree() {
		tree = world.county("新乡县测试");
		county = tree.county();
		town = tree.child(county, "七里营镇");
		village = tree.child(town, "南新村");
		grid = tree.child(village, "南新村第一网格");
		admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, county));
	}

	@Test
	void createsAChildOneLevelBelowItsParentAndRoundTripsChineseNames() {
		String code = village.code() + "099";
		admin.documentName("areaCreate")
			.variable("input", Map.of("parentId", village.id(), "code", code, "name", "南新村第九网格（东区）",
					"level", "GRID", "households", 81, "residents", 276))
			.execute()
			.path("areaCreate.userErrors").entityList(Object.class).hasSize(0)
			.path("areaCreate.area.name").entity(String.class).isEqualTo("南新村第九网格（东区）")
			.path("areaCreate.area.level").entity(String.class).isEqualTo("GRID")
			.path("areaCreate.area.status").entity(String.class).isEqualTo("ACTIVE")
			.path("areaCreate.area.households").entity(Integer.class).isEqualTo(81)
			.path("areaCreate.area.parent.id").entity(String.class).isEqualTo(String.valueOf(village.id()))
			.path("areaCreate.area.ancestors[*].code").entityList(String.class)
			.containsExactly(county.code(), town.code(), village.code());

		admin.documentName("areas").variable("filter", Map.of("search", "第九网格（东"))
			.execute()
			.path("areas.edges[*].node.code").entityList(String.class).containsExactly(code);
	}

	@Test
	void refusesALevelThatIsNotDirectlyBelowTheParentAndWritesNothing() {
		long before = countAreas();
		admin.documentName("areaCreate")
			.variable("input", Map.of("parentId", town.id(), "code", town.code() + "777", "name", "跳级网格",
					"level", "GRID"))
			.execute()
			.path("areaCreate.area").valueIsNull()
			.path("areaCreate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_LEVEL")
			.path("areaCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "level");
		assertThat(countAreas()).isEqualTo(before);
	}

	@Test
	void refusesACountyWithAParentAndAnyOtherLevelWithoutOne() {
		long before = countAreas();
		admin.documentName("areaCreate")
			.variable("input", Map.of("parentId", county.id(), "code", county.code() + "555", "name", "县中县",
					"level", "COUNTY"))
			.execute()
			.path("areaCreate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_LEVEL");
		admin.documentName("areaCreate")
			.variable("input", Map.of("code", "777777", "name", "无父镇", "level", "TOWN"))
			.execute()
			.path("areaCreate.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED")
			.path("areaCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "parentId");
		assertThat(countAreas()).isEqualTo(before);
	}

	@Test
	void refusesADuplicateCodeAndACodeOutsideTheParentsAndBadInput() {
		long before = countAreas();
		admin.documentName("areaCreate")
			.variable("input", Map.of("parentId", town.id(), "code", village.code(), "name", "重复", "level", "VILLAGE"))
			.execute()
			.path("areaCreate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_CODE")
			.path("areaCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "code");
		admin.documentName("areaCreate")
			.variable("input", Map.of("parentId", town.id(), "code", "123456789012", "name", "外码村", "level", "VILLAGE"))
			.execute()
			.path("areaCreate.userErrors[0].code").entity(String.class).isEqualTo("CODE_NOT_UNDER_PARENT");
		admin.documentName("areaCreate")
			.variable("input", Map.of("parentId", town.id(), "code", town.code() + "x1", "name", "名".repeat(51),
					"level", "VILLAGE", "residents", -1))
			.execute()
			.path("areaCreate.userErrors[*].code").entityList(String.class)
			.satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("INVALID_FORMAT", "TOO_LONG", "TOO_SMALL"));
		assertThat(countAreas()).isEqualTo(before);
	}

	@Test
	void refusesAChildUnderARetiredParentAndWritesNothing() {
		AreaView village2 = tree.child(town, "待撤村");
		admin.documentName("areaRetire").variable("input", Map.of("id", village2.id())).execute()
			.path("areaRetire.area.status").entity(String.class).isEqualTo("RETIRED");
		long before = countAreas();
		admin.documentName("areaCreate")
			.variable("input", Map.of("parentId", village2.id(), "code", village2.code() + "001", "name", "网格",
					"level", "GRID"))
			.execute()
			.path("areaCreate.area").valueIsNull()
			.path("areaCreate.userErrors[0].code").entity(String.class).isEqualTo("PARENT_RETIRED")
			.path("areaCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "parentId");
		assertThat(countAreas()).isEqualTo(before);
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM area WHERE parent_id = ? OR code = ?")
			.params(village2.id(), village2.code() + "001").query(Long.class).single()).isZero();
	}

	@Test
	void refusesToRetireAnAreaWithActiveChildrenThenRetiresBottomUp() {
		admin.documentName("areaRetire").variable("input", Map.of("id", village.id())).execute()
			.path("areaRetire.area").valueIsNull()
			.path("areaRetire.userErrors[0].code").entity(String.class).isEqualTo("HAS_ACTIVE_CHILDREN");
		assertThat(statusOf(village.id())).isEqualTo("ACTIVE");

		admin.documentName("areaRetire").variable("input", Map.of("id", grid.id())).execute()
			.path("areaRetire.area.status").entity(String.class).isEqualTo("RETIRED");
		admin.documentName("areaRetire").variable("input", Map.of("id", village.id())).execute()
			.path("areaRetire.area.status").entity(String.class).isEqualTo("RETIRED");
		admin.documentName("areaRetire").variable("input", Map.of("id", village.id())).execute()
			.path("areaRetire.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_RETIRED");
	}

	@Test
	void updatesNameAndFiguresAndRefusesAStaleVersionAsConflict() {
		Integer version = admin.documentName("area").variable("id", town.id()).execute()
			.path("area.version").entity(Integer.class).get();
		admin.documentName("areaUpdate")
			.variable("input", Map.of("id", town.id(), "expectedVersion", version, "name", "七里营镇（新）",
					"households", 11094, "residents", 38647))
			.execute()
			.path("areaUpdate.area.name").entity(String.class).isEqualTo("七里营镇（新）")
			.path("areaUpdate.area.residents").entity(Integer.class).isEqualTo(38647);

		admin.documentName("areaUpdate")
			.variable("input", Map.of("id", town.id(), "expectedVersion", version, "name", "过期的修改"))
			.execute()
			.errors().satisfy(errors -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getErrorType().toString()).isEqualTo("CONFLICT");
			});
		assertThat(world.jdbc().sql("SELECT name FROM area WHERE id = ?").param(town.id()).query(String.class).single())
			.isEqualTo("七里营镇（新）");
	}

	@Test
	void listsEverythingUnderAnAreaWhateverTheDepth() {
		AreaView otherTown = tree.child(county, "朗公庙镇");
		tree.child(otherTown, "朗公庙村");
		admin.documentName("areas").variable("filter", Map.of("underAreaId", town.id())).variable("first", 100)
			.execute()
			.path("areas.totalCount").entity(Integer.class).isEqualTo(3)
			.path("areas.edges[*].node.code").entityList(String.class)
			.containsExactly(town.code(), village.code(), grid.code());
		admin.documentName("areas").variable("filter", Map.of("underAreaId", county.id(), "level", "VILLAGE"))
			.execute()
			.path("areas.edges[*].node.name").entityList(String.class).containsExactly("南新村", "朗公庙村");
		admin.documentName("areas").variable("filter", Map.of("parentId", county.id()))
			.execute()
			.path("areas.edges[*].node.name").entityList(String.class).containsExactly("七里营镇", "朗公庙镇");
	}

	@Test
	void searchMatchesPartOfACode() {
		tree.child(county, "朗公庙镇");
		admin.documentName("areas").variable("filter", Map.of("search", village.code())).variable("first", 100)
			.execute()
			.path("areas.edges[*].node.code").entityList(String.class).containsExactly(village.code(), grid.code());
		admin.documentName("areas").variable("filter", Map.of("search", grid.code().substring(2))).execute()
			.path("areas.edges[*].node.name").entityList(String.class).containsExactly("南新村第一网格");
	}

	@Test
	void filtersByStatus() {
		AreaView retired = tree.child(village, "南新村撤销网格");
		admin.documentName("areaRetire").variable("input", Map.of("id", retired.id())).execute()
			.path("areaRetire.area.status").entity(String.class).isEqualTo("RETIRED");

		admin.documentName("areas").variable("filter", Map.of("underAreaId", village.id(), "status", "RETIRED"))
			.execute()
			.path("areas.totalCount").entity(Integer.class).isEqualTo(1)
			.path("areas.edges[*].node.code").entityList(String.class).containsExactly(retired.code());
		admin.documentName("areas").variable("filter", Map.of("underAreaId", village.id(), "status", "ACTIVE"))
			.execute()
			.path("areas.totalCount").entity(Integer.class).isEqualTo(2)
			.path("areas.edges[*].node.code").entityList(String.class).containsExactly(village.code(), grid.code());
		admin.documentName("areas").variable("filter", Map.of("underAreaId", village.id())).execute()
			.path("areas.totalCount").entity(Integer.class).isEqualTo(3);
	}

	@Test
	void pagesForwardsAndBackwardsWithExactEdges() {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			codes.add(tree.child(village, "分页网格" + i).code());
		}
		codes.add(0, grid.code());
		Map<String, Object> filter = Map.of("parentId", village.id());

		GraphQlTester.Response first = admin.documentName("areas").variable("filter", filter).variable("first", 4).execute();
		first.path("areas.totalCount").entity(Integer.class).isEqualTo(6)
			.path("areas.edges[*].node.code").entityList(String.class).containsExactly(codes.subList(0, 4).toArray(String[]::new))
			.path("areas.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("areas.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		String end = first.path("areas.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response second = admin.documentName("areas").variable("filter", filter).variable("first", 4)
			.variable("after", end).execute();
		second.path("areas.edges[*].node.code").entityList(String.class).containsExactly(codes.subList(4, 6).toArray(String[]::new))
			.path("areas.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
			.path("areas.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		String last = second.path("areas.pageInfo.endCursor").entity(String.class).get();

		admin.documentName("areas").variable("filter", filter).variable("first", 4).variable("after", last).execute()
			.path("areas.edges").entityList(Object.class).hasSize(0)
			.path("areas.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		GraphQlTester.Response back = admin.documentName("areas").variable("filter", filter).variable("last", 3)
			.variable("before", second.path("areas.pageInfo.startCursor").entity(String.class).get()).execute();
		back.path("areas.edges[*].node.code").entityList(String.class).containsExactly(codes.subList(1, 4).toArray(String[]::new))
			.path("areas.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
			.path("areas.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);

		admin.documentName("areas").variable("filter", filter).variable("last", 2).execute()
			.path("areas.edges[*].node.code").entityList(String.class).containsExactly(codes.subList(4, 6).toArray(String[]::new))
			.path("areas.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
			.path("areas.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		admin.documentName("areas").variable("filter", filter).variable("first", 0).execute()
			.path("areas.edges").entityList(Object.class).hasSize(0)
			.path("areas.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void refusesPagesLargerThanTheCapAndForeignCursorsAsBadRequest() {
		admin.documentName("areas").variable("first", 101).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
		admin.documentName("areas").variable("after", "bm90LWEtY3Vyc29y").execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

	@Test
	void looksUpByIdAndCodeAndAnswersNullForUnknownOnes() {
		admin.document("{ areaByCode(code: \"" + village.code() + "\") { name parent { name } } }").execute()
			.path("areaByCode.name").entity(String.class).isEqualTo("南新村")
			.path("areaByCode.parent.name").entity(String.class).isEqualTo("七里营镇");
		admin.document("{ area(id: 987654321) { id } areaByCode(code: \"000000\") { id } }").execute()
			.path("area").valueIsNull()
			.path("areaByCode").valueIsNull();
	}

	@Test
	void refusesAnIdThatIsNotANumberAsBadRequestNotAsAnInternalError() {
		admin.document("{ area(id: \"abc\") { id } }").execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(e.getMessage()).doesNotContain("org.springframework", "Exception");
			}));
	}

	@Test
	void filtersByAnAreaThatDoesNotExistAsNotFoundRatherThanForbidden() {
		admin.documentName("areas").variable("filter", Map.of("underAreaId", 987654321)).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
	}

	private long countAreas() {
		return world.jdbc().sql("SELECT COUNT(*) FROM area").query(Long.class).single();
	}

	private String statusOf(long id) {
		return world.jdbc().sql("SELECT status FROM area WHERE id = ?").param(id).query(String.class).single();
	}
}
