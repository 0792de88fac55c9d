package org.zhufang.accounts;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.zhufang.shared.Role;

/** Inputs of the account mutations, validated at the boundary. */
public final class AccountInputs {

	private AccountInputs() {
	}

	static final String USERNAME = "^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$";

	static final String PERSON_KIND = "^(OFFICER|VOLUNTEER)$";

	public record AccountCreateInput(
			@NotBlank @Pattern(regexp = USERNAME, message = "3 to 64 letters, digits, dots, dashes or underscores") String username,
			@NotNull String password, @NotNull Role role,
			@NotEmpty @Size(max = 50) List<@NotNull Long> scopeAreaIds,
			@Pattern(regexp = PERSON_KIND, message = "OFFICER or VOLUNTEER") String personKind,
			@Size(max = 64) String personRef) {
	}

	public record AccountUpdateInput(@NotNull Long id, Integer expectedVersion, Role role,
			@Size(min = 1, max = 50) List<@NotNull Long> scopeAreaIds, Boolean enabled,
			@Pattern(regexp = PERSON_KIND, message = "OFFICER or VOLUNTEER") String personKind,
			@Size(max = 64) String personRef) {
	}

	public record AccountResetPasswordInput(@NotNull Long id, @NotNull String newPassword) {
	}

	public record PasswordChangeInput(@NotNull String currentPassword, @NotNull String newPassword) {
	}
}
