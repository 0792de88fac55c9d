package org.zhufang.accounts.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.zhufang.shared.AccountDirectory;

/**
 * Answers the shared kernel's {@link AccountDirectory}. In standalone mode an account's subject
 * is its id, which every token of the account carries. In federated mode the subject comes from
 * the identity provider's tokens and no local account knows it, so there is no answer.
 */
@Component
class AccountSubjects implements AccountDirectory {

	private final AccountRepository accounts;

	private final SecurityProperties properties;

	AccountSubjects(AccountRepository accounts, SecurityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public Optional<String> subjectOf(String username) {
		if (properties.mode() != SecurityProperties.Mode.STANDALONE) {
			return Optional.empty();
		}
		return accounts.findByUsername(username).map(account -> String.valueOf(account.getId()));
	}
}
