package org.zhufang.shared;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputValidatorTests {

	record Participant(@NotNull Long volunteerId, @PositiveOrZero double hours) {
	}

	record Input(@NotBlank @Size(max = 5) String name, List<@NotNull Long> ids, List<@Valid Participant> participants) {
	}

	final InputValidator validator = new InputValidator(Validation.buildDefaultValidatorFactory().getValidator());

	@Test
	void namesTheFieldPathIncludingListIndexesWithStableCodes() {
		List<UserError> errors = validator.validate(new Input("太长的名字啊啊", Arrays.asList(1L, null),
				List.of(new Participant(1L, 2), new Participant(2L, -1))));

		assertThat(errors).extracting(UserError::field).containsExactly(List.of("input", "ids", "1"),
				List.of("input", "name"), List.of("input", "participants", "1", "hours"));
		assertThat(errors).extracting(UserError::code).containsExactly("REQUIRED", "TOO_LONG", "TOO_SMALL");
	}

	@Test
	void aBlankRequiredTextIsRequiredNotTooShort() {
		assertThat(validator.validate(new Input("", List.of(), List.of()))).singleElement()
			.satisfies(e -> assertThat(e.code()).isEqualTo("REQUIRED"));
	}
}
