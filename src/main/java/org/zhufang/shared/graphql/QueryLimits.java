package org.zhufang.shared.graphql;

import java.util.List;
import java.util.Map;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhufang.shared.paging.PageRequest;

/**
 * A maximum depth and a complexity budget for every request. A field costs one plus what its
 * selection costs, multiplied by the page size for paged fields ({@code first}/{@code last},
 * default page size when absent), and the connection wrappers {@code edges} and {@code node}
 * cost nothing of their own: so a page of 100 areas each with 100 children is priced as the
 * 10,000 rows it could return.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(@Value("${zhufang.graphql.max-depth:15}") int maxDepth) {
		return new MaxQueryDepthInstrumentation(maxDepth) {
			@Override
			protected AbortExecutionException mkAbortException(int depth, int max) {
				return refused("The query is " + depth + " levels deep; at most " + max + " are allowed");
			}
		};
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(
			@Value("${zhufang.graphql.max-complexity:25000}") int maxComplexity) {
		return new MaxQueryComplexityInstrumentation(maxComplexity, pagedComplexity()) {
			@Override
			protected AbortExecutionException mkAbortException(int complexity, int max) {
				return refused("The query's complexity is " + complexity + "; at most " + max
						+ " is allowed (ask for smaller pages or fewer nested lists)");
			}
		};
	}

	static FieldComplexityCalculator pagedComplexity() {
		return (env, childComplexity) -> {
			String name = env.getField().getName();
			if (name.equals("edges") || name.equals("node")) {
				// connection wrappers: what they hold is priced, not the wrapping
				return childComplexity;
			}
			boolean paged = env.getFieldDefinition().getArgument("first") != null
					|| env.getFieldDefinition().getArgument("last") != null;
			if (!paged) {
				return 1 + childComplexity;
			}
			Map<String, Object> args = env.getArguments();
			Object size = args.get("first") != null ? args.get("first") : args.get("last");
			int pageSize = size instanceof Number n ? Math.max(n.intValue(), 1) : PageRequest.DEFAULT_SIZE;
			return 1 + childComplexity * pageSize;
		};
	}

	private static AbortExecutionException refused(String message) {
		return new AbortExecutionException(
				List.of(GraphqlErrorBuilder.newError().errorType(ErrorKind.BAD_REQUEST).message(message).build()));
	}
}
