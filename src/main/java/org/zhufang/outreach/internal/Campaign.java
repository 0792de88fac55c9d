package org.zhufang.outreach.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.outreach.CampaignStatus;
import org.zhufang.outreach.CampaignView;
import org.zhufang.outreach.OutreachTheme;

/**
 * An outreach campaign. It moves PLANNED → ACTIVE → CLOSED and only that way; a CLOSED campaign
 * never changes again.
 */
@Table("campaign")
public class Campaign {

	@Id
	private Long id;

	private String name;

	/** Sorted, comma-separated theme names. */
	private String themes;

	private Long areaId;

	private String areaPath;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private Integer reachTarget;

	private String description;

	private CampaignStatus status;

	private Instant activatedAt;

	private Instant closedAt;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	Campaign() {
	}

	public static Campaign plan(String name, Collection<OutreachTheme> themes, long areaId, String areaPath,
			LocalDate startsOn, LocalDate endsOn, Integer reachTarget, String description, Instant now) {
		requirePeriod(startsOn, endsOn);
		Campaign campaign = new Campaign();
		campaign.name = name;
		campaign.themes = joinThemes(themes);
		campaign.areaId = areaId;
		campaign.areaPath = areaPath;
		campaign.startsOn = startsOn;
		campaign.endsOn = endsOn;
		campaign.reachTarget = reachTarget;
		campaign.description = description;
		campaign.status = CampaignStatus.PLANNED;
		campaign.createdAt = now;
		campaign.updatedAt = now;
		return campaign;
	}

	/** Changes what is given; null leaves a field as it is, a target of 0 removes it. */
	public void revise(String newName, Collection<OutreachTheme> newThemes, LocalDate newStart, LocalDate newEnd,
			Integer newTarget, String newDescription, Instant now) {
		requireOpen();
		LocalDate start = newStart == null ? startsOn : newStart;
		LocalDate end = newEnd == null ? endsOn : newEnd;
		requirePeriod(start, end);
		if (newName != null) {
			name = newName;
		}
		if (newThemes != null) {
			themes = joinThemes(newThemes);
		}
		startsOn = start;
		endsOn = end;
		if (newTarget != null) {
			reachTarget = newTarget == 0 ? null : newTarget;
		}
		if (newDescription != null) {
			description = newDescription.isBlank() ? null : newDescription;
		}
		updatedAt = now;
	}

	public boolean canActivate() {
		return status == CampaignStatus.PLANNED;
	}

	public boolean canClose() {
		return status == CampaignStatus.ACTIVE;
	}

	public void activate(Instant now) {
		if (!canActivate()) {
			throw new IllegalStateException("Only a PLANNED campaign is activated, this one is " + status);
		}
		status = CampaignStatus.ACTIVE;
		activatedAt = now;
		updatedAt = now;
	}

	public void close(Instant now) {
		if (!canClose()) {
			throw new IllegalStateException("Only an ACTIVE campaign is closed, this one is " + status);
		}
		status = CampaignStatus.CLOSED;
		closedAt = now;
		updatedAt = now;
	}

	private void requireOpen() {
		if (status == CampaignStatus.CLOSED) {
			throw new IllegalStateException("A closed campaign does not change");
		}
	}

	private static void requirePeriod(LocalDate start, LocalDate end) {
		if (end.isBefore(start)) {
			throw new IllegalStateException("A campaign ends on or after its start");
		}
	}

	static String joinThemes(Collection<OutreachTheme> themes) {
		return themes.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)).stream()
			.collect(Collectors.joining(","));
	}

	static List<OutreachTheme> splitThemes(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(OutreachTheme::valueOf).sorted().toList();
	}

	public List<OutreachTheme> themes() {
		return splitThemes(themes);
	}

	public boolean isClosed() {
		return status == CampaignStatus.CLOSED;
	}

	public Long getId() {
		return id;
	}

	public long getAreaId() {
		return areaId;
	}

	public String getAreaPath() {
		return areaPath;
	}

	public LocalDate getStartsOn() {
		return startsOn;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	public Integer getReachTarget() {
		return reachTarget;
	}

	public CampaignStatus getStatus() {
		return status;
	}

	public Integer getVersion() {
		return version;
	}

	public CampaignView toView() {
		return new CampaignView(id, name, themes(), areaId, areaPath, startsOn, endsOn, reachTarget, description,
				status, version == null ? 0 : version, createdAt);
	}
}
