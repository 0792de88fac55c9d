package org.zhufang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * "Today" is the bureau's today for Bean Validation as well. The clock is fixed at 02:00 in
 * Shanghai on a day far from the real one, so the answers cannot come from the machine's clock or
 * zone: at that hour a UTC server is still on the day before.
 */
class BureauClockTests {

	private static final ZonedDateTime SHANGHAI_SMALL_HOURS = ZonedDateTime.of(2031, 3, 1, 2, 0, 0, 0, BureauClock.ZONE);

	record Logged(@PastOrPresent LocalDate date) {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(BureauClock.class)
		.withBean(Clock.class, () -> Clock.fixed(SHANGHAI_SMALL_HOURS.toInstant(), BureauClock.ZONE));

	@Test
	void pastOrPresentAcceptsTheBureausTodayAndRefusesItsTomorrow() {
		runner.run(context -> {
			Validator validator = context.getBean(Validator.class);
			LocalDate today = SHANGHAI_SMALL_HOURS.toLocalDate();
			assertThat(validator.validate(new Logged(today))).isEmpty();
			assertThat(validator.validate(new Logged(today.minusDays(1)))).isEmpty();
			assertThat(validator.validate(new Logged(today.plusDays(1)))).hasSize(1);
		});
	}

	@Test
	void theDefaultClockKeepsShanghaiTime() {
		new ApplicationContextRunner().withUserConfiguration(BureauClock.class).run(context -> {
			Clock clock = context.getBean(Clock.class);
			assertThat(clock.getZone()).isEqualTo(BureauClock.ZONE);
			assertThat(clock.instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
		});
	}
}
