package org.zhufang;

import java.nio.file.Path;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Points the application at the embedded MariaDB server, unless {@code spring.datasource.url}
 * is set: then the same application and tests run against that external server instead.
 * <p>
 * {@code zhufang.embedded-db.data-dir} keeps the data between runs (the dev server);
 * {@code zhufang.embedded-db.database} names the database (tests that need an empty one).
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedDatabaseConfiguration {

	/**
	 * Tag of the test classes that load the demo county into an empty database of their own on
	 * the embedded server; against an external server (which is shared by the whole run) they
	 * are left out ({@code .ci/run} excludes the tag).
	 */
	public static final String OWN_DEMO_DATABASE = "own-demo-database";

	@Bean
	@Conditional(NoExternalDatabase.class)
	JdbcConnectionDetails embeddedMariaDb(Environment env) {
		String dataDir = env.getProperty("zhufang.embedded-db.data-dir");
		int port = EmbeddedMariaDb.start(dataDir == null ? null : Path.of(dataDir).toAbsolutePath());
		String url = EmbeddedMariaDb.jdbcUrl(port, env.getProperty("zhufang.embedded-db.database", "zhufang"));
		return new JdbcConnectionDetails() {
			@Override
			public String getUsername() {
				return "root";
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}
		};
	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}
	}
}
