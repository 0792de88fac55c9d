package org.zhufang.outreach.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.zhufang.outreach.AudienceKind;
import org.zhufang.outreach.OutreachTheme;
import org.zhufang.outreach.TalkCorrectionView.Change;
import org.zhufang.outreach.TalkFormat;
import org.zhufang.outreach.VenueKind;

/**
 * The facts of a talk that can be logged and later corrected. Sets are kept sorted, so two
 * facts compare equal whatever order the client sent.
 *
 * @param heldOn the day of {@code heldAt} in the bureau's zone
 */
public record TalkFacts(long areaId, String areaPath, Instant heldAt, LocalDate heldOn, VenueKind venueKind,
		String venueName, TalkFormat format, List<OutreachTheme> themes, int audienceCount, AudienceKind audienceKind,
		int materials, int appInstalls, List<Long> officerIds, List<Long> teamIds, String notes) {

	public TalkFacts {
		themes = List.copyOf(new TreeSet<>(themes));
		officerIds = List.copyOf(new TreeSet<>(officerIds));
		teamIds = List.copyOf(new TreeSet<>(teamIds));
	}

	/** What differs from the facts before, field by field, as text. */
	public List<Change> changesFrom(TalkFacts before) {
		List<Change> changes = new ArrayList<>();
		add(changes, "areaId", before.areaId, areaId);
		add(changes, "heldAt", before.heldAt, heldAt);
		add(changes, "venueKind", before.venueKind, venueKind);
		add(changes, "venueName", before.venueName, venueName);
		add(changes, "format", before.format, format);
		add(changes, "themes", text(before.themes), text(themes));
		add(changes, "audienceCount", before.audienceCount, audienceCount);
		add(changes, "audienceKind", before.audienceKind, audienceKind);
		add(changes, "materials", before.materials, materials);
		add(changes, "appInstalls", before.appInstalls, appInstalls);
		add(changes, "speakerOfficerIds", text(before.officerIds), text(officerIds));
		add(changes, "speakerTeamIds", text(before.teamIds), text(teamIds));
		add(changes, "notes", before.notes, notes);
		return changes;
	}

	private static void add(List<Change> changes, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(new Change(field, before == null ? null : before.toString(),
					after == null ? null : after.toString()));
		}
	}

	private static String text(Collection<?> values) {
		return values.stream().map(Object::toString).collect(Collectors.joining(","));
	}
}
