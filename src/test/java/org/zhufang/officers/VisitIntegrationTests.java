package org.zhufang.officers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.zhufang.shared.BureauClock;
import org.zhufang.accounts.AccountInputs.AccountUpdateInput;
import org.zhufang.accounts.AccountManagement;
import org.zhufang.grids.AreaView;
import org.zhufang.officers.OfficerInputs.VisitLogInput;
import org.zhufang.shared.Caller;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visits against the real database: who may log where, dates, idempotent re-sends (also when
 * they race), lists in the jurisdiction and the figures per area and period.
 */
@IntegrationTest
@RecordApplicationEvents
class VisitIntegrationTests extends OfficerFixtures {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationEvents events;

	OfficerView liWeidong;

	OfficerView colleague;

	GraphQlTester officerLi;

	GraphQlTester chief;

	@BeforeEach
	void build() {
		buildCounty();
		liWeidong = officer("李卫东", station, true);
		colleague = officer("王磊", station, true);
		assign(village, liWeidong);
		officerLi = world.as(tree.officerAccount("officer.li", liWeidong.id(), village));
		chief = world.as(tree.account("chief", Role.STATION_CHIEF, town));
	}

	@Test
	void aVisitIsAnnouncedOnceWithItsFactsAndNeitherAReSendNorARefusalIsAnnounced() {
		LocalDate yesterday = LocalDate.now(BureauClock.ZONE).minusDays(1);
		// through the facade: events are recorded on the test's thread
		VisitLogInput input = new VisitLogInput(liWeidong.id(), village.id(), grid.id(), yesterday, "南王庄村3组17号", null,
				VisitPurpose.CONTACT_CARD, 3, Satisfaction.SATISFIED, null, null, "visit-" + System.nanoTime());
		VisitView first = org.zhufang.support.TestWorld.ok(visits.log(system, input));
		VisitView again = org.zhufang.support.TestWorld.ok(visits.log(system, input));
		assertThat(again.id()).isEqualTo(first.id());
		VisitLogInput future = new VisitLogInput(liWeidong.id(), village.id(), null, yesterday.plusDays(2), null, "村广场",
				VisitPurpose.ROUTINE, 0, null, null, null, null);
		assertThat(visits.log(system, future).userErrors()).extracting(e -> e.code()).containsExactly("IN_FUTURE");

		assertThat(events.stream(VisitLogged.class).filter(e -> e.officerId() == liWeidong.id())).singleElement()
			.satisfies(e -> {
				assertThat(e.visitId()).isEqualTo(first.id());
				assertThat(e.villageId()).isEqualTo(village.id());
				assertThat(e.gridId()).isEqualTo(grid.id());
				assertThat(e.visitedOn()).isEqualTo(yesterday);
				assertThat(e.contactCards()).isEqualTo(3);
				assertThat(e.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
			});
	}

	Map<String, Object> visit(OfficerView officer) {
		Map<String, Object> input = new HashMap<>(Map.of("officerId", officer.id(), "villageId", village.id(), "gridId",
				grid.id(), "address", "南王庄村3组17号", "purpose", "SATISFACTION_SURVEY", "contactCards", 2,
				"satisfaction", "VERY_SATISFIED", "suggestions", "希望夜间多巡逻"));
		input.put("visitedOn", LocalDate.now(BureauClock.ZONE).minusDays(1).toString());
		return input;
	}

	@Test
	void aCommunityOfficerLogsTheirOwnVisitsOnly() {
		officerLi.documentName("visitLog").variable("input", visit(liWeidong)).execute()
			.path("visitLog.userErrors").entityList(Object.class).hasSize(0)
			.path("visitLog.visit.address").entity(String.class).isEqualTo("南王庄村3组17号")
			.path("visitLog.visit.satisfaction").entity(String.class).isEqualTo("VERY_SATISFIED")
			.path("visitLog.visit.grid.id").entity(String.class).isEqualTo(String.valueOf(grid.id()));

		long before = count("visit");
		officerLi.documentName("visitLog").variable("input", visit(colleague)).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		Map<String, Object> elsewhere = visit(liWeidong);
		elsewhere.put("villageId", otherVillage.id());
		elsewhere.remove("gridId");
		officerLi.documentName("visitLog").variable("input", elsewhere).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(count("visit")).isEqualTo(before);
	}

	@Test
	void aCommunityOfficerCannotLogVisitsUnderTheNameOfTheColleagueResponsibleForTheVillage() {
		AreaView northVillage = tree.child(town, "北王庄村");
		assign(northVillage, colleague);
		GraphQlTester li = world.as(tree.officerAccount("li.both", liWeidong.id(), village, northVillage));
		Map<String, Object> asColleague = visit(colleague);
		asColleague.put("villageId", northVillage.id());
		asColleague.remove("gridId");
		long before = count("visit");
		li.documentName("visitLog").variable("input", asColleague).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		Map<String, Object> notTheirs = visit(liWeidong);
		notTheirs.put("villageId", northVillage.id());
		notTheirs.remove("gridId");
		li.documentName("visitLog").variable("input", notTheirs).execute()
			.path("visitLog.visit").valueIsNull()
			.path("visitLog.userErrors[0].code").entity(String.class).isEqualTo("NOT_RESPONSIBLE");
		world.as(tree.account("unlinked", Role.COMMUNITY_OFFICER, village)).documentName("visitLog")
			.variable("input", visit(liWeidong)).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(count("visit")).isEqualTo(before);
	}

	@Test
	void aStationChiefLogsVisitsOfTheStationsOfficersAnywhereInItsTowns() {
		chief.documentName("visitLog").variable("input", visit(colleague)).execute()
			.path("visitLog.userErrors").entityList(Object.class).hasSize(0);
		OfficerView outsider = officer("外所民警", otherStation, true);
		long before = count("visit");
		chief.documentName("visitLog").variable("input", visit(outsider)).execute()
			.path("visitLog.userErrors[0].code").entity(String.class).isEqualTo("OUTSIDE_STATION");
		world.as(tree.account("coordinator", Role.TEAM_COORDINATOR, town)).documentName("visitLog")
			.variable("input", visit(liWeidong)).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(count("visit")).isEqualTo(before);
	}

	@Test
	void refusesFutureDatesMissingTargetsTooManyCardsAndForeignGridsWritingNothing() {
		long before = count("visit");
		Map<String, Object> input = visit(liWeidong);
		input.put("visitedOn", LocalDate.now(BureauClock.ZONE).plusDays(1).toString());
		assertCode(input, "IN_FUTURE", "visitedOn");
		input = visit(liWeidong);
		input.remove("address");
		assertCode(input, "REQUIRED", "address");
		input = visit(liWeidong);
		input.put("contactCards", 51);
		assertCode(input, "TOO_LARGE", "contactCards");
		input = visit(liWeidong);
		input.put("gridId", tree.child(otherVillage, "朗公庙村第一网格").id());
		assertCode(input, "GRID_NOT_IN_VILLAGE", "gridId");
		assertThat(count("visit")).isEqualTo(before);
	}

	@Test
	void aReSentVisitWithTheSameKeyFromTheSameAccountAnswersTheFirstOne() {
		Map<String, Object> input = visit(liWeidong);
		input.put("idempotencyKey", "phone-7f3a-0001");
		String first = officerLi.documentName("visitLog").variable("input", input).execute()
			.path("visitLog.visit.id").entity(String.class).get();
		long after = count("visit");
		officerLi.documentName("visitLog").variable("input", input).execute()
			.path("visitLog.visit.id").entity(String.class).isEqualTo(first);
		assertThat(count("visit")).isEqualTo(after);

		String other = chief.documentName("visitLog").variable("input", input).execute()
			.path("visitLog.visit.id").entity(String.class).get();
		assertThat(other).isNotEqualTo(first);
		assertThat(count("visit")).isEqualTo(after + 1);

		input.put("villageId", otherVillage.id());
		input.remove("gridId");
		officerLi.documentName("visitLog").variable("input", input).execute()
			.path("visitLog.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void aReSentVisitIsForbiddenOnceItsVillageLeftTheCallersJurisdiction() {
		String username = tree.officerAccount("li.moved", liWeidong.id(), village);
		Map<String, Object> input = visit(liWeidong);
		input.put("idempotencyKey", "phone-moved-0001");
		world.as(username).documentName("visitLog").variable("input", input).execute()
			.path("visitLog.visit.id").entity(String.class).get();
		long after = count("visit");

		ok(accounts.update(system, new AccountUpdateInput(Long.valueOf(world.accountId(username)), null, null,
				List.of(otherVillage.id()), null, null, null)));
		GraphQlTester moved = world.withToken(world.signIn(username));
		moved.documentName("visitLog").variable("input", input).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		moved.documentName("visits").execute().path("visits.totalCount").entity(Integer.class).isEqualTo(0);
		assertThat(count("visit")).isEqualTo(after);
	}

	@Test
	void simultaneousReSendsWithOneKeyLogOneVisit() throws Exception {
		Caller caller = new Caller("race-" + county.code(), "race", Role.BUREAU_ADMIN, List.of(county.id()));
		VisitLogInput input = new VisitLogInput(liWeidong.id(), village.id(), null, LocalDate.now(BureauClock.ZONE), "南王庄村1组1号",
				null, VisitPurpose.ROUTINE, 0, null, null, null, "race-key-" + county.code());
		ExecutorService pool = Executors.newFixedThreadPool(6);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Long>> results = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return visits.log(caller, input).value().id();
			}));
		}
		start.countDown();
		Set<Long> ids = ConcurrentHashMap.newKeySet();
		for (Future<Long> result : results) {
			ids.add(result.get());
		}
		pool.shutdown();
		assertThat(ids).hasSize(1);
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM visit WHERE logged_by = ?").param(caller.subject())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void listsVisitsInTheJurisdictionNewestFirstAndCountsTheFigures() {
		LocalDate today = LocalDate.now(BureauClock.ZONE);
		log(liWeidong, today.minusDays(10), "南王庄村1组1号", null, 3, Satisfaction.VERY_SATISFIED);
		log(liWeidong, today.minusDays(5), "南王庄村1组1号", null, 0, Satisfaction.NEUTRAL);
		log(liWeidong, today.minusDays(2), null, "南王庄村村委会", 10, null);
		log(liWeidong, today.minusDays(1), "南王庄村2组8号", null, 1, Satisfaction.SATISFIED);
		log(liWeidong, today.minusDays(40), "南王庄村2组9号", null, 5, Satisfaction.DISSATISFIED);
		OfficerView other = officer("朗公庙民警", otherStation, true);
		assign(otherVillage, other);
		ok(visits.log(system, new VisitLogInput(other.id(), otherVillage.id(), null, today, "朗公庙村1组1号", null,
				VisitPurpose.ROUTINE, 0, null, null, null, null)));

		officerLi.documentName("visits").variable("first", 2).execute()
			.path("visits.totalCount").entity(Integer.class).isEqualTo(5)
			.path("visits.edges[*].node.address").entityList(String.class).containsExactly("南王庄村2组8号", null)
			.path("visits.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		chief.documentName("visits").variable("filter", Map.of("from", today.minusDays(30).toString())).execute()
			.path("visits.totalCount").entity(Integer.class).isEqualTo(4);

		chief.documentName("visitFigures").variable("areaId", town.id())
			.variable("from", today.minusDays(30).toString()).variable("to", today.toString()).execute()
			.path("visitFigures.visits").entity(Integer.class).isEqualTo(4)
			.path("visitFigures.householdsVisited").entity(Integer.class).isEqualTo(3)
			.path("visitFigures.contactCards").entity(Integer.class).isEqualTo(14)
			.path("visitFigures.satisfactionAsked").entity(Integer.class).isEqualTo(3)
			.path("visitFigures.satisfiedOrBetter").entity(Integer.class).isEqualTo(2)
			.path("visitFigures.satisfactionRate").entity(Double.class).isEqualTo(2 / 3.0);
		world.as(tree.account("viewer", Role.DASHBOARD_VIEWER, county)).documentName("visitFigures")
			.variable("areaId", county.id()).variable("from", today.minusDays(60).toString())
			.variable("to", today.toString()).execute()
			.path("visitFigures.visits").entity(Integer.class).isEqualTo(6);
		world.as(tree.account("viewer2", Role.DASHBOARD_VIEWER, county)).documentName("visits").execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		chief.documentName("visitFigures").variable("areaId", otherTown.id())
			.variable("from", today.minusDays(30).toString()).variable("to", today.toString()).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
	}

	private void log(OfficerView officer, LocalDate on, String address, String place, int cards, Satisfaction satisfaction) {
		ok(visits.log(system, new VisitLogInput(officer.id(), village.id(), null, on, address, place, VisitPurpose.ROUTINE,
				cards, satisfaction, null, null, null)));
	}

	private void assertCode(Map<String, Object> input, String code, String field) {
		officerLi.documentName("visitLog").variable("input", input).execute()
			.path("visitLog.visit").valueIsNull()
			.path("visitLog.userErrors[0].code").entity(String.class).isEqualTo(code)
			.path("visitLog.userErrors[0].field").entityList(String.class).containsExactly("input", field);
	}

	private static <T> T ok(org.zhufang.shared.Outcome<T> outcome) {
		return org.zhufang.support.TestWorld.ok(outcome);
	}
}
