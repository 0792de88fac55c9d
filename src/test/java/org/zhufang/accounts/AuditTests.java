package org.zhufang.accounts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import graphql.schema.GraphQLFieldDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridStaffView;
import org.zhufang.grids.StaffRole;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log against the real database: every mutation with its outcome, clear reads of
 * personal data, sign-ins; no secrets in it; readable by the bureau only and changeable by
 * nobody.
 */
@IntegrationTest
class AuditTests {

	@Autowired
	TestWorld world;

	@Autowired
	GraphQlSource graphQlSource;

	TestWorld.Tree tree;

	AreaView county;

	AreaView town;

	AreaView village;

	AreaView grid;

	String admin;

	String adminId;

	GraphQlTester asAdmin;

	@BeforeEach
	void buildCounty() {
		tree = world.county("审计测试县");
		county = tree.county();
		town = tree.child(county, "七里营镇");
		village = tree.child(town, "南新村");
		grid = tree.child(village, "南新村第一网格");
		admin = tree.account("admin", Role.BUREAU_ADMIN, county);
		adminId = world.accountId(admin);
		asAdmin = world.as(admin);
	}

	@Test
	void recordsAnAppliedMutationAsOkWithTheIdsItNamedAndProduced() {
		String newId = asAdmin.documentName("areaCreate")
			.variable("input", Map.of("parentId", village.id(), "code", village.code() + "901", "name", "审计网格",
					"level", "GRID"))
			.execute()
			.path("areaCreate.userErrors").entityList(Object.class).hasSize(0)
			.path("areaCreate.area.id").entity(String.class).get();

		GraphQlTester.Response events = auditEvents(adminId, "areaCreate");
		events.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1)
			.path("auditEvents.edges[0].node.kind").entity(String.class).isEqualTo("MUTATION")
			.path("auditEvents.edges[0].node.outcome").entity(String.class).isEqualTo("OK")
			.path("auditEvents.edges[0].node.username").entity(String.class).isEqualTo(admin)
			.path("auditEvents.edges[0].node.role").entity(String.class).isEqualTo("BUREAU_ADMIN")
			.path("auditEvents.edges[0].node.occurredAt").entity(String.class).satisfies(at -> assertThat(at).endsWith("+08:00"))
			.path("auditEvents.edges[0].node.targetIds").entityList(String.class)
			.contains(newId, String.valueOf(village.id()));
	}

	@Test
	void recordsTheIdOfEveryRecordInAListPayloadLikeTheShiftsOfAWeeklyRota() {
		String teamId = asAdmin.documentName("teamCreate")
			.variable("input", Map.of("name", "审计夜市巡逻队", "kind", "PATROL", "areaId", town.id()))
			.execute()
			.path("teamCreate.team.id").entity(String.class).get();
		LocalDate from = LocalDate.now(BureauClock.ZONE).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		List<String> shiftIds = asAdmin.documentName("shiftSchedule")
			.variable("input", Map.of("teamId", teamId, "purpose", "NIGHT_MARKET", "maxVolunteers", 6,
					"weekly", Map.of("daysOfWeek", List.of("FRIDAY", "SATURDAY"), "startTime", "19:00",
							"endTime", "23:00", "fromDate", from.toString(), "toDate", from.plusWeeks(2).toString())))
			.execute()
			.path("shiftSchedule.userErrors").entityList(Object.class).hasSize(0)
			.path("shiftSchedule.shifts[*].id").entityList(String.class).hasSize(4).get();
		asAdmin.documentName("shiftCancel")
			.variable("input", Map.of("shiftId", shiftIds.get(1), "scope", "THIS_AND_FOLLOWING"))
			.execute()
			.path("shiftCancel.shifts[*].id").entityList(String.class).hasSize(3);

		auditEvents(adminId, "shiftSchedule")
			.path("auditEvents.edges[0].node.outcome").entity(String.class).isEqualTo("OK")
			.path("auditEvents.edges[0].node.targetIds").entityList(String.class)
			.satisfies(ids -> assertThat(ids).contains(teamId).containsAll(shiftIds));
		auditEvents(adminId, "shiftCancel")
			.path("auditEvents.edges[0].node.targetIds").entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(shiftIds.subList(1, 4)));
	}

	@Test
	void recordsAMutationRefusedWithUserErrorsAsRejectedWithTheirCodes() {
		asAdmin.documentName("areaCreate")
			.variable("input", Map.of("parentId", town.id(), "code", town.code() + "902", "name", "跳级网格",
					"level", "GRID"))
			.execute()
			.path("areaCreate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_LEVEL");
		assertThat(areasWithCode(town.code() + "902")).isZero();

		auditEvents(adminId, "areaCreate")
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1)
			.path("auditEvents.edges[0].node.outcome").entity(String.class).isEqualTo("REJECTED")
			.path("auditEvents.edges[0].node.detail").entity(String.class)
			.satisfies(detail -> assertThat(detail).contains("INVALID_LEVEL"))
			.path("auditEvents.edges[0].node.targetIds").entityList(String.class).contains(String.valueOf(town.id()));
	}

	@Test
	void recordsAForbiddenMutationAsForbiddenThoughItWroteNothing() {
		String chief = tree.account("chief", Role.STATION_CHIEF, town);
		String villageCode = town.code() + "903";
		world.as(chief).documentName("areaCreate")
			.variable("input", Map.of("parentId", town.id(), "code", villageCode, "name", "越权村", "level", "VILLAGE"))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(areasWithCode(villageCode)).isZero();

		// And an admin reaching into another county.
		TestWorld.Tree other = world.county("邻县");
		String townCode = other.county().code() + "904";
		asAdmin.documentName("areaCreate")
			.variable("input", Map.of("parentId", other.county().id(), "code", townCode, "name", "外县镇",
					"level", "TOWN"))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(areasWithCode(townCode)).isZero();

		auditEvents(world.accountId(chief), "areaCreate")
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1)
			.path("auditEvents.edges[0].node.outcome").entity(String.class).isEqualTo("FORBIDDEN")
			.path("auditEvents.edges[0].node.role").entity(String.class).isEqualTo("STATION_CHIEF")
			.path("auditEvents.edges[0].node.username").entity(String.class).isEqualTo(chief);
		auditEvents(adminId, "areaCreate")
			.path("auditEvents.edges[*].node.outcome").entityList(String.class).containsExactly("FORBIDDEN");
	}

	@Test
	void listsTheLogNewestFirst() {
		asAdmin.documentName("areaCreate")
			.variable("input", Map.of("parentId", village.id(), "code", village.code() + "905", "name", "先建网格",
					"level", "GRID"))
			.execute().path("areaCreate.userErrors").entityList(Object.class).hasSize(0);
		asAdmin.documentName("areaCreate")
			.variable("input", Map.of("parentId", village.id(), "code", village.code() + "905", "name", "重复网格",
					"level", "GRID"))
			.execute().path("areaCreate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_CODE");

		auditEvents(adminId, "areaCreate")
			.path("auditEvents.edges[*].node.outcome").entityList(String.class).containsExactly("REJECTED", "OK");
	}

	@Test
	void neverWritesPasswordsOrTokensToTheAuditLog() {
		String marker = "Pw" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String username = county.code() + ".secretive";

		asAdmin.documentName("accountCreate")
			.variable("input", Map.of("username", username, "password", marker + "-create", "role", "GRID_MEMBER",
					"scopeAreaIds", List.of(grid.id())))
			.execute().path("accountCreate.userErrors").entityList(Object.class).hasSize(0);
		asAdmin.documentName("accountCreate")
			.variable("input", Map.of("username", username + "2", "password", marker.substring(0, 9), "role",
					"GRID_MEMBER", "scopeAreaIds", List.of(grid.id())))
			.execute().path("accountCreate.userErrors[0].code").entity(String.class).isEqualTo("TOO_SHORT");
		String userId = world.accountId(username);
		asAdmin.documentName("accountResetPassword")
			.variable("input", Map.of("id", userId, "newPassword", marker + "-reset"))
			.execute().path("accountResetPassword.userErrors").entityList(Object.class).hasSize(0);
		world.requestToken(username, marker + "-wrong").expectStatus().isUnauthorized();
		String token = (String) world.requestToken(username, marker + "-reset").expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody().get("access_token");
		GraphQlTester asUser = world.withToken(token);
		asUser.documentName("passwordChange")
			.variable("input", Map.of("currentPassword", marker + "-not-current", "newPassword", marker + "-never"))
			.execute().path("passwordChange.userErrors[0].code").entity(String.class).isEqualTo("WRONG_PASSWORD");
		asUser.documentName("passwordChange")
			.variable("input", Map.of("currentPassword", marker + "-reset", "newPassword", marker + "-changed"))
			.execute().path("passwordChange.userErrors").entityList(Object.class).hasSize(0);

		// They were all audited...
		assertThat(world.jdbc().sql("""
				SELECT COUNT(*) FROM audit_event
				WHERE (subject = :admin AND operation IN ('accountCreate', 'accountResetPassword'))
				   OR (subject = :user AND operation = 'passwordChange')
				   OR (operation = 'signIn' AND detail = :username)""")
			.param("admin", adminId).param("user", userId).param("username", username)
			.query(Long.class).single()).isEqualTo(6);
		// ...and no column of any entry holds a password or the token.
		assertThat(auditRowsContaining(marker)).isZero();
		assertThat(auditRowsContaining(marker.substring(0, 9))).isZero();
		assertThat(auditRowsContaining(token.substring(token.lastIndexOf('.') + 1, token.lastIndexOf('.') + 40)))
			.isZero();
		assertThat(auditRowsContaining(token.substring(0, 40))).isZero();
	}

	@Test
	void refusesTheAuditLogToEveryoneButTheBureauAdmin() {
		for (Role role : List.of(Role.STATION_CHIEF, Role.COMMUNITY_OFFICER, Role.DASHBOARD_VIEWER)) {
			String caller = tree.account(role.name().toLowerCase(Locale.ROOT), role, county);
			world.as(caller).documentName("auditEvents").variable("filter", Map.of("accountId", adminId)).execute()
				.errors().satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		}
		auditEvents(adminId, "signIn").path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void auditsAnUnmaskedReadOfGridStaffPhonesAndNotAMaskedOne() {
		GridStaffView chief = tree.staff(grid, StaffRole.CHIEF, "王秀英", "13812345678");
		GridStaffView member = tree.staff(grid, StaffRole.MEMBER, "李建国", "13987654321");
		String viewer = tree.account("viewer", Role.DASHBOARD_VIEWER, county);
		String viewerId = world.accountId(viewer);

		asAdmin.documentName("gridStaff").variable("id", grid.id()).execute()
			.path("area.gridStaff[*].phone").entityList(String.class)
			.satisfies(list -> assertThat(list).containsExactlyInAnyOrder("13812345678", "13987654321"));

		assertThat(personalDataReads(adminId)).singleElement().satisfies(row -> {
			assertThat(row.get("operation")).isEqualTo("GridStaffAssignment.phone");
			assertThat(row.get("outcome")).isEqualTo("OK");
			assertThat(List.of(String.valueOf(row.get("target_ids")).split(",")))
				.containsExactlyInAnyOrder(String.valueOf(chief.id()), String.valueOf(member.id()));
		});

		world.as(viewer).documentName("gridStaff").variable("id", grid.id()).execute()
			.path("area.gridStaff[*].phone").entityList(String.class)
			.satisfies(list -> assertThat(list).containsExactlyInAnyOrder("138****5678", "139****4321"))
			.path("area.gridStaff[*].displayName").entityList(String.class)
			.satisfies(list -> assertThat(list).containsExactlyInAnyOrder("王*", "李*"));

		assertThat(personalDataReads(viewerId)).isEmpty();
		assertThat(personalDataReads(adminId)).hasSize(1);
	}

	@Test
	void recordsSignInAttemptsWhetherTheySucceedOrNot() {
		String officer = tree.account("officer", Role.COMMUNITY_OFFICER, village);
		String officerId = world.accountId(officer);

		world.requestToken(officer, "wrong-password-1").expectStatus().isUnauthorized();
		world.requestToken(officer, TestWorld.PASSWORD).expectStatus().isOk();

		auditEvents(officerId, "signIn")
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1)
			.path("auditEvents.edges[0].node.kind").entity(String.class).isEqualTo("SIGN_IN")
			.path("auditEvents.edges[0].node.outcome").entity(String.class).isEqualTo("OK")
			.path("auditEvents.edges[0].node.username").entity(String.class).isEqualTo(officer)
			.path("auditEvents.edges[0].node.targetIds").entityList(String.class).containsExactly(officerId);

		List<Map<String, Object>> refused = world.jdbc()
			.sql("SELECT kind, subject, outcome, target_ids FROM audit_event WHERE operation = 'signIn' AND detail = ?")
			.param(officer).query().listOfRows();
		assertThat(refused).singleElement().satisfies(row -> {
			assertThat(row.get("kind")).isEqualTo("SIGN_IN");
			assertThat(row.get("outcome")).isEqualTo("REFUSED");
			assertThat(row.get("subject")).isNull();
			assertThat(row.get("target_ids")).isEqualTo(officerId);
		});
	}

	@Test
	void offersNoMutationThatChangesOrDeletesAuditEntries() {
		List<String> mutations = graphQlSource.schema().getMutationType().getFieldDefinitions().stream()
			.map(GraphQLFieldDefinition::getName).collect(Collectors.toList());

		assertThat(mutations).contains("accountCreate", "areaCreate");
		assertThat(mutations).noneMatch(name -> name.toLowerCase().contains("audit"));
		assertThat(graphQlSource.schema().getQueryType().getFieldDefinition("auditEvents")).isNotNull();
	}

	@Test
	void recordsAMutationRefusedForABadVariableOnceThoughNoResolverRan() {
		String code = village.code() + "931";
		asAdmin.documentName("areaCreate")
			.variable("input", Map.of("parentId", village.id(), "code", code, "name", "坏变量网格", "level", "HAMLET"))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty());

		assertThat(areasWithCode(code)).isZero();
		auditEvents(adminId, "areaCreate")
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1)
			.path("auditEvents.edges[0].node.kind").entity(String.class).isEqualTo("MUTATION")
			.path("auditEvents.edges[0].node.outcome").entity(String.class).isEqualTo("BAD_REQUEST")
			.path("auditEvents.edges[0].node.targetIds").entityList(String.class).containsExactly(String.valueOf(village.id()));
	}

	@Test
	void recordsAMutationRefusedByTheDepthLimitOnceThoughNoResolverRan() {
		String code = village.code() + "932";
		String deep = "id " + "parent { ".repeat(20) + "id" + " }".repeat(20);
		asAdmin.document("""
				mutation deep($input: AreaCreateInput!) {
				  areaCreate(input: $input) { area { %s } userErrors { code } }
				}""".formatted(deep))
			.variable("input", Map.of("parentId", village.id(), "code", code, "name", "太深网格", "level", "GRID"))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));

		assertThat(areasWithCode(code)).isZero();
		auditEvents(adminId, "areaCreate")
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1)
			.path("auditEvents.edges[0].node.outcome").entity(String.class).isEqualTo("BAD_REQUEST")
			.path("auditEvents.edges[0].node.detail").entity(String.class).satisfies(d -> assertThat(d).contains("deep"));
	}

	@Test
	void recordsAMutationOfAnUnknownFieldByItsRootFieldsAndAQueryNotAtAll() {
		asAdmin.document("mutation { areaCreate(input: {parentId: 1, code: \"x\", name: \"x\", level: GRID}) { nonsense } }")
			.execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty());
		asAdmin.document("{ areas { nonsense } }").execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());

		auditEvents(adminId, "areaCreate")
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1)
			.path("auditEvents.edges[0].node.outcome").entity(String.class).isEqualTo("BAD_REQUEST")
			.path("auditEvents.edges[0].node.detail").entity(String.class).isEqualTo("FieldUndefined");
		auditEvents(adminId, "areas").path("auditEvents.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void recordsADocumentThatDoesNotParseOnlyWhenItStartsAsAMutation() {
		// "mutation" inside a query's string or comment does not make it one
		asAdmin.document("# no mutation here\n{ areas(filter: {search: \"mutation\"}) { edges { node { id }")
			.execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
		auditEvents(adminId, "mutation").path("auditEvents.totalCount").entity(Integer.class).isEqualTo(0);

		asAdmin.document("# retire it\nmutation { areaRetire(input: {id: 1}) { area { id }")
			.execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
		auditEvents(adminId, "mutation")
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1)
			.path("auditEvents.edges[0].node.outcome").entity(String.class).isEqualTo("BAD_REQUEST");
	}

	private GraphQlTester.Response auditEvents(String accountId, String operation) {
		return asAdmin.documentName("auditEvents")
			.variable("filter", Map.of("accountId", accountId, "operation", operation))
			.variable("first", 50)
			.execute();
	}

	private List<Map<String, Object>> personalDataReads(String subject) {
		return world.jdbc()
			.sql("SELECT operation, outcome, target_ids FROM audit_event WHERE kind = 'PERSONAL_DATA_READ' AND subject = ?")
			.param(subject).query().listOfRows();
	}

	/** Entries with the text in any column, whatever columns the table has. */
	private long auditRowsContaining(String text) {
		List<String> columns = world.jdbc().sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = DATABASE() AND table_name = 'audit_event'""")
			.query(String.class).list();
		assertThat(columns).contains("detail", "target_ids", "operation");
		String anyColumn = columns.stream().map(c -> "CAST(`" + c + "` AS CHAR) LIKE :text")
			.collect(Collectors.joining(" OR "));
		return world.jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE " + anyColumn)
			.param("text", "%" + text + "%").query(Long.class).single();
	}

	private long areasWithCode(String code) {
		return world.jdbc().sql("SELECT COUNT(*) FROM area WHERE code = ?").param(code).query(Long.class).single();
	}
}
