package org.zhufang.security;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLObjectType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridStaffView;
import org.zhufang.grids.StaffRole;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grid staff's personal data through GraphQL: phones in clear only for the roles that manage
 * grid staff, names reduced to the surname for the dashboard viewer, clear reads audited, and
 * the personal fields documented in the schema.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataMaskingTests {

	@Autowired
	TestWorld world;

	@Autowired
	GraphQlSource graphQlSource;

	private AreaView village;

	private AreaView grid;

	private GridStaffView wang;

	private GridStaffView ji;

	private GridStaffView noPhone;

	private final Map<Role, String> usernames = new EnumMap<>(Role.class);

	@BeforeAll
	void buildAGridWithStaffAndOneAccountPerRole() {
		TestWorld.Tree tree = world.county("个人信息县");
		AreaView town = tree.child(tree.county(), "七里营镇");
		village = tree.child(town, "南新村");
		grid = tree.child(village, "南新村第一网格");
		wang = tree.staff(grid, StaffRole.CHIEF, "王秀英", "13812345678");
		ji = tree.staff(grid, StaffRole.MEMBER, "𠮷祥", "0373-5551234");
		noPhone = tree.staff(grid, StaffRole.EXTRA, "刘志愿", null);

		usernames.put(Role.BUREAU_ADMIN, tree.account("admin", Role.BUREAU_ADMIN, tree.county()));
		usernames.put(Role.STATION_CHIEF, tree.account("chief", Role.STATION_CHIEF, town));
		usernames.put(Role.COMMUNITY_OFFICER, tree.account("officer", Role.COMMUNITY_OFFICER, village));
		usernames.put(Role.GRID_MEMBER, tree.account("grid", Role.GRID_MEMBER, grid));
		usernames.put(Role.TEAM_COORDINATOR, tree.account("coordinator", Role.TEAM_COORDINATOR, town));
		usernames.put(Role.OUTREACH_STAFF, tree.account("outreach", Role.OUTREACH_STAFF, town));
		usernames.put(Role.DASHBOARD_VIEWER, tree.account("viewer", Role.DASHBOARD_VIEWER, town));
	}

	// @formatter:off
	@ParameterizedTest(name = "{0} sees {1}, {2} / {3}, {4}")
	@CsvSource(delimiter = '|', textBlock = """
		# role            | 王秀英's phone | 王秀英's name | 𠮷祥's phone  | 𠮷祥's name
		BUREAU_ADMIN      | 13812345678    | 王秀英        | 0373-5551234  | 𠮷祥
		STATION_CHIEF     | 13812345678    | 王秀英        | 0373-5551234  | 𠮷祥
		COMMUNITY_OFFICER | 13812345678    | 王秀英        | 0373-5551234  | 𠮷祥
		GRID_MEMBER       | 13812345678    | 王秀英        | 0373-5551234  | 𠮷祥
		TEAM_COORDINATOR  | 138****5678    | 王秀英        | 037*****1234  | 𠮷祥
		OUTREACH_STAFF    | 138****5678    | 王秀英        | 037*****1234  | 𠮷祥
		DASHBOARD_VIEWER  | 138****5678    | 王*           | 037*****1234  | 𠮷*
		""")
	// @formatter:on
	void showsPhonesAndNamesInClearOnlyToTheRolesThatManageGridStaff(Role role, String wangPhone, String wangName,
			String jiPhone, String jiName) {
		GraphQlTester.Response byId = world.as(usernames.get(role)).documentName("gridStaffPersonal")
			.variable("id", grid.id()).execute();
		assertStaff(byId, "area.gridStaff", wangPhone, wangName, jiPhone, jiName);

		GraphQlTester.Response throughList = world.as(usernames.get(role)).documentName("gridStaffPersonalList")
			.variable("underAreaId", village.id()).execute();
		assertStaff(throughList, "areas.edges[0].node.gridStaff", wangPhone, wangName, jiPhone, jiName);
	}

	private void assertStaff(GraphQlTester.Response response, String path, String wangPhone, String wangName,
			String jiPhone, String jiName) {
		String wangAt = path + "[?(@.id == '" + wang.id() + "')]";
		String jiAt = path + "[?(@.id == '" + ji.id() + "')]";
		String noPhoneAt = path + "[?(@.id == '" + noPhone.id() + "')]";
		response.path(path + "[*].id").entityList(String.class).hasSize(3)
			.path(wangAt + ".phone").entityList(String.class).containsExactly(wangPhone)
			.path(wangAt + ".displayName").entityList(String.class).containsExactly(wangName)
			.path(jiAt + ".phone").entityList(String.class).containsExactly(jiPhone)
			.path(jiAt + ".displayName").entityList(String.class).containsExactly(jiName)
			.path(noPhoneAt + ".phone").entityList(Object.class).containsExactly((Object) null);
	}

	// @formatter:off
	@ParameterizedTest(name = "{0}: clear reads audited {1}")
	@CsvSource(delimiter = '|', textBlock = """
		# role            | a clear read is audited
		BUREAU_ADMIN      | true
		STATION_CHIEF     | true
		COMMUNITY_OFFICER | true
		GRID_MEMBER       | true
		TEAM_COORDINATOR  | false
		OUTREACH_STAFF    | false
		DASHBOARD_VIEWER  | false
		""")
	// @formatter:on
	void auditsEveryClearReadOfPhonesAndNoMaskedOne(Role role, boolean audited) {
		long before = phoneReads(role);
		world.as(usernames.get(role)).documentName("gridStaffPersonal").variable("id", grid.id()).execute()
			.path("area.gridStaff").entityList(Object.class).hasSize(3);
		assertThat(phoneReads(role)).isEqualTo(before + (audited ? 1 : 0));
		if (audited) {
			String targets = world.jdbc().sql("""
					SELECT target_ids FROM audit_event
					WHERE kind = 'PERSONAL_DATA_READ' AND username = ? ORDER BY id DESC LIMIT 1""")
				.param(usernames.get(role)).query(String.class).single();
			assertThat(List.of(targets.split(","))).containsExactlyInAnyOrder(String.valueOf(wang.id()),
					String.valueOf(ji.id()));
		}
	}

	@Test
	void theSchemaDocumentsWhichFieldsOfGridStaffArePersonalData() {
		GraphQLObjectType staff = graphQlSource.schema().getObjectType("GridStaffAssignment");
		assertThat(staff.getFieldDefinition("phone").getDescription()).contains("Personal data").contains("138****5678");
		assertThat(staff.getFieldDefinition("displayName").getDescription()).contains("Personal data")
			.contains("DASHBOARD_VIEWER");
	}

	private long phoneReads(Role role) {
		return world.jdbc().sql("""
				SELECT COUNT(*) FROM audit_event
				WHERE kind = 'PERSONAL_DATA_READ' AND operation = 'GridStaffAssignment.phone' AND username = ?""")
			.param(usernames.get(role)).query(Long.class).single();
	}
}
