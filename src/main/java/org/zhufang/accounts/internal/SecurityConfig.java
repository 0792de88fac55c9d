package org.zhufang.accounts.internal;

import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request needs a bearer token except health, the token endpoint and (when enabled, in
 * development) GraphiQL. The token is a JWT signed here (standalone) or by an OpenID Connect
 * issuer (federated); either way {@link CallerResolver} turns it into the request's caller.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final String UNAUTHORIZED_BODY = """
			{"errors":[{"message":"Authentication required: send a bearer token (POST /auth/token)",\
			"extensions":{"classification":"UNAUTHORIZED"}}]}""";

	@Bean
	SecurityFilterChain api(HttpSecurity http, CallerResolver callers) throws Exception {
		AuthenticationEntryPoint entryPoint = unauthorized();
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers(HttpMethod.POST, "/auth/token").permitAll()
				.requestMatchers("/graphiql", "/graphiql/**", "/error").permitAll()
				.requestMatchers("/actuator/**").hasRole("BUREAU_ADMIN")
				.anyRequest().authenticated())
			.oauth2ResourceServer(server -> server
				.jwt(jwt -> jwt.jwtAuthenticationConverter(callers))
				.authenticationEntryPoint(entryPoint))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
		return http.build();
	}

	/** A 401 with the bearer challenge, and a GraphQL-shaped body a client can read. */
	private static AuthenticationEntryPoint unauthorized() {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		return (request, response, failure) -> {
			bearer.commence(request, response, failure);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(UNAUTHORIZED_BODY);
		};
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	@ConditionalOnProperty(name = "zhufang.security.mode", havingValue = "STANDALONE", matchIfMissing = true)
	JwtKeys jwtKeys(SecurityProperties properties) {
		return JwtKeys.from(properties.jwt());
	}

	@Bean
	@ConditionalOnProperty(name = "zhufang.security.mode", havingValue = "STANDALONE", matchIfMissing = true)
	JwtDecoder standaloneJwtDecoder(JwtKeys keys, SecurityProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.publicKey()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.jwt().issuer())));
		return decoder;
	}

	@Bean
	@ConditionalOnProperty(name = "zhufang.security.mode", havingValue = "STANDALONE", matchIfMissing = true)
	JwtEncoder standaloneJwtEncoder(JwtKeys keys) {
		RSAKey key = new RSAKey.Builder(keys.publicKey()).privateKey(keys.privateKey()).keyID("zhufang").build();
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
	}
}
