package org.zhufang.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.zhufang.EmbeddedDatabaseConfiguration;

/**
 * A test of the whole application over HTTP on a random port, against a real MariaDB: the
 * embedded server, or the one named by {@code spring.datasource.url}. Every class with this
 * annotation shares one Spring context (and one database), so tests build their own areas
 * with unique codes ({@link TestWorld}) and never rely on tables being empty.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhufang.security.jwt.generate-key=true", "zhufang.demo-data.enabled=false" })
@Import({ EmbeddedDatabaseConfiguration.class, TestSupportConfiguration.class })
public @interface IntegrationTest {
}
