package org.zhufang.teams.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.teams.MembershipRole;
import org.zhufang.teams.MembershipView;

/** A volunteer on a team from a join date until leaving; a former membership is history. */
@Table("team_membership")
public class Membership {

	@Id
	private Long id;

	private Long teamId;

	private Long volunteerId;

	private MembershipRole role;

	private LocalDate joinedOn;

	private LocalDate leftOn;

	@Version
	private Integer version;

	private Instant createdAt;

	Membership() {
	}

	public static Membership join(long teamId, long volunteerId, MembershipRole role, LocalDate joinedOn, Instant now) {
		Membership membership = new Membership();
		membership.teamId = teamId;
		membership.volunteerId = volunteerId;
		membership.role = role;
		membership.joinedOn = joinedOn;
		membership.createdAt = now;
		return membership;
	}

	public void leave(LocalDate on) {
		if (!isActive() || on.isBefore(joinedOn)) {
			throw new IllegalStateException("Cannot leave on " + on);
		}
		leftOn = on;
	}

	public void changeRole(MembershipRole newRole) {
		if (!isActive()) {
			throw new IllegalStateException("A former membership does not change");
		}
		role = newRole;
	}

	public boolean isActive() {
		return leftOn == null;
	}

	public Long getTeamId() {
		return teamId;
	}

	public Long getVolunteerId() {
		return volunteerId;
	}

	public LocalDate getJoinedOn() {
		return joinedOn;
	}

	public MembershipView toView() {
		return new MembershipView(id, teamId, volunteerId, role, joinedOn, leftOn);
	}
}
