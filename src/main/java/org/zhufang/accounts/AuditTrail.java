package org.zhufang.accounts;

import org.springframework.stereotype.Service;
import org.zhufang.accounts.internal.AuditLog;
import org.zhufang.shared.Caller;
import org.zhufang.shared.Role;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;

/**
 * Reading the audit log: BUREAU_ADMIN only, the entries of actors inside the reader's
 * jurisdiction. There is no way to change an entry.
 */
@Service
public class AuditTrail {

	private final AuditLog log;

	AuditTrail(AuditLog log) {
		this.log = log;
	}

	public Connection<AuditEventView> events(Caller caller, AuditFilter filter, PageRequest page, boolean withCount) {
		caller.requireRole(Role.BUREAU_ADMIN);
		return log.page(caller, filter, page, withCount);
	}
}
