package org.zhufang.outreach.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.outreach.AudienceKind;
import org.zhufang.outreach.OutreachTheme;
import org.zhufang.outreach.TalkCorrectionView.Change;
import org.zhufang.outreach.TalkFormat;
import org.zhufang.outreach.TalkStatus;
import org.zhufang.outreach.VenueKind;

/**
 * A talk of a campaign. Its facts can be corrected and it can be withdrawn (then it no longer
 * counts); a withdrawn talk never changes again. The campaign's rules (dates, area, themes) are
 * checked by the facade before the talk is logged or corrected.
 */
@Table("talk")
public class Talk {

	@Id
	private Long id;

	private Long campaignId;

	private Long areaId;

	private String areaPath;

	private Instant heldAt;

	private java.time.LocalDate heldOn;

	private VenueKind venueKind;

	private String venueName;

	private TalkFormat format;

	private int audienceCount;

	private AudienceKind audienceKind;

	private int materials;

	private int appInstalls;

	private String notes;

	private TalkStatus status;

	private String withdrawnReason;

	private String withdrawnBy;

	private Instant withdrawnAt;

	private String loggedBy;

	private String loggedByName;

	private String idempotencyKey;

	@MappedCollection(idColumn = "talk_id")
	private Set<Theme> themes = new LinkedHashSet<>();

	@MappedCollection(idColumn = "talk_id")
	private Set<Officer> officers = new LinkedHashSet<>();

	@MappedCollection(idColumn = "talk_id")
	private Set<Team> teams = new LinkedHashSet<>();

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	Talk() {
	}

	@Table("talk_theme")
	record Theme(OutreachTheme theme) {
	}

	@Table("talk_officer")
	record Officer(Long officerId) {
	}

	@Table("talk_team")
	record Team(Long teamId) {
	}

	public static Talk log(long campaignId, TalkFacts facts, String loggedBy, String loggedByName,
			String idempotencyKey, Instant now) {
		Talk talk = new Talk();
		talk.campaignId = campaignId;
		talk.apply(facts);
		talk.status = TalkStatus.COUNTED;
		talk.loggedBy = loggedBy;
		talk.loggedByName = loggedByName;
		talk.idempotencyKey = idempotencyKey;
		talk.createdAt = now;
		talk.updatedAt = now;
		return talk;
	}

	/** Replaces the facts; answers what changed (nothing changes when the list is empty). */
	public List<Change> correct(TalkFacts corrected, Instant now) {
		requireCounted();
		List<Change> changes = corrected.changesFrom(facts());
		if (!changes.isEmpty()) {
			apply(corrected);
			updatedAt = now;
		}
		return changes;
	}

	public void withdraw(String reason, String by, Instant now) {
		requireCounted();
		status = TalkStatus.WITHDRAWN;
		withdrawnReason = reason;
		withdrawnBy = by;
		withdrawnAt = now;
		updatedAt = now;
	}

	public boolean isWithdrawn() {
		return status == TalkStatus.WITHDRAWN;
	}

	private void requireCounted() {
		if (isWithdrawn()) {
			throw new IllegalStateException("A withdrawn talk does not change");
		}
	}

	private void apply(TalkFacts facts) {
		if (facts.audienceCount() < 0 || facts.audienceCount() > 100_000) {
			throw new IllegalStateException("An audience of 0 to 100,000");
		}
		if (facts.themes().isEmpty()) {
			throw new IllegalStateException("A talk covers at least one theme");
		}
		areaId = facts.areaId();
		areaPath = facts.areaPath();
		heldAt = facts.heldAt();
		heldOn = facts.heldOn();
		venueKind = facts.venueKind();
		venueName = facts.venueName();
		format = facts.format();
		audienceCount = facts.audienceCount();
		audienceKind = facts.audienceKind();
		materials = facts.materials();
		appInstalls = facts.appInstalls();
		notes = facts.notes();
		themes.clear();
		facts.themes().forEach(t -> themes.add(new Theme(t)));
		officers.clear();
		facts.officerIds().forEach(o -> officers.add(new Officer(o)));
		teams.clear();
		facts.teamIds().forEach(t -> teams.add(new Team(t)));
	}

	public TalkFacts facts() {
		return new TalkFacts(areaId, areaPath, heldAt, heldOn, venueKind, venueName, format,
				themes.stream().map(Theme::theme).toList(), audienceCount, audienceKind, materials, appInstalls,
				officers.stream().map(Officer::officerId).toList(), teams.stream().map(Team::teamId).toList(), notes);
	}

	public Long getId() {
		return id;
	}

	public long getCampaignId() {
		return campaignId;
	}

	public String getLoggedBy() {
		return loggedBy;
	}

	public String getAreaPath() {
		return areaPath;
	}

	public Integer getVersion() {
		return version;
	}
}
