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
import org.zhufang.shared.BureauClock;
import org.zhufang.grids.AreaView;
import org.zhufang.officers.OfficerInputs.OfficerTransferInput;
import org.zhufang.officers.OfficerInputs.PoliceOfficeCreateInput;
import org.zhufang.shared.Role;
import org.zhufang.support.CompetingTransaction;
import org.zhufang.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * Stations, police offices, officers and transfers through GraphQL against the real database:
 * towns in at most one station, offices inside their station's towns, unique badges, transfers
 * ending village assignments, staffing figures; refused commands write nothing.
 */
@IntegrationTest
@RecordApplicationEvents
class StationsAndOfficersIntegrationTests extends OfficerFixtures {

	static final String STATION_UPDATE = """
			mutation stationUpdate($input: StationUpdateInput!) {
			  stationUpdate(input: $input) {
			    station { id name towns { id name } version }
			    userErrors { field code message }
			  }
			}""";

	GraphQlTester admin;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void build() {
		buildCounty();
		admin = world.as(tree.account("admin", Role.BUREAU_ADMIN, county));
	}

	@Test
	void opensAStationWithItsTownsAndRefusesATownOfAnotherStationOrAVillage() {
		AreaView thirdTown = tree.child(county, "小冀镇");
		admin.documentName("stationCreate")
			.variable("input", Map.of("code", "XJ-" + county.code(), "name", "小冀派出所", "townIds", List.of(thirdTown.id()),
					"hasPartyBranch", true, "supervisingCommitteeMember", "周海涛"))
			.execute()
			.path("stationCreate.userErrors").entityList(Object.class).hasSize(0)
			.path("stationCreate.station.name").entity(String.class).isEqualTo("小冀派出所")
			.path("stationCreate.station.towns[*].name").entityList(String.class).containsExactly("小冀镇")
			.path("stationCreate.station.supervisingCommitteeMember").entity(String.class).isEqualTo("周海涛");

		long stationsBefore = count("station");
		long townsBefore = count("station_town");
		admin.documentName("stationCreate")
			.variable("input", Map.of("code", "DUP-" + county.code(), "name", "重复派出所", "townIds", List.of(town.id())))
			.execute()
			.path("stationCreate.station").valueIsNull()
			.path("stationCreate.userErrors[0].code").entity(String.class).isEqualTo("TOWN_TAKEN")
			.path("stationCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "townIds", "0");
		admin.documentName("stationCreate")
			.variable("input", Map.of("code", "VIL-" + county.code(), "name", "村派出所", "townIds", List.of(village.id())))
			.execute()
			.path("stationCreate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_LEVEL");
		admin.documentName("stationCreate")
			.variable("input", Map.of("code", "XJ-" + county.code(), "name", "同码", "townIds", List.of(tree.child(county, "翟坡镇").id())))
			.execute()
			.path("stationCreate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_CODE");
		assertThat(count("station")).isEqualTo(stationsBefore);
		assertThat(count("station_town")).isEqualTo(townsBefore);
	}

	@Test
	void theDatabaseKeepsATownInOneStationEvenWhenCodeChecksAreBypassed() {
		assertThat(org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
				() -> world.jdbc().sql("INSERT INTO station_town (station_id, town_id, town_path) VALUES (?, ?, ?)")
					.params(otherStation.id(), town.id(), town.path()).update()))
			.isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
	}

