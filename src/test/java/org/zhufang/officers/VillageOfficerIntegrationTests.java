package org.zhufang.officers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.zhufang.grids.AreaView;
import org.zhufang.officers.OfficerInputs.VillageOfficerAssignInput;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.ConflictException;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One village, one officer (一村一警) against the real database: who may be assigned, the previous
 * assignment ending the same day, the history, the database constraint under concurrency,
 * coverage, jurisdiction and masking of officers, and a constant number of statements for lists.
 */
@IntegrationTest
@RecordApplicationEvents
class VillageOfficerIntegrationTests extends OfficerFixtures {

	@Autowired
	StatementCounter statements;

	@Autowired
	ApplicationEvents events;

	static final String END_VILLAGE = """
			mutation villageOfficerEnd($input: VillageOfficerEndInput!) {
			  villageOfficerEnd(input: $input) {
			    assignment { id startedOn endedOn endReason endNote active village { id } officer { id name } }
			    userErrors { field code message }
			  }
			}""";

	GraphQlTester admin;

	@BeforeEach
	void build() {
		buildCounty();
		admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, county));
	}

	@Test
	void assigningANewOfficerEndsThePreviousAssignmentTheSameDayAndKeepsTheHistory() {
		OfficerView first = officer("李卫东", station, true);
		OfficerView second = officer("张晓峰", station, true);
		String start = LocalDate.now(BureauClock.ZONE).minusDays(30).toString();
		admin.documentName("villageOfficerAssign")
			.variable("input", Map.of("villageId", village.id(), "officerId", first.id(), "startedOn", start)).execute()
			.path("villageOfficerAssign.assignment.active").entity(Boolean.class).isEqualTo(true)
			.path("villageOfficerAssign.assignment.officer.name").entity(String.class).isEqualTo("李卫东");
		String today = LocalDate.now(BureauClock.ZONE).toString();
		admin.documentName("villageOfficerAssign")
			.variable("input", Map.of("villageId", village.id(), "officerId", second.id())).execute()
			.path("villageOfficerAssign.assignment.startedOn").entity(String.class).isEqualTo(today);

		admin.documentName("villageOfficerHistory").variable("id", village.id()).execute()
			.path("area.villageOfficer.name").entity(String.class).isEqualTo("张晓峰")
			.path("area.villageOfficerHistory[*].officer.id").entityList(String.class)
			.containsExactly(String.valueOf(second.id()), String.valueOf(first.id()))
			.path("area.villageOfficerHistory[1].endedOn").entity(String.class).isEqualTo(today)
			.path("area.villageOfficerHistory[1].endReason").entity(String.class).isEqualTo("REPLACED")
			.path("area.villageOfficerHistory[0].active").entity(Boolean.class).isEqualTo(true);

		admin.documentName("villageOfficerAssign")
			.variable("input", Map.of("villageId", village.id(), "officerId", second.id())).execute()
			.path("villageOfficerAssign.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_ASSIGNED");
	}

	@Test
	void publishesWhoTookOverAVillageFromWhom() {
		OfficerView first = officer("甲", station, true);
		OfficerView second = officer("乙", station, true);
		assign(village, first);
		assign(village, second);
		assertThat(events.stream(OfficerAssignedToVillage.class).filter(e -> e.villageId() == village.id()))
			.extracting(OfficerAssignedToVillage::officerId, OfficerAssignedToVillage::previousOfficerId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), null),
					org.assertj.core.groups.Tuple.tuple(second.id(), first.id()));
		assertThat(events.stream(OfficerRegistered.class).filter(e -> e.officerId() == first.id())).hasSize(1);
	}

	@Test
	void publishesWhoRetiredOrLeftWithTheVillagesTheirAssignmentsEnded() {
		AreaView secondVillage = tree.child(town, "北王庄村");
		OfficerView retiring = officer("退休民警", station, true);
		OfficerView leaving = officer("调出民警", station, true);
		assign(village, retiring);
		assign(secondVillage, retiring);
		// an update that is no departure publishes nothing
		ok(roster.update(system, new OfficerInputs.OfficerUpdateInput(retiring.id(), null, "退休前民警", null, null, null,
				null, null)));
		assertThat(events.stream(OfficerLeft.class).filter(e -> e.officerId() == retiring.id())).isEmpty();

		ok(roster.update(system, new OfficerInputs.OfficerUpdateInput(retiring.id(), null, null, null, null, null, null,
				OfficerStatus.RETIRED)));
		ok(roster.update(system, new OfficerInputs.OfficerUpdateInput(leaving.id(), null, null, null, null, null, null,
				OfficerStatus.TRANSFERRED)));
		LocalDate today = LocalDate.now(org.zhufang.shared.BureauClock.ZONE);
		assertThat(events.stream(OfficerLeft.class).filter(e -> e.officerId() == retiring.id()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.status()).isEqualTo(OfficerStatus.RETIRED);
				assertThat(e.on()).isEqualTo(today);
				assertThat(e.endedVillageIds()).containsExactlyInAnyOrder(village.id(), secondVillage.id());
			});
		assertThat(events.stream(OfficerLeft.class).filter(e -> e.officerId() == leaving.id()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.status()).isEqualTo(OfficerStatus.TRANSFERRED);
				assertThat(e.endedVillageIds()).isEmpty();
			});
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM village_officer WHERE officer_id = ? AND ended_on IS NULL")
			.param(retiring.id()).query(Integer.class).single()).isZero();
	}

	@Test
	void endingAVillagesAssignmentLeavesItWithoutAnOfficerKeepsTheHistoryAndCountsItUncovered() {
		OfficerView officer = officer("李卫东", station, true);
		assign(village, officer);
		String yesterday = LocalDate.now(BureauClock.ZONE).minusDays(1).toString();
		admin.document(END_VILLAGE)
			.variable("input", Map.of("villageId", village.id(), "endedOn", yesterday, "reason", "驻村调整，待补配"))
			.execute()
			.path("villageOfficerEnd.userErrors").entityList(Object.class).hasSize(0)
			.path("villageOfficerEnd.assignment.active").entity(Boolean.class).isEqualTo(false)
			.path("villageOfficerEnd.assignment.endedOn").entity(String.class).isEqualTo(yesterday)
			.path("villageOfficerEnd.assignment.endReason").entity(String.class).isEqualTo("ENDED")
			.path("villageOfficerEnd.assignment.endNote").entity(String.class).isEqualTo("驻村调整，待补配")
			.path("villageOfficerEnd.assignment.officer.id").entity(String.class).isEqualTo(String.valueOf(officer.id()));

		admin.documentName("villageOfficerHistory").variable("id", village.id()).execute()
			.path("area.villageOfficer").valueIsNull()
			.path("area.villageOfficerHistory[*].officer.id").entityList(String.class)
			.containsExactly(String.valueOf(officer.id()))
			.path("area.villageOfficerHistory[0].active").entity(Boolean.class).isEqualTo(false)
			.path("area.villageOfficerHistory[0].endedOn").entity(String.class).isEqualTo(yesterday)
			.path("area.officerCoverage.covered").entity(Integer.class).isEqualTo(0)
			.path("area.officerCoverage.uncovered[*].id").entityList(String.class)
			.containsExactly(String.valueOf(village.id()));
		admin.documentName("coverage").variable("id", town.id()).execute()
			.path("area.officerCoverage.villages").entity(Integer.class).isEqualTo(1)
			.path("area.officerCoverage.covered").entity(Integer.class).isEqualTo(0);
		admin.documentName("officer").variable("id", officer.id()).execute()
			.path("officer.name").entity(String.class).isEqualTo("李卫东");
		assertThat(roster.villagesOf(List.of(officer.id()))).doesNotContainKey(officer.id());
	}

	@Test
	void aStationChiefEndsAnAssignmentTodayByDefaultAndTheVillageCanBeAssignedAgain() {
		OfficerView first = officer("甲", station, true);
		OfficerView second = officer("乙", station, true);
		VillageOfficerView assignment = assign(village, first);
		GraphQlTester chief = world.as(tree.account("chief", Role.STATION_CHIEF, town));
		String today = LocalDate.now(BureauClock.ZONE).toString();
		chief.document(END_VILLAGE).variable("input", Map.of("villageId", village.id())).execute()
			.path("villageOfficerEnd.assignment.id").entity(String.class).isEqualTo(String.valueOf(assignment.id()))
			.path("villageOfficerEnd.assignment.endedOn").entity(String.class).isEqualTo(today)
			.path("villageOfficerEnd.assignment.endReason").entity(String.class).isEqualTo("ENDED")
			.path("villageOfficerEnd.assignment.endNote").valueIsNull();

		chief.documentName("villageOfficerAssign")
			.variable("input", Map.of("villageId", village.id(), "officerId", second.id())).execute()
			.path("villageOfficerAssign.assignment.active").entity(Boolean.class).isEqualTo(true);
		admin.documentName("villageOfficerHistory").variable("id", village.id()).execute()
			.path("area.villageOfficer.name").entity(String.class).isEqualTo("乙")
			.path("area.villageOfficerHistory[*].endReason").entityList(String.class).containsExactly(null, "ENDED");
	}

	@Test
	void aVacantVillagesNewOfficerStartsNoEarlierThanTheLastOneLeftSoTheHistoryNeverOverlaps() {
		OfficerView first = officer("甲", station, true);
		OfficerView second = officer("乙", station, true);
		LocalDate today = LocalDate.now(BureauClock.ZONE);
		ok(roster.assignVillage(system, new OfficerInputs.VillageOfficerAssignInput(village.id(), first.id(),
				today.minusDays(30))));
		LocalDate ended = today.minusDays(10);
		ok(roster.endVillage(system, new OfficerInputs.VillageOfficerEndInput(village.id(), ended, null)));
		long before = count("village_officer");

		admin.documentName("villageOfficerAssign")
			.variable("input", Map.of("villageId", village.id(), "officerId", second.id(), "startedOn",
					ended.minusDays(1).toString()))
			.execute()
			.path("villageOfficerAssign.assignment").valueIsNull()
			.path("villageOfficerAssign.userErrors[0].code").entity(String.class).isEqualTo("BEFORE_PREVIOUS_END")
			.path("villageOfficerAssign.userErrors[0].field").entityList(String.class)
			.containsExactly("input", "startedOn")
			.path("villageOfficerAssign.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains(ended.toString()));
		assertThat(count("village_officer")).isEqualTo(before);

		// taking over on the day the last one left is a handover, as with a replacement
		admin.documentName("villageOfficerAssign")
			.variable("input", Map.of("villageId", village.id(), "officerId", second.id(), "startedOn",
					ended.toString()))
			.execute()
			.path("villageOfficerAssign.userErrors").entityList(Object.class).hasSize(0)
			.path("villageOfficerAssign.assignment.startedOn").entity(String.class).isEqualTo(ended.toString());
	}

	@Test
	void publishesWhichOfficerLeftAVillageWithoutASuccessorOnlyWhenTheEndIsAccepted() {
		OfficerView first = officer("甲", station, true);
		OfficerView second = officer("乙", station, true);
		VillageOfficerView assignment = assign(village, first);
		LocalDate on = LocalDate.now(BureauClock.ZONE).minusDays(2);
		assertThat(roster.endVillage(system, new OfficerInputs.VillageOfficerEndInput(village.id(), on, "辞职"))
			.isOk()).isTrue();
		assertThat(roster.endVillage(system, new OfficerInputs.VillageOfficerEndInput(village.id(), null, null))
			.userErrors()).extracting(e -> e.code()).containsExactly("NO_VILLAGE_OFFICER");
		ok(roster.assignVillage(system, new OfficerInputs.VillageOfficerAssignInput(village.id(), second.id(), on)));
		assertThat(events.stream(OfficerUnassignedFromVillage.class).filter(e -> e.villageId() == village.id()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.officerId()).isEqualTo(first.id());
				assertThat(e.assignmentId()).isEqualTo(assignment.id());
				assertThat(e.endedOn()).isEqualTo(on);
			});
		assertThat(events.stream(OfficerAssignedToVillage.class).filter(e -> e.officerId() == second.id()))
			.singleElement().satisfies(e -> assertThat(e.previousOfficerId()).isNull());
	}

	@Test
	void refusesEndingWithoutACurrentOfficerOrOnABadDateOrOutsideTheJurisdictionWritingNothing() {
		AreaView vacant = tree.child(town, "空缺村");
		OfficerView officer = officer("李卫东", station, true);
		VillageOfficerView assignment = assign(village, officer);
		long before = count("village_officer");
		long active = activeAssignments();
		assertEndCode(Map.of("villageId", vacant.id()), "NO_VILLAGE_OFFICER", "villageId");
		assertEndCode(Map.of("villageId", town.id()), "INVALID_LEVEL", "villageId");
		assertEndCode(Map.of("villageId", village.id(), "endedOn", LocalDate.now(BureauClock.ZONE).plusDays(1).toString()),
				"IN_FUTURE", "endedOn");
		assertEndCode(Map.of("villageId", village.id(), "endedOn", assignment.startedOn().minusDays(1).toString()),
				"BEFORE_START", "endedOn");
		assertEndCode(Map.of("villageId", village.id(), "reason", "理".repeat(101)), "TOO_LONG", "reason");
		// the same refusals through the facade, on this thread, where the test records events
		LocalDate today = LocalDate.now(BureauClock.ZONE);
		assertThat(roster.endVillage(system, new OfficerInputs.VillageOfficerEndInput(village.id(), today.plusDays(1), null))
			.userErrors()).extracting(e -> e.code()).containsExactly("IN_FUTURE");
		assertThat(roster.endVillage(system, new OfficerInputs.VillageOfficerEndInput(village.id(),
				assignment.startedOn().minusDays(1), null)).userErrors()).extracting(e -> e.code()).containsExactly("BEFORE_START");
		assertThat(roster.endVillage(system, new OfficerInputs.VillageOfficerEndInput(village.id(), null, "理".repeat(101)))
			.userErrors()).extracting(e -> e.code()).containsExactly("TOO_LONG");
		assertThat(events.stream(OfficerUnassignedFromVillage.class).filter(e -> e.villageId() == village.id())).isEmpty();
		assertEndCode(Map.of("villageId", 987654321), "NOT_FOUND", "villageId");
		for (GraphQlTester refused : List.of(world.as(tree.account("chief2", Role.STATION_CHIEF, otherTown)),
				world.as(tree.account("officer", Role.COMMUNITY_OFFICER, village)))) {
			refused.document(END_VILLAGE).variable("input", Map.of("villageId", village.id())).execute()
				.errors().satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		}
		assertThat(count("village_officer")).isEqualTo(before);
		assertThat(activeAssignments()).isEqualTo(active);
		admin.documentName("villageOfficerHistory").variable("id", village.id()).execute()
			.path("area.villageOfficer.id").entity(String.class).isEqualTo(String.valueOf(officer.id()));
	}

	@Test
	void refusesNonVillagesOfficersOfAnotherStationAndInactiveOnesWritingNothing() {
		OfficerView other = officer("外所民警", otherStation, true);
		OfficerView officer = officer("本所民警", station, true);
		ok(roster.update(system, new OfficerInputs.OfficerUpdateInput(officer.id(), null, null, null, null, null, null,
				OfficerStatus.RETIRED)));
		OfficerView active = officer("在岗民警", station, true);
		long before = count("village_officer");
		assertCode(Map.of("villageId", town.id(), "officerId", active.id()), "INVALID_LEVEL");
		assertCode(Map.of("villageId", grid.id(), "officerId", active.id()), "INVALID_LEVEL");
		assertCode(Map.of("villageId", village.id(), "officerId", other.id()), "OUTSIDE_STATION");
		assertCode(Map.of("villageId", village.id(), "officerId", officer.id()), "OFFICER_NOT_ACTIVE");
		assertCode(Map.of("villageId", village.id(), "officerId", active.id(), "startedOn",
				LocalDate.now(BureauClock.ZONE).plusDays(1).toString()), "IN_FUTURE");
		assertCode(Map.of("villageId", village.id(), "officerId", 987654321), "NOT_FOUND");
		GraphQlTester otherChief = world.as(tree.account("chief2", Role.STATION_CHIEF, otherTown));
		otherChief.documentName("villageOfficerAssign")
			.variable("input", Map.of("villageId", village.id(), "officerId", active.id())).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		GraphQlTester communityOfficer = world.as(tree.account("officer", Role.COMMUNITY_OFFICER, village));
		communityOfficer.documentName("villageOfficerAssign")
			.variable("input", Map.of("villageId", village.id(), "officerId", active.id())).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(count("village_officer")).isEqualTo(before);
	}

	@Test
	void ofEightSimultaneousAssignmentsOfOneVillageExactlyOneStaysActive() throws Exception {
		List<OfficerView> officers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			officers.add(officer("并发民警" + i, station, true));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (OfficerView officer : officers) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					Outcome<VillageOfficerView> outcome = roster.assignVillage(system,
							new VillageOfficerAssignInput(village.id(), officer.id(), null));
					return outcome.isOk();
				}
				catch (ConflictException ex) {
					return false;
				}
			}));
		}
		start.countDown();
		int succeeded = 0;
		for (Future<Boolean> result : results) {
			succeeded += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(succeeded).isGreaterThanOrEqualTo(1);
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM village_officer WHERE village_id = ? AND ended_on IS NULL")
			.param(village.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM village_officer WHERE village_id = ?")
			.param(village.id()).query(Integer.class).single()).isEqualTo(succeeded);
	}

	@Test
	void theDatabaseRefusesASecondActiveAssignmentWrittenPastTheCode() {
		OfficerView officer = officer("甲", station, true);
		assign(village, officer);
		org.junit.jupiter.api.Assertions.assertThrows(org.springframework.dao.DuplicateKeyException.class,
				() -> world.jdbc().sql("INSERT INTO village_officer (village_id, village_path, officer_id, started_on, version,"
						+ " created_at) VALUES (?, ?, ?, CURRENT_DATE, 0, CURRENT_TIMESTAMP)")
					.params(village.id(), village.path(), officer.id()).update());
	}

	@Test
	void coverageCountsTheVillagesOfAnAreaWithAResponsibleOfficer() {
		AreaView second = tree.child(town, "南新村");
		AreaView third = tree.child(town, "七里营村");
		AreaView retired = tree.child(town, "已撤村");
		world.jdbc().sql("UPDATE area SET status = 'RETIRED' WHERE id = ?").param(retired.id()).update();
		OfficerView officer = officer("李卫东", station, true);
		assign(village, officer);
		assign(third, officer);
		admin.documentName("coverage").variable("id", town.id()).execute()
			.path("area.officerCoverage.villages").entity(Integer.class).isEqualTo(3)
			.path("area.officerCoverage.covered").entity(Integer.class).isEqualTo(2)
			.path("area.officerCoverage.share").entity(Double.class).isEqualTo(2 / 3.0)
			.path("area.officerCoverage.uncovered[*].name").entityList(String.class).containsExactly("南新村");
		admin.documentName("coverage").variable("id", county.id()).execute()
			.path("area.officerCoverage.villages").entity(Integer.class).isEqualTo(4)
			.path("area.officerCoverage.uncovered[*].id").entityList(String.class)
			.containsExactly(String.valueOf(second.id()), String.valueOf(otherVillage.id()));
		admin.documentName("coverage").variable("id", grid.id()).execute()
			.path("area.officerCoverage.villages").entity(Integer.class).isEqualTo(0)
			.path("area.officerCoverage.share").valueIsNull();
	}

	@Test
	void officersOutsideTheJurisdictionAreLeftOutOfListsAndForbiddenById() {
		OfficerView mine = officer("本镇民警", station, true);
		OfficerView theirs = officer("外镇民警", otherStation, true);
		assign(village, mine);
		GraphQlTester chief = world.as(tree.account("chief", Role.STATION_CHIEF, town));
		chief.documentName("officers").execute()
			.path("officers.totalCount").entity(Integer.class).isEqualTo(1)
			.path("officers.edges[0].node.name").entity(String.class).isEqualTo("本镇民警");
		chief.documentName("officer").variable("id", theirs.id()).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		chief.documentName("officer").variable("id", 987654321).execute().path("officer").valueIsNull();

		GraphQlTester communityOfficer = world.as(tree.account("officer", Role.COMMUNITY_OFFICER, village));
		communityOfficer.documentName("officers").execute()
			.path("officers.edges[*].node.name").entityList(String.class).containsExactly("本镇民警");
		GraphQlTester gridMember = world.as(tree.account("grid", Role.GRID_MEMBER, grid));
		gridMember.documentName("officer").variable("id", mine.id()).execute()
			.path("officer.name").entity(String.class).isEqualTo("本镇民警")
			.path("officer.phone").entity(String.class).isEqualTo("13912345678");
		admin.documentName("officers").variable("filter", Map.of("areaId", otherTown.id())).execute()
			.path("officers.edges[*].node.name").entityList(String.class).containsExactly("外镇民警");
	}

	@Test
	void officersPhonesAreClearForColleaguesMaskedForOthersAndClearReadsAreAuditedOncePerList() {
		OfficerView officer = officer("李卫东", station, true);
		officer("张晓峰", station, false);
		assign(village, officer);
		GraphQlTester chief = world.as(tree.account("chief", Role.STATION_CHIEF, town));
		GraphQlTester coordinator = world.as(tree.account("coordinator", Role.TEAM_COORDINATOR, town));
		GraphQlTester outreach = world.as(tree.account("outreach", Role.OUTREACH_STAFF, town));
		GraphQlTester viewer = world.as(tree.account("viewer", Role.DASHBOARD_VIEWER, county));

		long audited = audits();
		chief.documentName("officers").execute()
			.path("officers.edges[*].node.phone").entityList(String.class).hasSize(2).satisfies(l -> assertThat(l).containsOnly("13912345678"));
		assertThat(audits()).isEqualTo(audited + 1);
		for (GraphQlTester masked : List.of(coordinator, outreach, viewer)) {
			masked.documentName("officers").execute()
				.path("officers.edges[*].node.phone").entityList(String.class).satisfies(l -> assertThat(l).isNotEmpty().containsOnly("139****5678"));
			masked.documentName("villageOfficers").variable("townId", town.id()).execute()
				.path("areas.edges[0].node.villageOfficer.phone").entity(String.class).isEqualTo("139****5678");
		}
		assertThat(audits()).isEqualTo(audited + 1);
	}

	@Test
	void listingVillagesWithTheirOfficersCostsTheSameStatementsForTenAndAHundred() {
		AreaView bigTown = tree.child(county, "大召营镇");
		StationView bigStation = station("大召营派出所", bigTown);
		List<OfficerView> officers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			officers.add(officer("民警" + i, bigStation, true));
		}
		for (int i = 0; i < 100; i++) {
			assign(tree.child(bigTown, "村" + i), officers.get(i % 10));
		}
		GraphQlTester chief = world.as(tree.account("chief", Role.STATION_CHIEF, bigTown));
		chief.documentName("villageOfficers").variable("townId", bigTown.id()).variable("first", 5).execute();

		long ten = statementsFor(chief, bigTown, 10);
		long hundred = statementsFor(chief, bigTown, 100);
		System.out.printf("Statements: 10 villages %d, 100 villages %d%n", ten, hundred);
		assertThat(hundred).isEqualTo(ten);
		assertThat(ten).isLessThanOrEqualTo(8);
	}

	private long statementsFor(GraphQlTester tester, AreaView town, int first) {
		long before = statements.count();
		tester.documentName("villageOfficers").variable("townId", town.id()).variable("first", first).execute()
			.path("areas.edges").entityList(Object.class).hasSize(first)
			.path("areas.edges[*].node.villageOfficer.station.name").entityList(String.class).satisfies(l -> assertThat(l).containsOnly("大召营派出所"))
			.path("areas.edges[*].node.villageOfficer.phone").entityList(String.class).satisfies(l -> assertThat(l).containsOnly("13912345678"));
		return statements.count() - before;
	}

	private long audits() {
		return world.jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE operation = 'Officer.phone'").query(Long.class).single();
	}

	private void assertEndCode(Map<String, Object> input, String code, String field) {
		admin.document(END_VILLAGE).variable("input", input).execute()
			.path("villageOfficerEnd.assignment").valueIsNull()
			.path("villageOfficerEnd.userErrors[0].code").entity(String.class).isEqualTo(code)
			.path("villageOfficerEnd.userErrors[0].field").entityList(String.class).containsExactly("input", field);
	}

	private long activeAssignments() {
		return world.jdbc().sql("SELECT COUNT(*) FROM village_officer WHERE ended_on IS NULL").query(Long.class).single();
	}

	private void assertCode(Map<String, Object> input, String code) {
		admin.documentName("villageOfficerAssign").variable("input", input).execute()
			.path("villageOfficerAssign.assignment").valueIsNull()
			.path("villageOfficerAssign.userErrors[0].code").entity(String.class).isEqualTo(code);
	}

	private static <T> T ok(Outcome<T> outcome) {
		return org.zhufang.support.TestWorld.ok(outcome);
	}
}
