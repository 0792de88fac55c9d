package org.zhufang.shared.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * {@code Date} (ISO-8601 local date) and {@code DateTime} (ISO-8601 instant with offset, written
 * in the bureau's zone, Asia/Shanghai).
 */
@Configuration(proxyBeanMethods = false)
class Scalars {

	static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	RuntimeWiringConfigurer scalarWiring() {
		return wiring -> wiring.scalar(date()).scalar(dateTime());
	}

	static GraphQLScalarType date() {
		return GraphQLScalarType.newScalar().name("Date").description("ISO-8601 calendar date, e.g. 2026-07-01")
			.coercing(new Coercing<LocalDate, String>() {
				@Override
				public String serialize(Object value, GraphQLContext context, Locale locale) {
					if (value instanceof LocalDate date) {
						return date.toString();
					}
					throw new CoercingSerializeException("Not a date: " + value);
				}

				@Override
				public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
					return parse(String.valueOf(input), CoercingParseValueException::new);
				}

				@Override
				public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
						Locale locale) {
					if (input instanceof StringValue s) {
						return parse(s.getValue(), CoercingParseLiteralException::new);
					}
					throw new CoercingParseLiteralException("A Date is a string such as 2026-07-01");
				}

				private LocalDate parse(String text, java.util.function.Function<String, RuntimeException> error) {
					try {
						return LocalDate.parse(text);
					}
					catch (DateTimeParseException ex) {
						throw error.apply("Not an ISO-8601 date: " + text);
					}
				}
			})
			.build();
	}

	static GraphQLScalarType dateTime() {
		return GraphQLScalarType.newScalar().name("DateTime")
			.description("ISO-8601 instant with offset, e.g. 2026-07-01T19:00:00+08:00")
			.coercing(new Coercing<OffsetDateTime, String>() {
				@Override
				public String serialize(Object value, GraphQLContext context, Locale locale) {
					if (value instanceof Instant instant) {
						return instant.atZone(BUREAU_ZONE).toOffsetDateTime().toString();
					}
					if (value instanceof OffsetDateTime odt) {
						return odt.toString();
					}
					if (value instanceof ZonedDateTime zdt) {
						return zdt.toOffsetDateTime().toString();
					}
					throw new CoercingSerializeException("Not an instant: " + value);
				}

				@Override
				public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
					return parse(String.valueOf(input), CoercingParseValueException::new);
				}

				@Override
				public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
						Locale locale) {
					if (input instanceof StringValue s) {
						return parse(s.getValue(), CoercingParseLiteralException::new);
					}
					throw new CoercingParseLiteralException("A DateTime is a string such as 2026-07-01T19:00:00+08:00");
				}

				private OffsetDateTime parse(String text, java.util.function.Function<String, RuntimeException> error) {
					try {
						return OffsetDateTime.parse(text);
					}
					catch (DateTimeParseException ex) {
						throw error.apply("Not an ISO-8601 date-time with offset: " + text);
					}
				}
			})
			.build();
	}
}