	@Test
	void refusesToTakeATownFromAStationWhileItsOfficesOrAssignedVillagesStillSitThereWritingNothing() {
		AreaView townA = tree.child(county, "翟坡镇");
		AreaView townB = tree.child(county, "大召营镇");
		AreaView townC = tree.child(county, "合河乡");
		AreaView villageA = tree.child(townA, "翟坡村");
		AreaView villageB = tree.child(townB, "大召营村");
		StationView threeTowns = station("翟坡派出所", townA, townB, townC);
		ok(stations.createOffice(system, new PoliceOfficeCreateInput(threeTowns.id(), "翟坡警务室", villageA.id(),
				PoliceOfficeMode.VILLAGE, "翟坡村委会", false, null)));
		OfficerView officer = officer("孙志远", threeTowns, true);
		assign(villageB, officer);

		// a town with nothing of the station's in it leaves freely
		admin.document(STATION_UPDATE)
			.variable("input", Map.of("id", threeTowns.id(), "townIds", List.of(townA.id(), townB.id()))).execute()
			.path("stationUpdate.userErrors").entityList(Object.class).hasSize(0)
			.path("stationUpdate.station.towns[*].name").entityList(String.class).containsExactly("翟坡镇", "大召营镇");
		int version = stationVersion(threeTowns.id());

		admin.document(STATION_UPDATE).variable("input", Map.of("id", threeTowns.id(), "townIds", List.of(townB.id())))
			.execute()
			.path("stationUpdate.station").valueIsNull()
			.path("stationUpdate.userErrors[*].code").entityList(String.class).containsExactly("TOWN_IN_USE")
			.path("stationUpdate.userErrors[0].field").entityList(String.class).containsExactly("input", "townIds")
			.path("stationUpdate.userErrors[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).contains("翟坡镇", "翟坡警务室", "stationTownMove").doesNotContain("大召营村"));
		admin.document(STATION_UPDATE).variable("input", Map.of("id", threeTowns.id(), "townIds", List.of(townA.id())))
			.execute()
			.path("stationUpdate.userErrors[0].code").entity(String.class).isEqualTo("TOWN_IN_USE")
			.path("stationUpdate.userErrors[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).contains("大召营镇", "大召营村").doesNotContain("翟坡警务室"));
		admin.document(STATION_UPDATE)
			.variable("input", Map.of("id", threeTowns.id(), "townIds", List.of(townC.id()), "name", "合河派出所"))
			.execute()
			.path("stationUpdate.userErrors[*].code").entityList(String.class).containsExactly("TOWN_IN_USE", "TOWN_IN_USE");
		assertThat(stationTowns(threeTowns.id())).containsExactlyInAnyOrder(townA.id(), townB.id());
		assertThat(stationVersion(threeTowns.id())).isEqualTo(version);
		assertThat(stations.station(system, threeTowns.id()).orElseThrow().name()).isEqualTo("翟坡派出所");

		// once the village is handed back, its town can go
		ok(roster.endVillage(system, new OfficerInputs.VillageOfficerEndInput(villageB.id(), null, "撤出大召营镇")));
		admin.document(STATION_UPDATE).variable("input", Map.of("id", threeTowns.id(), "townIds", List.of(townA.id())))
			.execute()
			.path("stationUpdate.userErrors").entityList(Object.class).hasSize(0)
			.path("stationUpdate.station.towns[*].name").entityList(String.class).containsExactly("翟坡镇");
	}

	@Test
	void aTownLeavingWaitsForAnAssignmentInProgressThereAndThenRefusesToLeave() throws Exception {
		AreaView townA = tree.child(county, "翟坡镇");
		AreaView townB = tree.child(county, "大召营镇");
		AreaView villageB = tree.child(townB, "大召营村");
		StationView twoTowns = station("翟坡派出所", townA, townB);
		OfficerView officer = officer("孙志远", twoTowns, true);
		// an assignment in progress: it holds the station's row for share, as villageOfficerAssign does,
		// and has written its row, not committed yet
		List<String> codes = CompetingTransaction.whileHeld(transactions, world.jdbc(), jdbc -> {
			jdbc.sql("SELECT version FROM station WHERE id = ? LOCK IN SHARE MODE").param(twoTowns.id())
				.query(Integer.class).single();
			jdbc.sql("""
					INSERT INTO village_officer (village_id, village_path, officer_id, started_on, version, created_at)
					VALUES (?, ?, ?, ?, 0, CURRENT_TIMESTAMP(6))""")
				.params(villageB.id(), villageB.path(), officer.id(), LocalDate.now(BureauClock.ZONE)).update();
		}, () -> stations.updateStation(system,
				new OfficerInputs.StationUpdateInput(twoTowns.id(), null, null, List.of(townA.id()), null, null))
			.userErrors().stream().map(e -> e.code()).toList());

		assertThat(codes).containsExactly("TOWN_IN_USE");
		assertThat(stationTowns(twoTowns.id())).containsExactlyInAnyOrder(townA.id(), townB.id());
	}

	private List<Long> stationTowns(long stationId) {
		return world.jdbc().sql("SELECT town_id FROM station_town WHERE station_id = ?").param(stationId)
			.query(Long.class).list();
	}

	private int stationVersion(long stationId) {
		return world.jdbc().sql("SELECT version FROM station WHERE id = ?").param(stationId).query(Integer.class).single();
	}

	@Test
	void opensPoliceOfficesOnlyInTheStationsTownsAndLetsOnlyItsChiefOpenAndChangeThem() {
		GraphQlTester chief = world.as(tree.account("chief", Role.STATION_CHIEF, town));
		GraphQlTester otherChief = world.as(tree.account("chief2", Role.STATION_CHIEF, otherTown));
		Map<String, Object> input = new HashMap<>(Map.of("stationId", station.id(), "name", "龙华医院警务室", "areaId",
				village.id(), "mode", "HOSPITAL", "address", "龙华医院门诊楼一层", "open24x7", true, "partnerOrganisation", "新乡县龙华医院"));
		String officeId = admin.documentName("policeOfficeCreate").variable("input", input).execute()
			.path("policeOfficeCreate.policeOffice.mode").entity(String.class).isEqualTo("HOSPITAL")
			.path("policeOfficeCreate.policeOffice.station.name").entity(String.class).isEqualTo("七里营派出所")
			.path("policeOfficeCreate.policeOffice.area.name").entity(String.class).isEqualTo("南王庄村")
			.path("policeOfficeCreate.policeOffice.id").entity(String.class).get();

		long before = count("police_office");
		input.put("name", "心连心警务室");
		input.put("areaId", otherVillage.id());
		admin.documentName("policeOfficeCreate").variable("input", input).execute()
			.path("policeOfficeCreate.policeOffice").valueIsNull()
			.path("policeOfficeCreate.userErrors[0].code").entity(String.class).isEqualTo("OUTSIDE_STATION");
		input.put("areaId", village.id());
		otherChief.documentName("policeOfficeCreate").variable("input", input).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(count("police_office")).isEqualTo(before);
		// the station's own chief opens offices in its towns (domain: chiefs manage offices)
		chief.documentName("policeOfficeCreate").variable("input", input).execute()
			.path("policeOfficeCreate.userErrors").entityList(Object.class).hasSize(0)
			.path("policeOfficeCreate.policeOffice.name").entity(String.class).isEqualTo("心连心警务室");
		assertThat(count("police_office")).isEqualTo(before + 1);

		chief.documentName("policeOfficeUpdate").variable("input", Map.of("id", officeId, "open24x7", false)).execute()
			.path("policeOfficeUpdate.policeOffice.open24x7").entity(Boolean.class).isEqualTo(false);
		otherChief.documentName("policeOfficeUpdate").variable("input", Map.of("id", officeId, "name", "改名")).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
	}

	@Test
	void registersOfficersWithUniqueBadgesAndRefusesAChiefOutsideTheirTowns() {
		GraphQlTester chief = world.as(tree.account("chief", Role.STATION_CHIEF, town));
		String badge = badge();
		Map<String, Object> input = new HashMap<>(Map.of("name", "李卫东", "badgeNumber", badge, "kind", "POLICE",
				"rank", "一级警长", "phone", "13812345678", "stationId", station.id(), "communityOfficer", true,
				"joinedOn", "2020-03-01"));
		chief.documentName("officerRegister").variable("input", input).execute()
			.path("officerRegister.userErrors").entityList(Object.class).hasSize(0)
			.path("officerRegister.officer.name").entity(String.class).isEqualTo("李卫东")
			.path("officerRegister.officer.phone").entity(String.class).isEqualTo("13812345678")
			.path("officerRegister.officer.status").entity(String.class).isEqualTo("ACTIVE")
			.path("officerRegister.officer.station.name").entity(String.class).isEqualTo("七里营派出所");

		long before = count("officer");
		chief.documentName("officerRegister").variable("input", input).execute()
			.path("officerRegister.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_BADGE");
		input.put("badgeNumber", badge());
		input.put("stationId", otherStation.id());
		chief.documentName("officerRegister").variable("input", input).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		input.put("stationId", station.id());
		input.put("joinedOn", LocalDate.now(BureauClock.ZONE).plusDays(2).toString());
		input.put("phone", "12345");
		chief.documentName("officerRegister").variable("input", input).execute()
			.path("officerRegister.userErrors[*].code").entityList(String.class).containsExactly("INVALID_FORMAT");
		input.put("phone", "13812345678");
		chief.documentName("officerRegister").variable("input", input).execute()
			.path("officerRegister.userErrors[0].code").entity(String.class).isEqualTo("IN_FUTURE");
		input.remove("stationId");
		input.put("joinedOn", "2020-03-01");
		chief.documentName("officerRegister").variable("input", input).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(count("officer")).isEqualTo(before);
	}

	@Test
	void aTransferIsAnnouncedWithTheVillagesItEndedAndARefusedOneIsNot() {
		OfficerView officer = officer("刘建军", station, true);
		assign(village, officer);
		LocalDate day = LocalDate.now(BureauClock.ZONE).minusDays(3);
		// through the facade: events are recorded on the test's thread
		assertThat(roster.transfer(system, new OfficerTransferInput(officer.id(), station.id(), null, day, null))
			.userErrors()).extracting(e -> e.code()).containsExactly("SAME_STATION");
		ok(roster.transfer(system, new OfficerTransferInput(officer.id(), otherStation.id(), null, day, "工作需要")));

		assertThat(events.stream(OfficerTransferred.class).filter(e -> e.officerId() == officer.id())).singleElement()
			.satisfies(e -> {
				assertThat(e.fromStationId()).isEqualTo(station.id());
				assertThat(e.toStationId()).isEqualTo(otherStation.id());
				assertThat(e.transferredOn()).isEqualTo(day);
				assertThat(e.endedVillageIds()).containsExactly(village.id());
			});
	}

	@Test
	void aTransferEndsTheOfficersVillageAssignmentsAndKeepsTheHistory() {
		OfficerView officer = officer("刘建军", station, true);
		assign(village, officer);
		String day = LocalDate.now(BureauClock.ZONE).minusDays(3).toString();
		admin.documentName("officerTransfer")
			.variable("input", Map.of("officerId", officer.id(), "stationId", otherStation.id(), "transferredOn", day,
					"reason", "工作需要"))
			.execute()
			.path("officerTransfer.userErrors").entityList(Object.class).hasSize(0)
			.path("officerTransfer.officer.station.id").entity(String.class).isEqualTo(String.valueOf(otherStation.id()))
			.path("officerTransfer.officer.status").entity(String.class).isEqualTo("ACTIVE")
			.path("officerTransfer.officer.joinedOn").entity(String.class).isEqualTo(day)
			.path("officerTransfer.officer.villages").entityList(Object.class).hasSize(0)
			.path("officerTransfer.officer.transfers[0].fromStation.id").entity(String.class).isEqualTo(String.valueOf(station.id()))
			.path("officerTransfer.officer.transfers[0].reason").entity(String.class).isEqualTo("工作需要");
		assertThat(world.jdbc().sql("SELECT ended_on FROM village_officer WHERE village_id = ?").param(village.id())
			.query(java.sql.Date.class).single().toLocalDate()).isEqualTo(LocalDate.parse(day));

		admin.documentName("officerTransfer").variable("input", Map.of("officerId", officer.id())).execute()
			.path("officerTransfer.officer.station").valueIsNull()
			.path("officerTransfer.officer.transfers[1].toStation").valueIsNull();
		admin.documentName("officerTransfer").variable("input", Map.of("officerId", officer.id())).execute()
			.path("officerTransfer.userErrors[0].code").entity(String.class).isEqualTo("SAME_STATION");
	}

	@Test
	void aChiefMovesOfficersOnlyBetweenTheirOwnStationsAndNeverToADepartment() {
		GraphQlTester chief = world.as(tree.account("chief", Role.STATION_CHIEF, town));
		OfficerView officer = officer("王强", station, false);
		long before = count("officer_transfer");
		chief.documentName("officerTransfer").variable("input", Map.of("officerId", officer.id(), "stationId", otherStation.id()))
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		chief.documentName("officerTransfer").variable("input", Map.of("officerId", officer.id())).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(count("officer_transfer")).isEqualTo(before);
		assertThat(roster.officer(system, officer.id()).orElseThrow().stationId())
			.isEqualTo(station.id());
	}

	@Test
	void staffingFiguresComeFromTheOfficersRows() {
		for (int i = 0; i < 3; i++) {
			officer("社区民警" + i, station, true);
		}
		for (int i = 0; i < 4; i++) {
			officer("民警" + i, station, false);
		}
		officer("朗公庙民警", otherStation, false);
		for (int i = 0; i < 4; i++) {
			ok(roster.register(system, new OfficerInputs.OfficerRegisterInput("机关民警" + i, badge(), OfficerKind.POLICE, null,
					null, null, county.id(), null, false, LocalDate.now(BureauClock.ZONE).minusYears(3))));
		}
		OfficerView retired = officer("退休民警", station, false);
		ok(roster.update(system, new OfficerInputs.OfficerUpdateInput(retired.id(), null, null, null, null, null, null,
				OfficerStatus.RETIRED)));

		admin.documentName("staffing").variable("areaId", county.id()).execute()
			.path("staffing.bureauOfficers").entity(Integer.class).isEqualTo(12)
			.path("staffing.stationOfficers").entity(Integer.class).isEqualTo(8)
			.path("staffing.communityOfficers").entity(Integer.class).isEqualTo(3)
			.path("staffing.stationShare").entity(Double.class).satisfies(s -> assertThat(s).isCloseTo(8 / 12.0, org.assertj.core.data.Offset.offset(1e-9)))
			.path("staffing.communityShare").entity(Double.class).isEqualTo(3 / 8.0)
			.path("staffing.perStation[*].station.name").entityList(String.class).containsExactly("七里营派出所", "朗公庙派出所")
			.path("staffing.perStation[0].officers").entity(Integer.class).isEqualTo(7);
		admin.documentName("staffing").variable("areaId", county.id())
			.variable("from", LocalDate.now(BureauClock.ZONE).minusYears(2).toString()).execute()
			.path("staffing.newOfficers").entity(Integer.class).isEqualTo(9);
		admin.documentName("staffing").variable("areaId", town.id()).execute()
			.path("staffing.bureauOfficers").entity(Integer.class).isEqualTo(7)
			.path("staffing.stationShare").entity(Double.class).isEqualTo(1.0);
	}

	@Test
	void retiringAnOfficerEndsTheirVillagesAndRefusesFurtherChanges() {
		OfficerView officer = officer("老张", station, true);
		assign(village, officer);
		ok(roster.update(system, new OfficerInputs.OfficerUpdateInput(officer.id(), null, null, null, null, null, null,
				OfficerStatus.RETIRED)));
		assertThat(roster.villageOfficers(List.of(village.id()))).isEmpty();
		assertThat(roster.update(system, new OfficerInputs.OfficerUpdateInput(officer.id(), null, "新名字", null, null, null,
				null, null)).userErrors()).extracting(e -> e.code()).containsExactly("OFFICER_NOT_ACTIVE");
		assertThat(roster.transfer(system, new OfficerTransferInput(officer.id(), otherStation.id(), null, null, null))
			.userErrors()).extracting(e -> e.code()).containsExactly("OFFICER_NOT_ACTIVE");
		assertThat(stations.createOffice(system, new PoliceOfficeCreateInput(station.id(), "网格警务室", grid.id(),
				PoliceOfficeMode.VILLAGE, "一组", false, null)).isOk()).isTrue();

		// a status changes once, from ACTIVE, and never back
		long transfers = count("officer_transfer");
		for (OfficerStatus again : List.of(OfficerStatus.TRANSFERRED, OfficerStatus.ACTIVE)) {
			assertThat(roster.update(system, new OfficerInputs.OfficerUpdateInput(officer.id(), null, null, null, null,
					null, null, again)).userErrors())
				.extracting(e -> e.code() + " " + e.field()).containsExactly("INVALID_TRANSITION [input, status]");
		}
		assertThat(roster.officer(system, officer.id()).orElseThrow().status()).isEqualTo(OfficerStatus.RETIRED);
		assertThat(count("officer_transfer")).isEqualTo(transfers);
	}

	@Test
	void refusesACommunityOfficerWithoutAStationAndAnOfficeOfAnotherStationWritingNothing() {
		OfficerView department = ok(roster.register(system, new OfficerInputs.OfficerRegisterInput("机关民警", badge(),
				OfficerKind.POLICE, "一级警长", null, null, county.id(), null, false, null)));
		OfficerView officer = officer("所内民警", station, false);
		PoliceOfficeView elsewhere = ok(stations.createOffice(system, new PoliceOfficeCreateInput(otherStation.id(),
				"朗公庙警务室", otherVillage.id(), PoliceOfficeMode.VILLAGE, "朗公庙村委会", false, null)));
		int departmentVersion = roster.officer(system, department.id()).orElseThrow().version();
		int officerVersion = roster.officer(system, officer.id()).orElseThrow().version();

		assertThat(roster.update(system, new OfficerInputs.OfficerUpdateInput(department.id(), null, null, null, null,
				null, true, null)).userErrors())
			.extracting(e -> e.code() + " " + e.field()).containsExactly("NOT_IN_STATION [input, communityOfficer]");
		assertThat(roster.update(system, new OfficerInputs.OfficerUpdateInput(officer.id(), null, null, null, null,
				elsewhere.id(), null, null)).userErrors())
			.extracting(e -> e.code() + " " + e.field()).containsExactly("OFFICE_NOT_IN_STATION [input, policeOfficeId]");
		PoliceOfficeView home = ok(stations.createOffice(system, new PoliceOfficeCreateInput(station.id(), "南王庄警务室",
				village.id(), PoliceOfficeMode.VILLAGE, "南王庄村委会", false, null)));
		long transfers = count("officer_transfer");
		// a transfer to another station with an office of the old one
		assertThat(roster.transfer(system, new OfficerTransferInput(officer.id(), otherStation.id(), home.id(), null,
				null)).userErrors())
			.extracting(e -> e.code() + " " + e.field()).containsExactly("OFFICE_NOT_IN_STATION [input, policeOfficeId]");
		assertThat(count("officer_transfer")).isEqualTo(transfers);

		OfficerView departmentAfter = roster.officer(system, department.id()).orElseThrow();
		assertThat(departmentAfter.communityOfficer()).isFalse();
		assertThat(departmentAfter.version()).isEqualTo(departmentVersion);
		OfficerView officerAfter = roster.officer(system, officer.id()).orElseThrow();
		assertThat(officerAfter.policeOfficeId()).isNull();
		assertThat(officerAfter.stationId()).isEqualTo(station.id());
		assertThat(officerAfter.version()).isEqualTo(officerVersion);
	}

	@Test
	void nestedStationsAndOfficesOutsideTheJurisdictionAreLeftOut() {
		PoliceOfficeView office = ok(stations.createOffice(system, new PoliceOfficeCreateInput(station.id(), "南王庄警务室",
				village.id(), PoliceOfficeMode.VILLAGE, "南王庄村委会", false, null)));
		PoliceOfficeView theirOffice = ok(stations.createOffice(system, new PoliceOfficeCreateInput(otherStation.id(),
				"朗公庙警务室", otherVillage.id(), PoliceOfficeMode.VILLAGE, "朗公庙村委会", false, null)));
		OfficerView mover = officer("调动民警", station, true);
		ok(roster.transfer(system, new OfficerTransferInput(mover.id(), otherStation.id(), theirOffice.id(), null, "调动")));
		String query = """
				query($id: ID!) { officer(id: $id) { name station { name policeOffices { name station { name } } }
				  policeOffice { name station { name } }
				  transfers { fromStation { name policeOffices { name } } toStation { name } } } }""";

		GraphQlTester otherChief = world.as(tree.account("chief.other", Role.STATION_CHIEF, otherTown));
		otherChief.document(query).variable("id", mover.id()).execute()
			.path("officer.name").entity(String.class).isEqualTo("调动民警")
			.path("officer.station.name").entity(String.class).isEqualTo("朗公庙派出所")
			.path("officer.station.policeOffices[*].name").entityList(String.class).containsExactly("朗公庙警务室")
			.path("officer.station.policeOffices[0].station.name").entity(String.class).isEqualTo("朗公庙派出所")
			.path("officer.policeOffice.station.name").entity(String.class).isEqualTo("朗公庙派出所")
			.path("officer.transfers[0].fromStation").valueIsNull()
			.path("officer.transfers[0].toStation.name").entity(String.class).isEqualTo("朗公庙派出所");
		admin.document(query).variable("id", mover.id()).execute()
			.path("officer.transfers[0].fromStation.name").entity(String.class).isEqualTo("七里营派出所")
			.path("officer.transfers[0].fromStation.policeOffices[*].name").entityList(String.class)
			.containsExactly(office.name());
		// A village-scoped colleague still sees the station serving their village (it covers a town above it).
		GraphQlTester grid = world.as(tree.account("grid.member", Role.GRID_MEMBER, this.grid));
		OfficerView local = officer("本村民警", station, true);
		assign(village, local);
		grid.document("query($id: ID!) { officer(id: $id) { station { name policeOffices { name } } } }")
			.variable("id", local.id()).execute()
			.path("officer.station.name").entity(String.class).isEqualTo("七里营派出所")
			.path("officer.station.policeOffices[*].name").entityList(String.class).containsExactly(office.name());
	}
}
