package org.zhufang.accounts;

import org.zhufang.shared.Role;

/** Filters of the account list; all optional. */
public record AccountFilter(Role role, Boolean enabled, String search) {
}
