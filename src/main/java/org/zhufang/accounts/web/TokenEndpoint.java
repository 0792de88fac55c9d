package org.zhufang.accounts.web;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhufang.accounts.internal.TokenIssuer;

/**
 * {@code POST /auth/token} with {@code {"username": "...", "password": "..."}}: a bearer token,
 * or a 401 that does not say which part was wrong, or a 429 while the username is locked.
 */
@RestController
class TokenEndpoint {

	private final TokenIssuer issuer;

	TokenEndpoint(TokenIssuer issuer) {
		this.issuer = issuer;
	}

	record Credentials(String username, String password) {
	}

	@PostMapping("/auth/token")
	ResponseEntity<Map<String, Object>> token(@RequestBody(required = false) Credentials credentials) {
		TokenIssuer.Result result = credentials == null ? new TokenIssuer.Refused()
				: issuer.signIn(credentials.username(), credentials.password());
		if (result instanceof TokenIssuer.Issued issued) {
			return ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(Map.of("access_token", issued.token(), "token_type", "Bearer", "expires_in",
						issued.expiresIn().toSeconds()));
		}
		if (result instanceof TokenIssuer.Locked locked) {
			long seconds = Math.max(1, locked.retryAfter().toSeconds());
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
				.body(Map.of("error", "too_many_attempts", "error_description",
						"Too many failed sign-ins; try again in " + seconds + " seconds"));
		}
		if (result instanceof TokenIssuer.Unavailable) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("error", "not_available", "error_description",
						"Tokens are issued by the identity provider in federated mode"));
		}
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(Map.of("error", "invalid_grant", "error_description", "Invalid username or password"));
	}
}
