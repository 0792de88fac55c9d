package org.zhufang.accounts.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers authenticate ({@code zhufang.security.*}).
 *
 * @param mode STANDALONE: accounts in the database, tokens signed here; FEDERATED: tokens from
 *             an OpenID Connect issuer configured under {@code spring.security.oauth2.resourceserver.jwt}
 */
@ConfigurationProperties("zhufang.security")
public record SecurityProperties(@DefaultValue("STANDALONE") Mode mode, @DefaultValue Jwt jwt,
		@DefaultValue Claims claims, @DefaultValue Throttle throttle) {

	public enum Mode {
		STANDALONE, FEDERATED
	}

	/**
	 * @param privateKey PKCS#8 PEM, as text or a resource location (file:..., classpath:...)
	 * @param publicKey X.509 PEM of the same key pair, as text or a resource location
	 * @param generateKey generate a fresh key pair at start (development and tests only: tokens
	 *                    do not survive a restart)
	 */
	public record Jwt(String privateKey, String publicKey, @DefaultValue("false") boolean generateKey,
			@DefaultValue("8h") Duration ttl, @DefaultValue("zhufang") String issuer) {
	}

	/**
	 * Where the caller's facts are in a token.
	 * @param scopeKind whether the scope claim holds area ids (ID) or area codes (CODE)
	 */
	public record Claims(@DefaultValue("role") String role, @DefaultValue("scope_areas") String scope,
			@DefaultValue("ID") ScopeKind scopeKind, @DefaultValue("preferred_username") String username,
			@DefaultValue("person_kind") String personKind, @DefaultValue("person_ref") String personRef) {
	}

	public enum ScopeKind {
		ID, CODE
	}

	/** Failed sign-ins per username before it is locked, and for how long. */
	public record Throttle(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor) {
	}
}
