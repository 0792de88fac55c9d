package org.zhufang.shared.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns every exception escaping a data fetcher into a classified GraphQL error. Messages of
 * unexpected failures are replaced: no stack trace or SQL ever reaches the client.
 */
@Component
class ClassifiedErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(ClassifiedErrorResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		ErrorKind kind = ErrorKind.of(ex);
		if (kind == ErrorKind.INTERNAL_ERROR) {
			log.error("Unexpected failure at {}", env.getExecutionStepInfo().getPath(), ex);
		}
		return GraphqlErrorBuilder.newError(env)
			.errorType(kind)
			.message(ErrorKind.publicMessage(ex, kind))
			.build();
	}
}
