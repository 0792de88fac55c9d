package org.zhufang.shared.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Classifies a malformed request as {@code BAD_REQUEST}, like every other request the client must
 * fix: graphql-java answers a syntax error as {@code InvalidSyntax}, and an unknown field, an
 * argument of the wrong type or a variable that does not fit its type as {@code ValidationError}.
 * Message, locations, path and other extensions are kept.
 */
@Component
class MalformedRequestClassifier implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			List<GraphQLError> errors = response.getExecutionResult().getErrors();
			if (errors.stream().noneMatch(ErrorKind::isMalformedRequest)) {
				return response;
			}
			List<GraphQLError> classified = errors.stream()
				.map(error -> ErrorKind.isMalformedRequest(error) ? asBadRequest(error) : error)
				.toList();
			return response.transform(builder -> builder.errors(classified));
		});
	}

	private static GraphQLError asBadRequest(GraphQLError error) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.remove("classification");
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getPath())
			.extensions(extensions)
			.errorType(ErrorKind.BAD_REQUEST)
			.build();
	}
}
