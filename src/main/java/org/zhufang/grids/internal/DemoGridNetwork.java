package org.zhufang.grids.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo county (Xinxiang County, 410721: 7 towns, about 150 villages and communities,
 * 420 grids and their staff) from {@code demo/*.csv} when the area table is empty. Runs first of
 * the demo loaders: the others hang their data on these areas.
 */
@Component
@Order(100)
@ConditionalOnBooleanProperty("zhufang.demo-data.enabled")
class DemoGridNetwork implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoGridNetwork.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoGridNetwork(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM area", Integer.class);
		if (existing != null && existing > 0) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		Map<String, Long> ids = new HashMap<>();
		Map<String, String> paths = new HashMap<>();
		List<Object[]> areas = new ArrayList<>();
		long nextId = 1;
		for (String[] row : read("demo/areas.csv")) {
			String code = row[0];
			String parentCode = row[3].isEmpty() ? null : row[3];
			long id = nextId++;
			String path = (parentCode == null ? "/" : paths.get(parentCode)) + id + "/";
			ids.put(code, id);
			paths.put(code, path);
			areas.add(new Object[] { id, code, row[1], row[2], parentCode == null ? null : ids.get(parentCode), path,
					Integer.parseInt(row[4]), Integer.parseInt(row[5]), now, now });
		}
		jdbc.batchUpdate("""
				INSERT INTO area (id, code, name, level, parent_id, path, households, residents, status, version,
				                  created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?, ?)""", areas);

		LocalDate started = LocalDate.now(clock).minusYears(1).withDayOfYear(1);
		List<Object[]> staff = new ArrayList<>();
		for (String[] row : read("demo/grid-staff.csv")) {
			staff.add(new Object[] { ids.get(row[0]), row[1], row[2], row[3], row[4], Date.valueOf(started), now });
		}
		jdbc.batchUpdate("""
				INSERT INTO grid_staff (grid_id, role, person_kind, display_name, phone, started_on, version, created_at)
				VALUES (?, ?, ?, ?, ?, ?, 0, ?)""", staff);
		log.info("Loaded the demo county: {} areas, {} grid staff", areas.size(), staff.size());
	}

	private static List<String[]> read(String resource) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
