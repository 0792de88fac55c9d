package org.zhufang.shared.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.zhufang.shared.BadRequestException;
import org.zhufang.shared.ConflictException;
import org.zhufang.shared.ForbiddenException;
import org.zhufang.shared.NotFoundException;
import org.zhufang.shared.UnauthorizedException;

/**
 * The classification of a top-level GraphQL error ({@code extensions.classification}): what the
 * client cannot fix by changing a mutation's input.
 */
public enum ErrorKind implements ErrorClassification {

	BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, INTERNAL_ERROR;

	/** Classifies an exception, looking through wrappers (Spring Data JDBC wraps its causes). */
	/**
	 * Whether graphql-java refused the request itself as malformed (a syntax error, an unknown
	 * field, an argument or variable of the wrong type): the client reads these as BAD_REQUEST.
	 */
	public static boolean isMalformedRequest(GraphQLError error) {
		return error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax;
	}

	/** The classification the client reads for an error of the response. */
	public static String classificationOf(GraphQLError error) {
		return isMalformedRequest(error) ? BAD_REQUEST.name() : String.valueOf(error.getErrorType());
	}

	public static ErrorKind of(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			ErrorKind kind = direct(t);
			if (kind != null) {
				return kind;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return INTERNAL_ERROR;
	}

	private static ErrorKind direct(Throwable t) {
		if (t instanceof BadRequestException || t instanceof AbortExecutionException || t instanceof BindException
				|| t instanceof TypeMismatchException || t instanceof ConversionException) {
			return BAD_REQUEST;
		}
		if (t instanceof UnauthorizedException || t instanceof AuthenticationException) {
			return UNAUTHORIZED;
		}
		if (t instanceof ForbiddenException || t instanceof AccessDeniedException) {
			return FORBIDDEN;
		}
		if (t instanceof NotFoundException) {
			return NOT_FOUND;
		}
		if (t instanceof ConflictException || t instanceof OptimisticLockingFailureException
				|| t instanceof DuplicateKeyException || t instanceof PessimisticLockingFailureException) {
			return CONFLICT;
		}
		return null;
	}

	/** The message a client may see: ours for known failures, a generic one otherwise. */
	public static String publicMessage(Throwable failure, ErrorKind kind) {
		return switch (kind) {
			case INTERNAL_ERROR -> "Internal error";
			case CONFLICT -> messageOf(failure, ConflictException.class,
					"The data was changed by someone else meanwhile; reload and try again");
			case UNAUTHORIZED -> "Authentication required";
			default -> rootMessage(failure);
		};
	}

	private static String messageOf(Throwable failure, Class<? extends RuntimeException> type, String fallback) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return t.getMessage();
			}
		}
		return fallback;
	}

	private static String rootMessage(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BindException bind) {
				return "Invalid value for " + bind.getFieldErrors().stream().map(e -> e.getField()).distinct()
					.reduce((a, b) -> a + ", " + b).orElse("an argument");
			}
			if (t instanceof TypeMismatchException || t instanceof ConversionException) {
				return "Invalid value for an argument";
			}
			if (direct(t) != null) {
				return t.getMessage();
			}
		}
		return failure.getMessage();
	}
}
