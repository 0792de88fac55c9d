package org.zhufang.shared;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading database failures that a use case answers with a user error: a unique key that a
 * concurrent request took first. Spring Data JDBC wraps the cause, so the chain is searched.
 */
public final class DataErrors {

	private DataErrors() {
	}

	/**
	 * Runs a use case in a transaction of its own, and answers {@code onDuplicateKey} when it lost
	 * a race for a unique key to a concurrent request (which rolled the transaction back cleanly,
	 * as nothing outside it was marked rollback-only).
	 */
	public static <T> Outcome<T> inOwnTransaction(TransactionTemplate transaction, Supplier<Outcome<T>> work,
			Supplier<Outcome<T>> onDuplicateKey) {
		try {
			return transaction.execute(status -> work.get());
		}
		catch (RuntimeException ex) {
			if (isDuplicateKey(ex)) {
				return onDuplicateKey.get();
			}
			throw ex;
		}
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
