package org.zhufang.officers;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The inputs of the officers module's mutations, validated at the boundary. */
public final class OfficerInputs {

	private OfficerInputs() {
	}

	static final String PHONE = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$";

	static final String PHONE_MESSAGE = "A phone is a mobile number (11 digits) or a landline with area code";

	static final String CODE = "^[0-9A-Za-z-]{2,20}$";

	public record StationCreateInput(
			@NotBlank @Pattern(regexp = CODE, message = "A station code is 2 to 20 letters, digits or dashes") String code,
			@NotBlank @Size(max = 50) String name, @NotEmpty @Size(max = 20) List<@NotNull Long> townIds,
			Boolean hasPartyBranch, @Size(max = 50) String supervisingCommitteeMember) {
	}

	public record StationUpdateInput(@NotNull Long id, Integer expectedVersion, @Size(min = 1, max = 50) String name,
			@Size(min = 1, max = 20) List<@NotNull Long> townIds, Boolean hasPartyBranch,
			@Size(max = 50) String supervisingCommitteeMember) {
	}

	/** @param movedOn the day the town changes station; defaults to today */
	public record StationTownMoveInput(@NotNull Long townId, @NotNull Long toStationId, LocalDate movedOn) {
	}

	public record PoliceOfficeCreateInput(@NotNull Long stationId, @NotBlank @Size(max = 50) String name,
			@NotNull Long areaId, @NotNull PoliceOfficeMode mode, @NotBlank @Size(max = 200) String address,
			Boolean open24x7, @Size(max = 100) String partnerOrganisation) {
	}

	public record PoliceOfficeUpdateInput(@NotNull Long id, Integer expectedVersion,
			@Size(min = 1, max = 50) String name, Long areaId, PoliceOfficeMode mode,
			@Size(min = 1, max = 200) String address, Boolean open24x7, @Size(max = 100) String partnerOrganisation) {
	}

	/**
	 * @param stationId the station the officer serves in; null for a bureau department, which then
	 *                  needs {@code countyId} (BUREAU_ADMIN only)
	 */
	public record OfficerRegisterInput(@NotBlank @Size(max = 50) String name,
			@NotBlank @Pattern(regexp = "^[0-9A-Za-z-]{4,20}$", message = "A badge number is 4 to 20 letters, digits or dashes") String badgeNumber,
			@NotNull OfficerKind kind, @Size(max = 30) String rank,
			@Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone, Long stationId, Long countyId,
			Long policeOfficeId, Boolean communityOfficer, LocalDate joinedOn) {
	}

	/** @param status only ACTIVE to RETIRED; moves go through a transfer */
	public record OfficerUpdateInput(@NotNull Long id, Integer expectedVersion, @Size(min = 1, max = 50) String name,
			@Size(max = 30) String rank, @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
			Long policeOfficeId, Boolean communityOfficer, OfficerStatus status) {
	}

	/** @param stationId the new station; null for a bureau department */
	public record OfficerTransferInput(@NotNull Long officerId, Long stationId, Long policeOfficeId,
			LocalDate transferredOn, @Size(max = 200) String reason) {
	}

	public record VillageOfficerAssignInput(@NotNull Long villageId, @NotNull Long officerId, LocalDate startedOn) {
	}

	/** @param reason why the village is left without an officer, in words; kept as the assignment's end note */
	public record VillageOfficerEndInput(@NotNull Long villageId, LocalDate endedOn, @Size(max = 100) String reason) {
	}

	/**
	 * @param idempotencyKey optional, chosen by the client: re-sending a visit with the same key
	 *                       from the same account answers the visit logged the first time
	 */
	public record VisitLogInput(@NotNull Long officerId, @NotNull Long villageId, Long gridId, LocalDate visitedOn,
			@Size(max = 200) String address, @Size(max = 100) String placeName, @NotNull VisitPurpose purpose,
			@PositiveOrZero @Max(50) Integer contactCards, Satisfaction satisfaction,
			@Size(max = 500) String suggestions, @Size(max = 1000) String notes,
			@Size(min = 8, max = 64) @Pattern(regexp = "^[0-9A-Za-z_.:-]*$", message = "An idempotency key is 8 to 64 letters, digits or _.:-") String idempotencyKey) {
	}
}
