/**
 * Who may sign in: accounts with their role and scope areas, bearer tokens (issued here or by a
 * federated OpenID Connect issuer), the caller of each request, and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and audit")
package org.zhufang.accounts;
