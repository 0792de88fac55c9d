package org.zhufang.shared;

import java.util.List;

/**
 * The result of a use case: either a value, or user errors and nothing written.
 */
public record Outcome<T>(T value, List<UserError> userErrors) {

	public static <T> Outcome<T> ok(T value) {
		return new Outcome<>(value, List.of());
	}

	public static <T> Outcome<T> rejected(List<UserError> errors) {
		return new Outcome<>(null, List.copyOf(errors));
	}

	public static <T> Outcome<T> rejected(UserError error) {
		return rejected(List.of(error));
	}

	public boolean isOk() {
		return userErrors.isEmpty();
	}
}
