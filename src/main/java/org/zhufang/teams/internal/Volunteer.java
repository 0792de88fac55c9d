package org.zhufang.teams.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.teams.Gender;
import org.zhufang.teams.Skill;
import org.zhufang.teams.VolunteerStatus;
import org.zhufang.teams.VolunteerTag;
import org.zhufang.teams.VolunteerView;

/** A registered volunteer; the phone is unique among volunteers. */
@Table("volunteer")
public class Volunteer {

	@Id
	private Long id;

	private String name;

	private String phone;

	private Gender gender;

	private Integer birthYear;

	private Long areaId;

	private String areaPath;

	private String tags;

	private String skills;

	private VolunteerStatus status;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	Volunteer() {
	}

	public static Volunteer register(String name, String phone, Gender gender, Integer birthYear, long areaId,
			String areaPath, List<VolunteerTag> tags, List<Skill> skills, Instant now) {
		Volunteer volunteer = new Volunteer();
		volunteer.name = name;
		volunteer.phone = phone;
		volunteer.gender = gender;
		volunteer.birthYear = birthYear;
		volunteer.areaId = areaId;
		volunteer.areaPath = areaPath;
		volunteer.tags = EnumSets.join(tags);
		volunteer.skills = EnumSets.join(skills);
		volunteer.status = VolunteerStatus.ACTIVE;
		volunteer.createdAt = now;
		volunteer.updatedAt = now;
		return volunteer;
	}

	/** Changes what is given; null leaves a field as it is. */
	public void update(String newName, String newPhone, Gender newGender, Integer newBirthYear,
			List<VolunteerTag> newTags, List<Skill> newSkills, VolunteerStatus newStatus, Instant now) {
		if (newName != null) {
			name = newName;
		}
		if (newPhone != null) {
			phone = newPhone;
		}
		if (newGender != null) {
			gender = newGender;
		}
		if (newBirthYear != null) {
			birthYear = newBirthYear;
		}
		if (newTags != null) {
			tags = EnumSets.join(newTags);
		}
		if (newSkills != null) {
			skills = EnumSets.join(newSkills);
		}
		if (newStatus != null) {
			status = newStatus;
		}
		updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public String getPhone() {
		return phone;
	}

	public Integer getVersion() {
		return version;
	}

	public VolunteerView toView(List<String> teamAreaPaths) {
		return new VolunteerView(id, name, phone, gender, birthYear, areaId, areaPath,
				EnumSets.split(tags, VolunteerTag.class), EnumSets.split(skills, Skill.class), status, version,
				teamAreaPaths);
	}
}
