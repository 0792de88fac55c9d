package org.zhufang.shared;

import java.util.List;

/**
 * Something the caller can fix in a mutation's input.
 *
 * @param field path to the offending input field, e.g. {@code ["input", "name"]}
 * @param code stable machine-readable code (REQUIRED, TOO_LONG, DUPLICATE_CODE...)
 * @param message human-readable explanation
 */
public record UserError(List<String> field, String code, String message) {

	public static UserError of(String field, String code, String message) {
		return new UserError(List.of("input", field), code, message);
	}
}
