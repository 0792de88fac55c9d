package org.zhufang.officers;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.zhufang.grids.AreaView;
import org.zhufang.officers.OfficerInputs.OfficerRegisterInput;
import org.zhufang.officers.OfficerInputs.PoliceOfficeCreateInput;
import org.zhufang.officers.OfficerInputs.StationTownMoveInput;
import org.zhufang.officers.OfficerInputs.VillageOfficerAssignInput;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.ConflictException;
import org.zhufang.shared.Role;
import org.zhufang.support.CompetingTransaction;
import org.zhufang.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * Handing a town to another station (`stationTownMove`) against the real database: the police
 * offices in the town and their officers move with it, village assignments end where the
 * responsible officer no longer serves the station covering the village, and refused moves write
 * nothing.
 */
@IntegrationTest
@RecordApplicationEvents
class StationTownMoveIntegrationTests extends OfficerFixtures {

	@Autowired
	ApplicationEvents events;

	@Autowired
	PlatformTransactionManager transactions;

	GraphQlTester admin;

	AreaView movingTown;

	AreaView keptTown;

	AreaView officeVillage;

	AreaView staffedVillage;

	AreaView keptVillage;

	StationView holder;

	PoliceOfficeView office;

	PoliceOfficeView keptOffice;

	OfficerView mover;

	OfficerView stayer;

	LocalDate today;

