package org.zhufang.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;
import org.zhufang.shared.Caller;


/**
 * Signs in with username and password (standalone mode) and issues a signed JWT carrying the
 * account id, role and scope. Failures are throttled per username and audited.
 */
@Component
public class TokenIssuer {

	/** Compared against when the username is unknown, so both failures take as long. */
	private final String unknownUserHash;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final ObjectProvider<JwtEncoder> encoder;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final SecurityProperties properties;

	private final Clock clock;

	TokenIssuer(AccountRepository accounts, PasswordEncoder passwords, ObjectProvider<JwtEncoder> encoder,
			LoginThrottle throttle, AuditLog audit, SecurityProperties properties, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.encoder = encoder;
		this.throttle = throttle;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.unknownUserHash = passwords.encode("no such account: compare against something");
	}

	public sealed interface Result {
	}

	public record Issued(String token, Duration expiresIn) implements Result {
	}

	public record Refused() implements Result {
	}

	public record Locked(Duration retryAfter) implements Result {
	}

	public record Unavailable() implements Result {
	}

	public Result signIn(String username, String password) {
		JwtEncoder jwt = encoder.getIfAvailable();
		if (properties.mode() != SecurityProperties.Mode.STANDALONE || jwt == null) {
			return new Unavailable();
		}
		String name = username == null ? "" : username.strip();
		Optional<Account> account = name.isEmpty() ? Optional.empty() : accounts.findByUsername(name);
		Optional<Duration> locked = throttle.lockedFor(name);
		if (locked.isPresent()) {
			audit.recordFor(scopeOf(account), AuditLog.SIGN_IN, "signIn", account.map(Account::getId).stream().toList(),
					"LOCKED", typedUsername(account));
			return new Locked(locked.get());
		}
		boolean matches = passwords.matches(password == null ? "" : password,
				account.map(Account::getPasswordHash).orElse(unknownUserHash));
		if (account.isEmpty() || !matches || !account.get().isEnabled()) {
			throttle.failed(name);
			audit.recordFor(scopeOf(account), AuditLog.SIGN_IN, "signIn", account.map(Account::getId).stream().toList(),
					"REFUSED", typedUsername(account));
			return new Refused();
		}
		throttle.succeeded(name);
		Account signedIn = account.get();
		Instant now = clock.instant();
		Duration ttl = properties.jwt().ttl();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(properties.jwt().issuer())
			.subject(String.valueOf(signedIn.getId()))
			.issuedAt(now)
			.expiresAt(now.plus(ttl))
			.claim(properties.claims().username(), signedIn.getUsername())
			.claim(properties.claims().role(), signedIn.getRole().name())
			.claim(properties.claims().scope(), signedIn.scopeAreaIds())
			.claim(CallerResolver.GENERATION_CLAIM, signedIn.getTokenGeneration())
			.build();
		String token = jwt.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
		Caller caller = new Caller(String.valueOf(signedIn.getId()), signedIn.getUsername(), signedIn.getRole(),
				signedIn.scopeAreaIds());
		audit.record(AuditLog.SIGN_IN, caller, "signIn", List.of(signedIn.getId()), "OK", null);
		return new Issued(token, ttl);
	}

	/** A refused sign-in of an existing account is filed under that account's jurisdiction. */
	private static List<Long> scopeOf(Optional<Account> account) {
		return account.map(Account::scopeAreaIds).orElse(List.of());
	}

	/**
	 * What a failed sign-in's audit entry says was typed: the username of an existing account,
	 * never other text (someone who typed their password into the username field must not find
	 * it in the log).
	 */
	private static String typedUsername(Optional<Account> account) {
		return account.map(Account::getUsername).orElse("(unknown username)");
	}

}
