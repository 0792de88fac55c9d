package org.zhufang.accounts.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;
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
 * <p>
 * A mutation refused before any resolver ran (a document that does not validate, a variable of
 * the wrong type, the depth or complexity limit) is written once at the end of the request:
 * its root fields, the ids among the variables, and the first error's classification, with
 * the kinds of the errors but never their messages (which may quote the variables' values).
 * A request without a valid token never gets here: it is refused with 401 before GraphQL.
 */
@Component
class MutationAudit extends SimplePerformantInstrumentation {

	private static final Logger log = LoggerFactory.getLogger(MutationAudit.class);

	/** A document that does not parse is audited when it looks like a mutation. */
	private static final Pattern MUTATION_KEYWORD = Pattern.compile("^(?:\\s|,|#[^\\n]*(?:\\n|$))*mutation\\b");

	/** Per request: the caller, the parsed document and whether a resolver was audited. */
	static final class RequestState implements InstrumentationState {

		final Caller caller = currentCaller();

		volatile Document document;

		final AtomicBoolean audited = new AtomicBoolean();
	}

	private final AuditLog auditLog;

	MutationAudit(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new RequestState();
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		if (state instanceof RequestState request) {
			request.document = parameters.getDocument();
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher() || !isMutationField(parameters.getEnvironment())) {
			return dataFetcher;
		}
		if (state instanceof RequestState request) {
			request.audited.set(true);
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

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (state instanceof RequestState request && !request.audited.get() && !result.getErrors().isEmpty()) {
			refusedMutation(request.document, parameters.getQuery(), parameters.getOperation())
				.ifPresent(operation -> auditRefusal(request, operation, parameters.getVariables(), result.getErrors()));
		}
		return CompletableFuture.completedFuture(result);
	}

	/**
	 * The root fields of the mutation the request asked for, or {@code mutation} when the document
	 * did not parse but names one; empty when the request is no mutation.
	 */
	private static Optional<String> refusedMutation(Document document, String query, String operationName) {
		if (document == null) {
			return query != null && MUTATION_KEYWORD.matcher(query).find() ? Optional.of("mutation") : Optional.empty();
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		List<OperationDefinition> chosen = operations.stream()
			.filter(op -> operationName == null || operationName.equals(op.getName()))
			.toList();
		if (chosen.size() != 1) {
			return operations.stream().anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION)
					? Optional.of("mutation") : Optional.empty();
		}
		OperationDefinition operation = chosen.get(0);
		if (operation.getOperation() != OperationDefinition.Operation.MUTATION) {
			return Optional.empty();
		}
		String fields = operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
			.map(Field::getName)
			.distinct()
			.collect(Collectors.joining(","));
		return Optional.of(fields.isEmpty() ? "mutation" : truncate(fields, 64));
	}

	private void auditRefusal(RequestState request, String operation, Map<String, Object> variables,
			List<GraphQLError> errors) {
		try {
			List<Object> ids = new ArrayList<>();
			if (variables != null) {
				collectIds(variables, ids);
			}
			String outcome = truncate(ErrorKind.classificationOf(errors.get(0)), 20);
			String detail = errors.stream().map(MutationAudit::describe).distinct().collect(Collectors.joining(","));
			Caller caller = request.caller != null ? request.caller : currentCaller();
			auditLog.record(AuditLog.MUTATION, caller, operation, ids, outcome, detail);
		}
		catch (RuntimeException ex) {
			log.error("Could not write the audit entry of the refused {}", operation, ex);
		}
	}

	/** What kind of error it was, without its message (which may quote a variable's value). */
	private static String describe(GraphQLError error) {
		if (error instanceof ValidationError validation && validation.getValidationErrorType() != null) {
			return validation.getValidationErrorType().toString();
		}
		if (error.getErrorType() instanceof ErrorKind) {
			// our own messages (the depth and complexity limits) name no input
			return error.getMessage();
		}
		return error.getClass().getSimpleName();
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
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
