package org.zhufang.teams.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.teams.ActivityKind;
import org.zhufang.teams.ActivityView;

/**
 * Something a team did, with each participant's hours. Logged once; only the activity a completed
 * shift became changes, when the shift's attendance is corrected.
 */
@Table("activity")
public class Activity {

	@Id
	private Long id;

	private Long teamId;

	private ActivityKind kind;

	private LocalDate occurredOn;

	private Long areaId;

	private String areaPath;

	private String outcome;

	private Long shiftId;

	private String loggedBy;

	private String idempotencyKey;

	@MappedCollection(idColumn = "activity_id")
	private Set<Participant> participants = new LinkedHashSet<>();

	@Version
	private Integer version;

	private Instant createdAt;

	Activity() {
	}

	/** A volunteer's hours in the activity. */
	@Table("activity_participant")
	public record Participant(Long volunteerId, BigDecimal hours) {
	}

	public static Activity log(long teamId, ActivityKind kind, LocalDate on, long areaId, String areaPath,
			String outcome, Long shiftId, Map<Long, BigDecimal> hoursByVolunteer, String loggedBy,
			String idempotencyKey, Instant now) {
		Activity activity = new Activity();
		activity.teamId = teamId;
		activity.kind = kind;
		activity.occurredOn = on;
		activity.areaId = areaId;
		activity.areaPath = areaPath;
		activity.outcome = outcome;
		activity.shiftId = shiftId;
		activity.loggedBy = loggedBy;
		activity.idempotencyKey = idempotencyKey;
		hoursByVolunteer.forEach((volunteer, hours) -> activity.participants.add(new Participant(volunteer, hours)));
		activity.createdAt = now;
		return activity;
	}

	/** The participants of a completed shift's activity after its attendance was corrected. */
	public void replaceParticipants(Map<Long, BigDecimal> hoursByVolunteer) {
		if (shiftId == null) {
			throw new IllegalStateException("Only the activity of a shift takes a corrected attendance");
		}
		participants = new LinkedHashSet<>();
		hoursByVolunteer.forEach((volunteer, hours) -> participants.add(new Participant(volunteer, hours)));
	}

	public double totalHours() {
		return participants.stream().map(Participant::hours).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
	}

	public ActivityView toView() {
		return new ActivityView(id, teamId, kind, occurredOn, areaId, areaPath, outcome, shiftId, participants.size(),
				totalHours());
	}
}
