package org.zhufang.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brute-force protection: after {@code maxFailures} failed sign-ins in a row a username is
 * locked for {@code lockFor}, whether or not such an account exists (so a lock reveals
 * nothing). The count lives in the database so that it holds across instances.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final SecurityProperties.Throttle settings;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.settings = properties.throttle();
		this.clock = clock;
	}

	/** How long the username stays locked, if it is. */
	@Transactional(readOnly = true)
	public Optional<Duration> lockedFor(String username) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT locked_until FROM login_throttle WHERE username = :username")
			.param("username", key(username))
			.query((rs, n) -> rs.getTimestamp("locked_until"))
			.optional()
			.filter(until -> until != null && until.toInstant().isAfter(now))
			.map(until -> Duration.between(now, until.toInstant()));
	}

	/** Counts a failure; the one that reaches the limit locks the username. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String username) {
		String key = key(username);
		Instant now = clock.instant();
		jdbc.sql("INSERT IGNORE INTO login_throttle (username, failures) VALUES (:username, 0)").param("username", key)
			.update();
		Row row = jdbc.sql("SELECT failures, locked_until FROM login_throttle WHERE username = :username FOR UPDATE")
			.param("username", key)
			.query((rs, n) -> new Row(rs.getInt("failures"), rs.getTimestamp("locked_until")))
			.single();
		boolean lockExpired = row.lockedUntil() != null && !row.lockedUntil().toInstant().isAfter(now);
		int failures = (lockExpired ? 0 : row.failures()) + 1;
		Timestamp lockedUntil = failures >= settings.maxFailures() ? Timestamp.from(now.plus(settings.lockFor()))
				: lockExpired ? null : row.lockedUntil();
		jdbc.sql("""
				UPDATE login_throttle SET failures = :failures, locked_until = :lockedUntil, last_failed_at = :now
				WHERE username = :username""")
			.param("failures", failures >= settings.maxFailures() ? 0 : failures)
			.param("lockedUntil", lockedUntil)
			.param("now", Timestamp.from(now))
			.param("username", key)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String username) {
		jdbc.sql("DELETE FROM login_throttle WHERE username = :username").param("username", key(username)).update();
	}

	private static String key(String username) {
		String normalised = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return normalised.length() > 64 ? normalised.substring(0, 64) : normalised;
	}

	private record Row(int failures, Timestamp lockedUntil) {
	}
}
