package org.zhufang.grids;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The inputs of the grid network's mutations, validated at the boundary. */
public final class AreaInputs {

	private AreaInputs() {
	}

	static final String PHONE = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$";

	public record AreaCreateInput(Long parentId,
			@NotBlank @Pattern(regexp = "^[0-9]{6,20}$", message = "An area code is 6 to 20 digits") String code,
			@NotBlank @Size(max = 50) String name, @NotNull AreaLevel level,
			@PositiveOrZero @Max(10_000_000) Integer households, @PositiveOrZero @Max(10_000_000) Integer residents) {
	}

	public record AreaUpdateInput(@NotNull Long id, Integer expectedVersion, @Size(min = 1, max = 50) String name,
			@PositiveOrZero @Max(10_000_000) Integer households, @PositiveOrZero @Max(10_000_000) Integer residents) {
	}

	public record AreaRetireInput(@NotNull Long id) {
	}

	public record GridStaffAssignInput(@NotNull Long gridId, @NotNull StaffRole role, @NotNull PersonKind personKind,
			@Size(max = 64) String personRef, @NotBlank @Size(max = 50) String displayName,
			@Pattern(regexp = PHONE, message = "A phone is a mobile number (11 digits) or a landline with area code") String phone,
			LocalDate startedOn) {
	}

	public record GridStaffEndInput(@NotNull Long assignmentId, LocalDate endedOn, @Size(max = 200) String reason) {
	}
}
