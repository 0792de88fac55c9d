package org.zhufang;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.SchemaReport;
import org.zhufang.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema and the controllers agree: every field and argument of the schema is mapped, and
 * no controller method names a field the schema lacks (Spring for GraphQL's schema mapping
 * inspection).
 */
@IntegrationTest
@Import(SchemaMappingTests.Inspection.class)
class SchemaMappingTests {

	@Autowired
	AtomicReference<SchemaReport> report;

	@TestConfiguration(proxyBeanMethods = false)
	static class Inspection {

		static final AtomicReference<SchemaReport> REPORT = new AtomicReference<>();

		@Bean
		AtomicReference<SchemaReport> schemaReport() {
			return REPORT;
		}

		@Bean
		GraphQlSourceBuilderCustomizer captureSchemaReport() {
			return builder -> builder.inspectSchemaMappings(REPORT::set);
		}
	}

	@Test
	void everySchemaFieldAndArgumentIsMappedToAController() {
		SchemaReport schema = report.get();
		assertThat(schema).as("inspection ran").isNotNull();
		assertThat(schema.unmappedFields()).isEmpty();
		assertThat(schema.unmappedArguments()).isEmpty();
		assertThat(schema.unmappedRegistrations()).isEmpty();
		assertThat(schema.skippedTypes()).isEmpty();
	}
}
