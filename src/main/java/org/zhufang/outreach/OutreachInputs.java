package org.zhufang.outreach;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The inputs of the outreach module's mutations, validated at the boundary. */
public final class OutreachInputs {

	private OutreachInputs() {
	}

	static final String KEY = "^[0-9A-Za-z_.:-]*$";

	static final String KEY_MESSAGE = "An idempotency key is 8 to 64 letters, digits or _.:-";

	public record CampaignCreateInput(@NotBlank @Size(max = 100) String name,
			@NotEmpty @Size(max = 10) List<@NotNull OutreachTheme> themes, @NotNull Long areaId,
			@NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @Positive @Max(10_000_000) Integer reachTarget,
			@Size(max = 2000) String description) {
	}

	/** Changes what is given; null leaves a field as it is ({@code reachTarget: 0} removes the target). */
	public record CampaignUpdateInput(@NotNull Long id, Integer expectedVersion, @Size(min = 1, max = 100) String name,
			@Size(min = 1, max = 10) List<@NotNull OutreachTheme> themes, LocalDate startsOn, LocalDate endsOn,
			@PositiveOrZero @Max(10_000_000) Integer reachTarget, @Size(max = 2000) String description) {
	}

	public record CampaignActivateInput(@NotNull Long id, Integer expectedVersion) {
	}

	public record CampaignCloseInput(@NotNull Long id, Integer expectedVersion) {
	}

	public record TalkLogInput(@NotNull Long campaignId, @NotNull Long areaId, @NotNull OffsetDateTime heldAt,
			@NotNull VenueKind venueKind, @NotBlank @Size(max = 100) String venueName, @NotNull TalkFormat format,
			@NotEmpty @Size(max = 10) List<@NotNull OutreachTheme> themes,
			@NotNull @PositiveOrZero @Max(100_000) Integer audienceCount, @NotNull AudienceKind audienceKind,
			@PositiveOrZero @Max(1_000_000) Integer materials, @PositiveOrZero @Max(100_000) Integer appInstalls,
			@Size(max = 20) List<@NotNull Long> speakerOfficerIds, @Size(max = 20) List<@NotNull Long> speakerTeamIds,
			@Size(max = 1000) String notes,
			@Size(min = 8, max = 64) @Pattern(regexp = KEY, message = KEY_MESSAGE) String idempotencyKey) {
	}

	/** Corrects the facts given (null leaves one as it is), for the reason given. */
	public record TalkCorrectInput(@NotNull Long talkId, Integer expectedVersion,
			@NotBlank @Size(max = 500) String reason, Long areaId, OffsetDateTime heldAt, VenueKind venueKind,
			@Size(min = 1, max = 100) String venueName, TalkFormat format,
			@Size(min = 1, max = 10) List<@NotNull OutreachTheme> themes,
			@PositiveOrZero @Max(100_000) Integer audienceCount, AudienceKind audienceKind,
			@PositiveOrZero @Max(1_000_000) Integer materials, @PositiveOrZero @Max(100_000) Integer appInstalls,
			@Size(max = 20) List<@NotNull Long> speakerOfficerIds, @Size(max = 20) List<@NotNull Long> speakerTeamIds,
			@Size(max = 1000) String notes) {
	}

	public record TalkWithdrawInput(@NotNull Long talkId, Integer expectedVersion,
			@NotBlank @Size(max = 500) String reason) {
	}
}
