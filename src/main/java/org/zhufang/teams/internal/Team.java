package org.zhufang.teams.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.teams.TeamKind;
import org.zhufang.teams.TeamStatus;
import org.zhufang.teams.TeamView;

/** A volunteer team with its home area. A disbanded team never changes again. */
@Table("team")
public class Team {

	@Id
	private Long id;

	private String name;

	private TeamKind kind;

	private Long areaId;

	private String areaPath;

	private String messagingGroup;

	private String description;

	private TeamStatus status;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	Team() {
	}

	public static Team create(String name, TeamKind kind, long areaId, String areaPath, String messagingGroup,
			String description, Instant now) {
		Team team = new Team();
		team.name = name;
		team.kind = kind;
		team.areaId = areaId;
		team.areaPath = areaPath;
		team.messagingGroup = messagingGroup;
		team.description = description;
		team.status = TeamStatus.ACTIVE;
		team.createdAt = now;
		team.updatedAt = now;
		return team;
	}

	/** Changes what is given; null leaves a field as it is. */
	public void describe(String newName, TeamKind newKind, String newMessagingGroup, String newDescription,
			Instant now) {
		requireActive();
		if (newName != null) {
			name = newName;
		}
		if (newKind != null) {
			kind = newKind;
		}
		if (newMessagingGroup != null) {
			messagingGroup = newMessagingGroup.isBlank() ? null : newMessagingGroup;
		}
		if (newDescription != null) {
			description = newDescription.isBlank() ? null : newDescription;
		}
		updatedAt = now;
	}

	public void disband(Instant now) {
		requireActive();
		status = TeamStatus.DISBANDED;
		updatedAt = now;
	}

	private void requireActive() {
		if (!isActive()) {
			throw new IllegalStateException("A disbanded team does not change");
		}
	}

	public boolean isActive() {
		return status == TeamStatus.ACTIVE;
	}

	public Long getId() {
		return id;
	}

	public Long getAreaId() {
		return areaId;
	}

	public String getAreaPath() {
		return areaPath;
	}

	public Integer getVersion() {
		return version;
	}

	public TeamView toView() {
		return new TeamView(id, name, kind, areaId, areaPath, messagingGroup, description, status, version);
	}
}
