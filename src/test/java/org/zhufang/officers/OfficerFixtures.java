package org.zhufang.officers;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.zhufang.shared.BureauClock;
import org.zhufang.grids.AreaView;
import org.zhufang.officers.OfficerInputs.OfficerRegisterInput;
import org.zhufang.officers.OfficerInputs.StationCreateInput;
import org.zhufang.officers.OfficerInputs.VillageOfficerAssignInput;
import org.zhufang.shared.Caller;
import org.zhufang.support.TestWorld;

import static org.zhufang.support.TestWorld.ok;

/**
 * A county of one's own with two towns, each covered by a station, built through the modules'
 * facades (so every rule applies) under codes and badge numbers no other test uses.
 */
abstract class OfficerFixtures {

	private static final AtomicInteger nextBadge = new AtomicInteger(1);

	@Autowired
	TestWorld world;

	@Autowired
	StationRegistry stations;

	@Autowired
	OfficerRoster roster;

	@Autowired
	VisitRecords visits;

	TestWorld.Tree tree;

	AreaView county;

	AreaView town;

	AreaView otherTown;

	AreaView village;

	AreaView otherVillage;

	AreaView grid;

	StationView station;

	StationView otherStation;

	Caller system;

	void buildCounty() {
		tree = world.county("新乡县警务测试");
		county = tree.county();
		system = TestWorld.system(county.id());
		town = tree.child(county, "七里营镇");
		otherTown = tree.child(county, "朗公庙镇");
		village = tree.child(town, "南王庄村");
		otherVillage = tree.child(otherTown, "朗公庙村");
		grid = tree.child(village, "南王庄村第一网格");
		station = station("七里营派出所", town);
		otherStation = station("朗公庙派出所", otherTown);
	}

	StationView station(String name, AreaView... towns) {
		return ok(stations.createStation(system, new StationCreateInput("S" + county.code() + "-" + nextBadge.getAndIncrement(),
				name, List.of(towns).stream().map(AreaView::id).toList(), true, "赵国强")));
	}

	OfficerView officer(String name, StationView in, boolean community) {
		return ok(roster.register(system, new OfficerRegisterInput(name, badge(), OfficerKind.POLICE, "一级警长",
				"13912345678", in.id(), null, null, community, LocalDate.now(BureauClock.ZONE).minusYears(1))));
	}

	VillageOfficerView assign(AreaView village, OfficerView officer) {
		return ok(roster.assignVillage(system, new VillageOfficerAssignInput(village.id(), officer.id(),
				LocalDate.now(BureauClock.ZONE).minusDays(60))));
	}

	static String badge() {
		return "T" + ProcessHandle.current().pid() % 100000 + "-" + nextBadge.getAndIncrement();
	}

	long count(String table) {
		return world.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}
}