	@BeforeEach
	void build() {
		buildCounty();
		admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, county));
		today = LocalDate.now(BureauClock.ZONE);
		movingTown = tree.child(county, "翟坡镇");
		keptTown = tree.child(county, "大召营镇");
		officeVillage = tree.child(movingTown, "翟坡村");
		staffedVillage = tree.child(movingTown, "东翟坡村");
		keptVillage = tree.child(keptTown, "大召营村");
		holder = station("翟坡派出所", movingTown, keptTown);
		office = ok(stations.createOffice(system, new PoliceOfficeCreateInput(holder.id(), "翟坡警务室",
				tree.child(officeVillage, "翟坡村第一网格").id(), PoliceOfficeMode.VILLAGE, "翟坡村委会", false, null)));
		keptOffice = ok(stations.createOffice(system, new PoliceOfficeCreateInput(holder.id(), "大召营警务室",
				keptVillage.id(), PoliceOfficeMode.VILLAGE, "大召营村委会", false, null)));
		mover = ok(roster.register(system, new OfficerRegisterInput("孙志远", badge(), OfficerKind.POLICE, "一级警长",
				"13912345678", holder.id(), null, office.id(), true, today.minusYears(1))));
		stayer = officer("王建军", holder, true);
		assign(officeVillage, mover);
		assign(keptVillage, mover);
		assign(staffedVillage, stayer);
	}

	@Test
	void movesTheTownWithItsOfficesAndTheirOfficersAndEndsTheAssignmentsThatNoLongerFit() {
		LocalDate movedOn = today.minusDays(1);
		// through the facade, so the test records the events (GraphQL requests publish on other threads)
		StationView receiving = ok(stations.moveTown(system, new StationTownMoveInput(movingTown.id(), otherStation.id(),
				movedOn)));
		assertThat(receiving.id()).isEqualTo(otherStation.id());
		assertThat(receiving.townIds()).containsExactly(otherTown.id(), movingTown.id());
		assertThat(receiving.version()).isEqualTo(otherStation.version() + 1);
		admin.document("query station($id: ID!) { station(id: $id) { policeOffices { name } } }")
			.variable("id", otherStation.id()).execute()
			.path("station.policeOffices[*].name").entityList(String.class).containsExactly("翟坡警务室");

		StationView left = stations.station(system, holder.id()).orElseThrow();
		assertThat(left.townIds()).containsExactly(keptTown.id());
		assertThat(left.version()).isEqualTo(holder.version() + 1);
		assertThat(officeStation(office.id())).isEqualTo(otherStation.id());
		assertThat(officeStation(keptOffice.id())).isEqualTo(holder.id());

		OfficerView moved = roster.officer(system, mover.id()).orElseThrow();
		assertThat(moved.stationId()).isEqualTo(otherStation.id());
		assertThat(moved.policeOfficeId()).isEqualTo(office.id());
		assertThat(moved.joinedOn()).isEqualTo(movedOn);
		assertThat(moved.status()).isEqualTo(OfficerStatus.ACTIVE);
		assertThat(roster.transfersOf(List.of(mover.id())).get(mover.id())).singleElement().satisfies(t -> {
			assertThat(t.fromStationId()).isEqualTo(holder.id());
			assertThat(t.toStationId()).isEqualTo(otherStation.id());
			assertThat(t.transferredOn()).isEqualTo(movedOn);
			assertThat(t.reason()).contains("翟坡镇");
		});
		OfficerView stayed = roster.officer(system, stayer.id()).orElseThrow();
		assertThat(stayed.stationId()).isEqualTo(holder.id());
		assertThat(roster.transfersOf(List.of(stayer.id()))).doesNotContainKey(stayer.id());

		// the moving officer keeps the village in the moved town, and no longer holds the one left behind
		assertThat(roster.villagesOf(List.of(mover.id())).get(mover.id())).containsExactly(officeVillage.id());
		assertThat(roster.villagesOf(List.of(stayer.id()))).doesNotContainKey(stayer.id());
		assertThat(lastAssignment(keptVillage)).satisfies(a -> {
			assertThat(a.endedOn()).isEqualTo(movedOn);
			assertThat(a.endReason()).isEqualTo("TRANSFERRED");
		});
		assertThat(lastAssignment(staffedVillage)).satisfies(a -> {
			assertThat(a.officerId()).isEqualTo(stayer.id());
			assertThat(a.endedOn()).isEqualTo(movedOn);
			assertThat(a.endReason()).isEqualTo("TOWN_MOVED");
		});
		admin.documentName("coverage").variable("id", movingTown.id()).execute()
			.path("area.officerCoverage.villages").entity(Integer.class).isEqualTo(2)
			.path("area.officerCoverage.covered").entity(Integer.class).isEqualTo(1)
			.path("area.officerCoverage.uncovered[*].name").entityList(String.class).containsExactly("东翟坡村");

		assertThat(events.stream(StationTownMoved.class).filter(e -> e.townId() == movingTown.id())).singleElement()
			.isEqualTo(new StationTownMoved(movingTown.id(), holder.id(), otherStation.id(), movedOn, List.of(office.id()),
					List.of(mover.id())));
		assertThat(events.stream(OfficerTransferred.class).filter(e -> e.officerId() == mover.id())).singleElement()
			.isEqualTo(new OfficerTransferred(mover.id(), holder.id(), otherStation.id(), movedOn, List.of(keptVillage.id())));
		assertThat(events.stream(OfficerTransferred.class).filter(e -> e.officerId() == stayer.id())).isEmpty();
		assertThat(events.stream(OfficerUnassignedFromVillage.class)).filteredOn(e -> e.officerId() == stayer.id()
				|| e.officerId() == mover.id())
			.singleElement()
			.satisfies(e -> {
				assertThat(e.villageId()).isEqualTo(staffedVillage.id());
				assertThat(e.officerId()).isEqualTo(stayer.id());
				assertThat(e.endedOn()).isEqualTo(movedOn);
			});

		// the receiving station's officers take over the uncovered village; the old station's cannot
		OfficerView newcomer = officer("赵立新", otherStation, true);
		ok(roster.assignVillage(system, new VillageOfficerAssignInput(staffedVillage.id(), newcomer.id(), today)));
		assertThat(roster.assignVillage(system, new VillageOfficerAssignInput(officeVillage.id(), stayer.id(), today))
			.userErrors()).extracting(e -> e.code()).containsExactly("OUTSIDE_STATION");
	}

	@Test
	void aTownNoStationCoveredSimplyJoinsTheReceivingStation() {
		AreaView loose = tree.child(county, "小冀镇");
		AreaView looseVillage = tree.child(loose, "小冀村");
		admin.documentName("stationTownMove")
			.variable("input", Map.of("townId", loose.id(), "toStationId", otherStation.id()))
			.execute()
			.path("stationTownMove.userErrors").entityList(Object.class).hasSize(0)
			.path("stationTownMove.station.towns[*].name").entityList(String.class).containsExactly("朗公庙镇", "小冀镇");
		assertThat(stations.station(system, otherStation.id()).orElseThrow().townIds()).containsExactly(otherTown.id(),
				loose.id());

		AreaView another = tree.child(county, "古固寨镇");
		ok(stations.moveTown(system, new StationTownMoveInput(another.id(), otherStation.id(), null)));
		assertThat(events.stream(StationTownMoved.class).filter(e -> e.townId() == another.id())).singleElement()
			.isEqualTo(new StationTownMoved(another.id(), null, otherStation.id(), today, List.of(), List.of()));
		OfficerView officer = officer("李卫东", otherStation, true);
		ok(roster.assignVillage(system, new VillageOfficerAssignInput(looseVillage.id(), officer.id(), today)));
	}

	@Test
	void refusesBadMovesAsUserErrorsWritingNothing() {
		AreaView retired = tree.child(county, "已撤镇");
		world.jdbc().sql("UPDATE area SET status = 'RETIRED' WHERE id = ?").param(retired.id()).update();
		Map<String, Object> move = new HashMap<>(Map.of("townId", movingTown.id(), "toStationId", otherStation.id()));
		Map<String, Long> before = snapshot();

		assertMoveCode(with(move, "townId", 987654321L), "NOT_FOUND", "townId");
		assertMoveCode(with(move, "townId", officeVillage.id()), "INVALID_LEVEL", "townId");
		assertMoveCode(with(move, "townId", retired.id()), "AREA_RETIRED", "townId");
		assertMoveCode(with(move, "toStationId", 987654321L), "NOT_FOUND", "toStationId");
		assertMoveCode(with(move, "toStationId", holder.id()), "SAME_STATION", "toStationId");
		assertMoveCode(with(move, "movedOn", today.plusDays(1).toString()), "IN_FUTURE", "movedOn");
		// the stayer's assignment started 60 days ago: the move cannot end it before that
		assertMoveCode(with(move, "movedOn", today.minusDays(61).toString()), "BEFORE_START", "movedOn");
		// the moving officer joined a year ago
		world.jdbc().sql("UPDATE village_officer SET started_on = ? WHERE officer_id IN (?, ?)")
			.params(today.minusYears(2), mover.id(), stayer.id()).update();
		assertMoveCode(with(move, "movedOn", today.minusYears(1).minusDays(1).toString()), "BEFORE_START", "movedOn");
		// the fixture's station has no other town
		assertMoveCode(with(move, "townId", town.id()), "LAST_TOWN", "townId");
		ok(stations.createOffice(system, new PoliceOfficeCreateInput(otherStation.id(), "翟坡警务室", otherVillage.id(),
				PoliceOfficeMode.VILLAGE, "朗公庙村委会", false, null)));
		before = snapshot();
		assertMoveCode(move, "DUPLICATE_NAME", "toStationId");
		assertThat(stations.moveTown(system, new StationTownMoveInput(movingTown.id(), otherStation.id(), null))
			.userErrors()).extracting(e -> e.code()).containsExactly("DUPLICATE_NAME");
		assertThat(snapshot()).isEqualTo(before);
		assertThat(events.stream(StationTownMoved.class)).isEmpty();
		assertThat(events.stream(OfficerTransferred.class)).isEmpty();
		assertThat(events.stream(OfficerUnassignedFromVillage.class)).isEmpty();
	}

	@Test
	void onlyABureauAdminWhoseJurisdictionHoldsTheTownAndBothStationsMovesATown() {
		Map<String, Object> move = Map.of("townId", movingTown.id(), "toStationId", otherStation.id());
		Map<String, Long> before = snapshot();
		for (GraphQlTester refused : List.of(world.as(tree.account("chief", Role.STATION_CHIEF, county)),
				world.as(tree.account("narrowAdmin", Role.BUREAU_ADMIN, movingTown, otherTown)),
				world.as(tree.account("holderAdmin", Role.BUREAU_ADMIN, movingTown, keptTown)))) {
			refused.documentName("stationTownMove").variable("input", move).execute()
				.errors().satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		}
		assertThat(snapshot()).isEqualTo(before);
		assertThat(events.stream(StationTownMoved.class)).isEmpty();
		// the facade answers the same way: the town, the station holding it and the receiving one
		// must each lie inside the jurisdiction
		for (org.zhufang.shared.Caller outside : List.of(org.zhufang.support.TestWorld.system(otherTown.id()),
				org.zhufang.support.TestWorld.system(movingTown.id(), otherTown.id()),
				org.zhufang.support.TestWorld.system(movingTown.id(), keptTown.id()))) {
			org.junit.jupiter.api.Assertions.assertThrows(org.zhufang.shared.ForbiddenException.class,
					() -> stations.moveTown(outside, new StationTownMoveInput(movingTown.id(), otherStation.id(), null)));
		}
		assertThat(snapshot()).isEqualTo(before);
		assertThat(events.stream(StationTownMoved.class)).isEmpty();
	}

	@Test
	void anAssignmentWaitsForAMoveInProgressAndIsRefusedOnceItHasTheTown() throws Exception {
		AreaView village = tree.child(movingTown, "候派村");
		// a move holding its locks: the stations' rows, the town handed over, versions bumped, not committed
		String answer = CompetingTransaction.whileHeld(transactions, world.jdbc(), jdbc -> {
			jdbc.sql("SELECT version FROM station WHERE id IN (?, ?) ORDER BY id FOR UPDATE")
				.params(holder.id(), otherStation.id()).query(Integer.class).list();
			jdbc.sql("UPDATE station_town SET station_id = ? WHERE town_id = ?")
				.params(otherStation.id(), movingTown.id()).update();
			jdbc.sql("UPDATE station SET version = version + 1 WHERE id IN (?, ?)")
				.params(holder.id(), otherStation.id()).update();
		}, () -> {
			try {
				return code(roster.assignVillage(system, new VillageOfficerAssignInput(village.id(), stayer.id(), null)));
			}
			catch (ConflictException ex) {
				return "CONFLICT";
			}
		});

		// the stayer's station no longer covers the town: never an assignment that would break that
		assertThat(answer).isIn("CONFLICT", "OUTSIDE_STATION");
		assertThat(world.jdbc().sql("SELECT COUNT(*) FROM village_officer WHERE village_id = ?").param(village.id())
			.query(Long.class).single()).isZero();
	}

	private static String code(org.zhufang.shared.Outcome<?> outcome) {
		return outcome.isOk() ? "OK" : outcome.userErrors().get(0).code();
	}

	private void assertMoveCode(Map<String, Object> input, String code, String field) {
		Map<String, Long> before = snapshot();
		admin.documentName("stationTownMove").variable("input", input).execute()
			.path("stationTownMove.station").valueIsNull()
			.path("stationTownMove.userErrors[*].code").entityList(String.class).containsExactly(code)
			.path("stationTownMove.userErrors[0].field").entityList(String.class).containsExactly("input", field);
		assertThat(snapshot()).isEqualTo(before);
		// the same through the facade, on the test's thread, where the recorded events would show a leak
		Object movedOn = input.get("movedOn");
		StationTownMoveInput command = new StationTownMoveInput(((Number) input.get("townId")).longValue(),
				((Number) input.get("toStationId")).longValue(), movedOn == null ? null : LocalDate.parse((String) movedOn));
		assertThat(stations.moveTown(system, command).userErrors()).extracting(e -> e.code()).containsExactly(code);
		assertThat(snapshot()).isEqualTo(before);
		assertThat(events.stream(StationTownMoved.class)).isEmpty();
		assertThat(events.stream(OfficerTransferred.class)).isEmpty();
		assertThat(events.stream(OfficerUnassignedFromVillage.class)).isEmpty();
	}

	private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
		Map<String, Object> changed = new HashMap<>(input);
		changed.put(key, value);
		return changed;
	}

	/** What a move would change, as numbers: towns, versions, offices, officers, transfers, active assignments. */
	private Map<String, Long> snapshot() {
		Map<String, Long> numbers = new HashMap<>();
		numbers.put("townsOfHolder", world.jdbc().sql("SELECT COUNT(*) FROM station_town WHERE station_id = ?")
			.param(holder.id()).query(Long.class).single());
		numbers.put("stationVersions", world.jdbc().sql("SELECT SUM(version) FROM station WHERE id IN (?, ?, ?)")
			.params(holder.id(), otherStation.id(), station.id()).query(Long.class).single());
		numbers.put("officeStation", officeStation(office.id()));
		numbers.put("moverStation", world.jdbc().sql("SELECT station_id FROM officer WHERE id = ?").param(mover.id())
			.query(Long.class).single());
		numbers.put("officerVersions", world.jdbc().sql("SELECT SUM(version) FROM officer WHERE id IN (?, ?)")
			.params(mover.id(), stayer.id()).query(Long.class).single());
		numbers.put("transfers", count("officer_transfer"));
		numbers.put("active", world.jdbc().sql("SELECT COUNT(*) FROM village_officer WHERE ended_on IS NULL")
			.query(Long.class).single());
		return numbers;
	}

	private long officeStation(long officeId) {
		return world.jdbc().sql("SELECT station_id FROM police_office WHERE id = ?").param(officeId).query(Long.class)
			.single();
	}

	private VillageOfficerView lastAssignment(AreaView village) {
		return roster.villageOfficerHistory(List.of(village.id())).get(village.id()).get(0);
	}
}
