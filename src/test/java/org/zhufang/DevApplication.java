package org.zhufang;

import org.springframework.boot.SpringApplication;

/**
 * The development server: {@code ./mvnw spring-boot:test-run}. Runs the application on an
 * embedded MariaDB whose data lives in {@code .data/mariadb} (delete it to start over), with the
 * demo county, GraphiQL and a signing key generated at start. With
 * {@code SPRING_DATASOURCE_URL} set it runs on that server instead, and loads demo data only
 * when {@code zhufang.demo-data.enabled=true}.
 */
public class DevApplication {

	public static void main(String[] args) {
		boolean external = System.getenv("SPRING_DATASOURCE_URL") != null
				|| System.getProperty("spring.datasource.url") != null;
		if (!external && System.getProperty("zhufang.demo-data.enabled") == null
				&& System.getenv("ZHUFANG_DEMO_DATA_ENABLED") == null) {
			System.setProperty("zhufang.demo-data.enabled", "true");
		}
		SpringApplication.from(Application::main)
			.with(EmbeddedDatabaseConfiguration.class)
			.withAdditionalProfiles("dev")
			.run(args);
	}
}
