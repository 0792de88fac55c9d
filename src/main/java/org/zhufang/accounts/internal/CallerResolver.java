package org.zhufang.accounts.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.zhufang.grids.GridNetwork;
import org.zhufang.shared.Caller;
import org.zhufang.shared.Role;

/**
 * Turns a validated bearer token into the request's {@link Caller}.
 * <p>
 * Standalone: the token names an account; role and scope are read from the account on every
 * request, so disabling an account or narrowing its scope takes effect at once, not when its
 * tokens expire. Federated: role and scope come from the configured claims.
 */
@Component
class CallerResolver implements Converter<Jwt, AbstractAuthenticationToken> {

	/** The claim of standalone tokens holding the account's token generation (see TokenIssuer). */
	static final String GENERATION_CLAIM = "gen";

	private final SecurityProperties properties;

	private final JdbcClient jdbc;

	private final GridNetwork grids;

	CallerResolver(SecurityProperties properties, JdbcClient jdbc, GridNetwork grids) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.grids = grids;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Caller caller = properties.mode() == SecurityProperties.Mode.STANDALONE ? fromAccount(jwt) : fromClaims(jwt);
		return new CallerAuthentication(caller, jwt);
	}

	private Caller fromAccount(Jwt jwt) {
		long accountId;
		try {
			accountId = Long.parseLong(jwt.getSubject());
		}
		catch (NumberFormatException ex) {
			throw new InvalidBearerTokenException("Unknown account");
		}
		// A token from before the password last changed carries an older generation: it no longer counts.
		Object generationClaim = jwt.getClaim(GENERATION_CLAIM);
		long generation = generationClaim instanceof Number n ? n.longValue() : -1;
		List<Caller> found = jdbc.sql("""
				SELECT a.id, a.username, a.role, a.enabled, a.token_generation, a.person_kind, a.person_ref,
				       GROUP_CONCAT(s.area_id ORDER BY s.area_id) AS scopes
				FROM account a LEFT JOIN account_scope s ON s.account_id = a.id
				WHERE a.id = :id
				GROUP BY a.id, a.username, a.role, a.enabled, a.token_generation, a.person_kind, a.person_ref""")
			.param("id", accountId)
			.query((rs, n) -> {
				boolean valid = rs.getBoolean("enabled") && rs.getLong("token_generation") == generation;
				return valid ? new Caller(rs.getString("id"), rs.getString("username"),
						Role.valueOf(rs.getString("role")), parseIds(rs.getString("scopes")), rs.getString("person_kind"),
						rs.getString("person_ref")) : null;
			})
			.list();
		if (found.isEmpty() || found.get(0) == null) {
			throw new InvalidBearerTokenException("Unknown or disabled account, or a token older than its password");
		}
		return found.get(0);
	}

	private Caller fromClaims(Jwt jwt) {
		SecurityProperties.Claims claims = properties.claims();
		Role role = roleOf(jwt.getClaim(claims.role()));
		if (role == null) {
			throw new InvalidBearerTokenException("The token carries no known role");
		}
		List<String> scopeValues = stringsOf(jwt.getClaim(claims.scope()));
		List<Long> scope = claims.scopeKind() == SecurityProperties.ScopeKind.CODE
				? List.copyOf(grids.idsByCode(scopeValues).values())
				: scopeValues.stream().flatMap(v -> parseIds(v).stream()).toList();
		if (scope.isEmpty()) {
			throw new InvalidBearerTokenException("The token carries no known scope area");
		}
		String username = jwt.getClaimAsString(claims.username());
		return new Caller(jwt.getSubject(), username == null ? jwt.getSubject() : username, role, scope,
				jwt.getClaimAsString(claims.personKind()), jwt.getClaimAsString(claims.personRef()));
	}

	private static Role roleOf(Object claim) {
		for (String value : stringsOf(claim)) {
			for (Role role : Role.values()) {
				if (role.name().equalsIgnoreCase(value)) {
					return role;
				}
			}
		}
		return null;
	}

	private static List<String> stringsOf(Object claim) {
		if (claim == null) {
			return List.of();
		}
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof Map<?, ?>) {
			return List.of();
		}
		return List.of(String.valueOf(claim).split("[ ,]+"));
	}

	private static List<Long> parseIds(String commaSeparated) {
		List<Long> ids = new ArrayList<>();
		if (commaSeparated != null) {
			for (String part : commaSeparated.split(",")) {
				if (!part.isBlank()) {
					try {
						ids.add(Long.valueOf(part.strip()));
					}
					catch (NumberFormatException ignored) {
						// not an area id: leaves the scope narrower, never wider
					}
				}
			}
		}
		return ids;
	}
}
