package org.zhufang.accounts;

import java.time.OffsetDateTime;

/** Filters of the audit log; all optional. {@code accountId} is the account id or token subject. */
public record AuditFilter(String accountId, String operation, OffsetDateTime from, OffsetDateTime to) {
}
