package org.zhufang.shared;

import java.util.Optional;

/**
 * Who a username signs in as, for code that must attribute work to a known account without
 * depending on the module that keeps accounts (the demo data, which logs its talks as the demo
 * accounts). The {@code accounts} module implements it; the answer is the account's
 * {@link Caller#subject() subject}, the same value a request of that account carries. Only
 * standalone accounts have a subject known here: with federated sign-in the identity provider
 * assigns subjects, and the answer is always empty.
 */
public interface AccountDirectory {

	/** The subject of the (enabled or disabled) account with this username; empty when there is none. */
	Optional<String> subjectOf(String username);
}
