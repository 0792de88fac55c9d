package org.zhufang.teams;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhufang.grids.AreaView;
import org.zhufang.shared.BureauClock;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing volunteers and memberships: {@code volunteerUpdate} (a phone taken is a DUPLICATE
 * naming its owner, a stale version a CONFLICT), an INACTIVE volunteer joins no team and takes no
 * shift, {@code teamMemberChangeRole} on active memberships only, and membership dates. Every
 * refusal leaves the rows as they were.
 */
@IntegrationTest
class VolunteerAndMembershipTests {

	@Autowired
	TestWorld world;

	@Autowired
	TeamFixtures fixtures;

	TestWorld.Tree tree;

	AreaView village;

	GraphQlTester coordinator;

	TeamView team;

	@BeforeEach
	void buildTeam() {
		tree = world.county("志愿者变更测试县");
		AreaView town = tree.child(tree.county(), "翟坡镇");
		village = tree.child(town, "翟坡村");
		coordinator = world.as(tree.account("coordinator", Role.TEAM_COORDINATOR, town));
		team = fixtures.team(tree.county(), town, "泰山志愿服务团队", TeamKind.PATROL);
	}

	@Test
	void aCoordinatorUpdatesAVolunteersDetailsSkillsAndTags() {
		VolunteerView wang = fixtures.volunteer(tree.county(), village, "王卫东");
		String phone = TeamFixtures.phone();
		coordinator.documentName("volunteerUpdate")
			.variable("input", Map.of("id", wang.id(), "expectedVersion", 0, "name", "王卫国", "phone", phone,
					"skills", List.of("FIRST_AID", "DRIVING"), "tags", List.of("VETERAN", "PARTY_MEMBER")))
			.execute()
			.path("volunteerUpdate.userErrors").entityList(Object.class).hasSize(0)
			.path("volunteerUpdate.volunteer.name").entity(String.class).isEqualTo("王卫国")
			.path("volunteerUpdate.volunteer.phone").entity(String.class).isEqualTo(phone)
			.path("volunteerUpdate.volunteer.skills").entityList(String.class)
			.satisfies(skills -> assertThat(skills).containsExactlyInAnyOrder("FIRST_AID", "DRIVING"))
			.path("volunteerUpdate.volunteer.tags").entityList(String.class)
			.satisfies(tags -> assertThat(tags).containsExactlyInAnyOrder("VETERAN", "PARTY_MEMBER"))
			.path("volunteerUpdate.volunteer.version").entity(Integer.class).isEqualTo(1);
		assertThat(volunteerRow(wang)).containsEntry("name", "王卫国").containsEntry("phone", phone);
	}

