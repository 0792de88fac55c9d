package org.zhufang.accounts;

import java.time.Instant;
import java.util.List;

import org.zhufang.shared.Role;

/**
 * An account as the API shows it (never its password hash).
 *
 * @param id the account's id; for a federated caller, the token's subject
 * @param personKind OFFICER or VOLUNTEER when the account belongs to a person of those modules
 */
public record AccountView(String id, String username, Role role, boolean enabled, List<Long> scopeAreaIds,
		String personKind, String personRef, Instant createdAt, Integer version) {
}
