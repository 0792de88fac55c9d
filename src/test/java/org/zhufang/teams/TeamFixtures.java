package org.zhufang.teams;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.Caller;
import org.zhufang.teams.TeamInputs.ShiftScheduleInput;
import org.zhufang.teams.TeamInputs.TeamCreateInput;
import org.zhufang.teams.TeamInputs.TeamMemberAddInput;
import org.zhufang.teams.TeamInputs.VolunteerRegisterInput;
import org.zhufang.support.TestWorld;

import static org.zhufang.support.TestWorld.ok;

/** Builds teams, volunteers and shifts through the module's facades, as a county-wide admin. */
@Component
class TeamFixtures {

	/** Phones handed out to tests: unique in the shared database. */
	private static final AtomicInteger nextPhone = new AtomicInteger((int) (System.nanoTime() % 10_000_000));

	final Teams teams;

	final Roster roster;

	final Activities activities;

	final JdbcClient jdbc;

	TeamFixtures(Teams teams, Roster roster, Activities activities, JdbcClient jdbc) {
		this.teams = teams;
		this.roster = roster;
		this.activities = activities;
		this.jdbc = jdbc;
	}

	static String phone() {
		return "139" + String.format("%08d", Math.floorMod(nextPhone.getAndIncrement(), 100_000_000));
	}

	TeamView team(AreaView county, AreaView home, String name, TeamKind kind) {
		return ok(teams.createTeam(TestWorld.system(county.id()),
				new TeamCreateInput(name, kind, home.id(), "平安微信群", null)));
	}

	VolunteerView volunteer(AreaView county, AreaView home, String name, Skill... skills) {
		return ok(teams.registerVolunteer(TestWorld.system(county.id()), new VolunteerRegisterInput(name, phone(),
				Gender.MALE, 1960, home.id(), List.of(VolunteerTag.VETERAN), List.of(skills))));
	}

	MembershipView join(AreaView county, TeamView team, VolunteerView volunteer) {
		return ok(teams.addMember(TestWorld.system(county.id()),
				new TeamMemberAddInput(team.id(), volunteer.id(), MembershipRole.MEMBER, null)));
	}

	ShiftView shift(AreaView county, TeamView team, Instant start, Instant end, int min, int max, Skill... required) {
		return ok(roster.schedule(TestWorld.system(county.id()), new ShiftScheduleInput(team.id(), null,
				ShiftPurpose.PATROL, at(start), at(end), null, min, max, List.of(required), null))).get(0);
	}

	/** Moves a shift in time behind the facade's back (schedules refuse the past). */
	void moveShift(long shiftId, Instant start, Instant end) {
		jdbc.sql("UPDATE shift SET starts_at = ?, ends_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(start), java.sql.Timestamp.from(end), shiftId).update();
	}

	static Caller admin(AreaView county) {
		return TestWorld.system(county.id());
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.ofHours(8));
	}

	int count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}
}
