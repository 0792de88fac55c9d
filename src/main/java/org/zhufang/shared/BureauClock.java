package org.zhufang.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bureau's clock: "today" is a day in Asia/Shanghai, wherever the server runs. */
@Configuration(proxyBeanMethods = false)
public class BureauClock {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(ZONE);
	}

	/**
	 * Bean Validation's {@code @Past}/{@code @PastOrPresent} on dates compare with the bureau's
	 * today too, not with the server's zone: on a UTC server, Shanghai's morning is still
	 * yesterday there, and today's activity would be refused as in the future.
	 */
	@Bean
	ValidationConfigurationCustomizer bureauClockForValidation(Clock clock) {
		return configuration -> configuration.clockProvider(() -> clock);
	}
}
