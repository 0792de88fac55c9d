package org.zhufang.teams.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.teams.ShiftPurpose;
import org.zhufang.teams.ShiftStatus;
import org.zhufang.teams.ShiftView;
import org.zhufang.teams.Skill;

/**
 * A duty of a team in an area. The places taken ({@code signedUp}) are never written from here:
 * only {@link RosterQueries#takePlace} and {@link RosterQueries#releasePlace} change them, each
 * in one guarded UPDATE.
 */
@Table("shift")
public class Shift {

	@Id
	private Long id;

	private Long teamId;

	private Long seriesId;

	private Long areaId;

	private String areaPath;

	private Instant startsAt;

	private Instant endsAt;

	private ShiftPurpose purpose;

	private int minVolunteers;

	private int maxVolunteers;

	private String requiredSkills;

	private String note;

	@ReadOnlyProperty
	private int signedUp;

	private ShiftStatus status;

	@Version
	private Integer version;

	private Instant createdAt;

	Shift() {
	}

	public static Shift schedule(long teamId, Long seriesId, long areaId, String areaPath, Instant startsAt,
			Instant endsAt, ShiftPurpose purpose, int minVolunteers, int maxVolunteers, List<Skill> requiredSkills,
			String note, Instant now) {
		if (!endsAt.isAfter(startsAt) || minVolunteers > maxVolunteers) {
			throw new IllegalStateException("A shift ends after it starts and needs no more than it admits");
		}
		Shift shift = new Shift();
		shift.teamId = teamId;
		shift.seriesId = seriesId;
		shift.areaId = areaId;
		shift.areaPath = areaPath;
		shift.startsAt = startsAt;
		shift.endsAt = endsAt;
		shift.purpose = purpose;
		shift.minVolunteers = minVolunteers;
		shift.maxVolunteers = maxVolunteers;
		shift.requiredSkills = EnumSets.join(requiredSkills);
		shift.note = note;
		shift.status = ShiftStatus.SCHEDULED;
		shift.createdAt = now;
		return shift;
	}

	/** Attendance has been recorded: the shift is over and becomes an activity. */
	public void complete() {
		if (status != ShiftStatus.SCHEDULED) {
			throw new IllegalStateException("Only a scheduled shift completes, not a " + status + " one");
		}
		status = ShiftStatus.COMPLETED;
	}

	public Long getId() {
		return id;
	}

	public ShiftView toView() {
		return new ShiftView(id, teamId, seriesId, areaId, areaPath, startsAt, endsAt, purpose, minVolunteers,
				maxVolunteers, EnumSets.split(requiredSkills, Skill.class), signedUp, status, note,
				version == null ? 0 : version);
	}
}
