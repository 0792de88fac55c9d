package org.zhufang.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.springframework.stereotype.Component;

/**
 * Validates a mutation input (a record with Bean Validation constraints) into user errors with
 * field paths such as {@code ["input", "name"]} and stable codes.
 */
@Component
public class InputValidator {

	private final Validator validator;

	InputValidator(Validator validator) {
		this.validator = validator;
	}

	public List<UserError> validate(Object input) {
		List<UserError> errors = new ArrayList<>();
		for (ConstraintViolation<Object> violation : validator.validate(input)) {
			List<String> path = new ArrayList<>();
			path.add("input");
			violation.getPropertyPath().forEach(node -> {
				// a list element's node carries its index; its container element has no name
				if (node.isInIterable() && node.getIndex() != null) {
					path.add(String.valueOf(node.getIndex()));
				}
				if (node.getName() != null && !node.getName().startsWith("<")) {
					path.add(node.getName());
				}
			});
			errors.add(new UserError(path, codeOf(violation.getConstraintDescriptor(), violation.getInvalidValue()),
					violation.getMessage()));
		}
		errors.sort(Comparator.comparing((UserError e) -> String.join(".", e.field())).thenComparing(UserError::code));
		return errors;
	}

	private static String codeOf(ConstraintDescriptor<?> descriptor, Object value) {
		String annotation = descriptor.getAnnotation().annotationType().getSimpleName();
		return switch (annotation) {
			case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
			case "Size" -> (value instanceof CharSequence s && s.length() == 0) || (value instanceof java.util.Collection<?> c && c.isEmpty())
					? "REQUIRED" : sizeCode(descriptor, value);
			case "Min", "PositiveOrZero", "Positive", "DecimalMin" -> "TOO_SMALL";
			case "Max", "DecimalMax" -> "TOO_LARGE";
			case "PastOrPresent", "Past" -> "IN_FUTURE";
			case "Pattern", "Email" -> "INVALID_FORMAT";
			default -> "INVALID";
		};
	}

	private static String sizeCode(ConstraintDescriptor<?> descriptor, Object value) {
		Object min = descriptor.getAttributes().get("min");
		int length = value instanceof CharSequence s ? s.length()
				: value instanceof java.util.Collection<?> c ? c.size() : 0;
		return min instanceof Integer m && length < m ? "TOO_SHORT" : "TOO_LONG";
	}
}
