package org.zhufang.accounts;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the append-only audit log.
 *
 * @param kind MUTATION, PERSONAL_DATA_READ or SIGN_IN
 * @param outcome OK, REJECTED (user errors), or the error classification (FORBIDDEN...)
 */
public record AuditEventView(long id, Instant occurredAt, String kind, String subject, String username, String role,
		String operation, List<String> targetIds, String outcome, String detail) {
}
