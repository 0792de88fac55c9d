package org.zhufang.accounts.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.zhufang.shared.Caller;
import org.zhufang.shared.MutationPayload;
import org.zhufang.shared.UserError;
import org.zhufang.shared.graphql.ErrorKind;

/**
 * Writes every mutation to the audit log, whichever module it belongs to: who, which operation,
 * the ids it named or produced, and the outcome (OK, REJECTED with the user error codes, or the
 * error classification). Only arguments named {@code id} or {@code …Id(s)} are recorded, never
 * other input, so passwords and personal data stay out of the log.
 */
@Component
class MutationAudit extends SimplePerformantInstrumentation {

	private static final Logger log = LoggerFactory.getLogger(MutationAudit.class);

	private final AuditLog auditLog;

	MutationAudit(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher() || !isMutationField(parameters.getEnvironment())) {
			return dataFetcher;
		}
		return env -> {
			Caller caller = currentCaller();
			Object result;
			try {
				result = dataFetcher.get(env);
			}
			catch (Exception ex) {
				audit(caller, env, null, ex);
				throw ex;
			}
			if (result instanceof CompletionStage<?> stage) {
				return stage.whenComplete((value, ex) -> audit(caller, env, value, ex));
			}
			audit(caller, env, result, null);
			return result;
		};
	}

	private static boolean isMutationField(DataFetchingEnvironment env) {
		return env.getParentType() instanceof GraphQLObjectType type
				&& type == env.getGraphQLSchema().getMutationType();
	}

	private void audit(Caller caller, DataFetchingEnvironment env, Object result, Throwable failure) {
		try {
			Object value = result instanceof DataFetcherResult<?> dfr ? dfr.getData() : result;
			List<Object> ids = new ArrayList<>();
			collectIds(env.getArguments(), ids);
			String outcome;
			String detail = null;
			if (failure != null) {
				outcome = ErrorKind.of(failure).name();
				detail = ErrorKind.publicMessage(failure, ErrorKind.of(failure));
			}
			else if (value instanceof MutationPayload payload && !payload.userErrors().isEmpty()) {
				outcome = "REJECTED";
				detail = payload.userErrors().stream().map(UserError::code).distinct().collect(Collectors.joining(","));
			}
			else {
				outcome = "OK";
				collectResultIds(value, ids);
			}
			auditLog.record(AuditLog.MUTATION, caller, env.getField().getName(), ids, outcome, detail);
		}
		catch (RuntimeException ex) {
			log.error("Could not write the audit entry of {}", env.getField().getName(), ex);
		}
	}

	private static Caller currentCaller() {
		try {
			return Caller.current();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void collectIds(Map<?, ?> arguments, List<Object> ids) {
		arguments.forEach((key, value) -> {
			String name = String.valueOf(key);
			if (value instanceof Map<?, ?> nested) {
				collectIds(nested, ids);
			}
			else if (name.equals("id") || name.endsWith("Id")) {
				if (value != null) {
					ids.add(value);
				}
			}
			else if (name.endsWith("Ids") && value instanceof Collection<?> many) {
				ids.addAll(many);
			}
		});
	}

	private static Object read(RecordComponent component, Object record) throws ReflectiveOperationException {
		java.lang.reflect.Method accessor = component.getAccessor();
		accessor.setAccessible(true);
		return accessor.invoke(record);
	}

	/**
	 * Ids of what a successful mutation returned: the {@code id} of each record in the payload (the
	 * created area, assignment...), also of each record in a list (the shifts of a weekly rota).
	 */
	private static void collectResultIds(Object payload, List<Object> ids) {
		if (payload == null || !payload.getClass().isRecord()) {
			return;
		}
		for (RecordComponent component : payload.getClass().getRecordComponents()) {
			try {
				Object value = read(component, payload);
				if (value instanceof Collection<?> many) {
					for (Object element : many) {
						collectOwnId(element, ids);
					}
				}
				else {
					collectOwnId(value, ids);
				}
			}
			catch (ReflectiveOperationException ex) {
				// not an id we can read; the arguments' ids are still recorded
			}
		}
	}

	private static void collectOwnId(Object value, List<Object> ids) throws ReflectiveOperationException {
		if (value == null || !value.getClass().isRecord()) {
			return;
		}
		for (RecordComponent inner : value.getClass().getRecordComponents()) {
			if (inner.getName().equals("id")) {
				ids.add(read(inner, value));
			}
		}
	}
}