	@Test
	void anotherVolunteersPhoneIsADuplicateNamingItAndAStaleVersionAConflict() {
		VolunteerView first = fixtures.volunteer(tree.county(), village, "李素琴");
		VolunteerView second = fixtures.volunteer(tree.county(), village, "赵春梅");
		Map<String, Object> before = volunteerRow(second);

		coordinator.documentName("volunteerUpdate")
			.variable("input", Map.of("id", second.id(), "name", "赵春花", "phone", first.phone()))
			.execute()
			.path("volunteerUpdate.volunteer").valueIsNull()
			.path("volunteerUpdate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE")
			.path("volunteerUpdate.userErrors[0].field").entityList(String.class).containsExactly("input", "phone")
			.path("volunteerUpdate.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains(String.valueOf(first.id())).contains("李素琴"));
		assertThat(volunteerRow(second)).isEqualTo(before);

		coordinator.documentName("volunteerUpdate")
			.variable("input", Map.of("id", second.id(), "expectedVersion", 0, "name", "赵春兰")).execute()
			.path("volunteerUpdate.volunteer.version").entity(Integer.class).isEqualTo(1);
		coordinator.documentName("volunteerUpdate")
			.variable("input", Map.of("id", second.id(), "expectedVersion", 0, "name", "赵春草")).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
		assertThat(volunteerRow(second)).containsEntry("name", "赵春兰").containsEntry("version", 1);
	}

	@Test
	void anInactiveVolunteerJoinsNoTeamAndTakesNoShift() {
		VolunteerView member = fixtures.volunteer(tree.county(), village, "孙志强");
		fixtures.join(tree.county(), team, member);
		VolunteerView outsider = fixtures.volunteer(tree.county(), village, "周国华");
		ZonedDateTime monday = LocalDate.now(BureauClock.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.atTime(19, 0).atZone(BureauClock.ZONE);
		ShiftView shift = fixtures.shift(tree.county(), team, monday.toInstant(), monday.plusHours(3).toInstant(), 0, 5);
		for (VolunteerView volunteer : List.of(member, outsider)) {
			coordinator.documentName("volunteerUpdate")
				.variable("input", Map.of("id", volunteer.id(), "status", "INACTIVE")).execute()
				.path("volunteerUpdate.volunteer.status").entity(String.class).isEqualTo("INACTIVE");
		}

		coordinator.documentName("teamMemberAdd")
			.variable("input", Map.of("teamId", team.id(), "volunteerId", outsider.id())).execute()
			.path("teamMemberAdd.membership").valueIsNull()
			.path("teamMemberAdd.userErrors[0].code").entity(String.class).isEqualTo("VOLUNTEER_INACTIVE");
		coordinator.documentName("shiftSignUp")
			.variable("input", Map.of("shiftId", shift.id(), "volunteerId", member.id())).execute()
			.path("shiftSignUp.signUp").valueIsNull()
			.path("shiftSignUp.userErrors[0].code").entity(String.class).isEqualTo("VOLUNTEER_INACTIVE");

		assertThat(fixtures.count("SELECT COUNT(*) FROM team_membership WHERE volunteer_id = ?", outsider.id())).isZero();
		assertThat(fixtures.count("SELECT COUNT(*) FROM shift_assignment WHERE volunteer_id = ?", member.id())).isZero();
		assertThat(fixtures.count("SELECT signed_up FROM shift WHERE id = ?", shift.id())).isZero();
	}

	@Test
	void aMembersRoleChangesWhileActiveAndNotAfterLeaving() {
		VolunteerView liu = fixtures.volunteer(tree.county(), village, "刘德胜");
		MembershipView membership = fixtures.join(tree.county(), team, liu);
		coordinator.documentName("teamMemberChangeRole")
			.variable("input", Map.of("membershipId", membership.id(), "role", "COORDINATOR")).execute()
			.path("teamMemberChangeRole.userErrors").entityList(Object.class).hasSize(0)
			.path("teamMemberChangeRole.membership.role").entity(String.class).isEqualTo("COORDINATOR")
			.path("teamMemberChangeRole.membership.active").entity(Boolean.class).isEqualTo(true)
			.path("teamMemberChangeRole.membership.volunteer.id").entity(String.class).isEqualTo(String.valueOf(liu.id()));
		assertThat(role(membership)).isEqualTo("COORDINATOR");

		coordinator.documentName("teamMemberRemove").variable("input", Map.of("membershipId", membership.id())).execute()
			.path("teamMemberRemove.membership.active").entity(Boolean.class).isEqualTo(false);
		coordinator.documentName("teamMemberChangeRole")
			.variable("input", Map.of("membershipId", membership.id(), "role", "LEADER")).execute()
			.path("teamMemberChangeRole.membership").valueIsNull()
			.path("teamMemberChangeRole.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_LEFT");
		coordinator.documentName("teamMemberChangeRole")
			.variable("input", Map.of("membershipId", 987654321L, "role", "LEADER")).execute()
			.path("teamMemberChangeRole.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		assertThat(role(membership)).isEqualTo("COORDINATOR");
	}

	@Test
	void aMembershipNeitherStartsNorEndsInTheFutureNorEndsBeforeItStarted() {
		VolunteerView chen = fixtures.volunteer(tree.county(), village, "陈明亮");
		LocalDate today = LocalDate.now(BureauClock.ZONE);
		coordinator.documentName("teamMemberAdd")
			.variable("input", Map.of("teamId", team.id(), "volunteerId", chen.id(), "joinedOn", today.plusDays(1).toString()))
			.execute()
			.path("teamMemberAdd.userErrors[0].code").entity(String.class).isEqualTo("IN_FUTURE");
		assertThat(fixtures.count("SELECT COUNT(*) FROM team_membership WHERE volunteer_id = ?", chen.id())).isZero();

		String id = coordinator.documentName("teamMemberAdd")
			.variable("input", Map.of("teamId", team.id(), "volunteerId", chen.id(), "joinedOn", today.minusDays(10).toString()))
			.execute()
			.path("teamMemberAdd.membership.id").entity(String.class).get();
		coordinator.documentName("teamMemberRemove")
			.variable("input", Map.of("membershipId", id, "leftOn", today.minusDays(11).toString())).execute()
			.path("teamMemberRemove.userErrors[0].code").entity(String.class).isEqualTo("BEFORE_START");
		coordinator.documentName("teamMemberRemove")
			.variable("input", Map.of("membershipId", id, "leftOn", today.plusDays(1).toString())).execute()
			.path("teamMemberRemove.userErrors[0].code").entity(String.class).isEqualTo("IN_FUTURE");
		assertThat(fixtures.count("SELECT COUNT(*) FROM team_membership WHERE volunteer_id = ? AND left_on IS NULL",
				chen.id())).isEqualTo(1);
	}

	private Map<String, Object> volunteerRow(VolunteerView volunteer) {
		return fixtures.jdbc.sql("SELECT name, phone, tags, skills, status, version FROM volunteer WHERE id = ?")
			.param(volunteer.id()).query().singleRow();
	}

	private String role(MembershipView membership) {
		return fixtures.jdbc.sql("SELECT role FROM team_membership WHERE id = ?").param(membership.id())
			.query(String.class).single();
	}
}
