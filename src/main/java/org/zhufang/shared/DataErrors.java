package org.zhufang.shared;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;

/**
 * Reading database failures that a use case answers with a user error: a unique key that a
 * concurrent request took first. Spring Data JDBC wraps the cause, so the chain is searched.
 */
public final class DataErrors {

	private DataErrors() {
	}

	public static boolean isDuplicateKey(Throwable failure) {
		return duplicateKey(failure).isPresent();
	}

	/** The duplicate-key failure in the chain, whose message names the violated key. */
	public static Optional<DuplicateKeyException> duplicateKey(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof DuplicateKeyException duplicate) {
				return Optional.of(duplicate);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return Optional.empty();
	}
}
