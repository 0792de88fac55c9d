package org.zhufang.accounts.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.zhufang.shared.AccountDirectory;

/** Answers the shared kernel's {@link AccountDirectory}: a standalone account's subject is its id. */
@Component
class AccountSubjects implements AccountDirectory {

	private final AccountRepository accounts;

	AccountSubjects(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<String> subjectOf(String username) {
		return accounts.findByUsername(username).map(account -> String.valueOf(account.getId()));
	}
}
