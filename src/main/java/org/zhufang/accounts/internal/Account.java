package org.zhufang.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.zhufang.accounts.AccountView;
import org.zhufang.shared.Role;

/** A person who may sign in, with one role and the areas whose subtrees they may see. */
@Table("account")
public class Account {

	@Id
	private Long id;

	private String username;

	private String passwordHash;

	private Role role;

	private boolean enabled;

	private String personKind;

	private String personRef;

	@MappedCollection(idColumn = "account_id")
	private Set<ScopeArea> scopes;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant passwordChangedAt;

	/** Goes up with every password change; tokens carry it, so older tokens stop working. */
	private int tokenGeneration;

	Account() {
	}

	/** One root of the account's jurisdiction. */
	@Table("account_scope")
	public record ScopeArea(Long areaId, String areaPath) {
	}

	public static Account open(String username, String passwordHash, Role role, Map<Long, String> scopeAreaPaths,
			String personKind, String personRef, Instant now) {
		Account account = new Account();
		account.username = username;
		account.passwordHash = passwordHash;
		account.role = role;
		account.enabled = true;
		account.scopes = toScopes(scopeAreaPaths);
		account.personKind = personKind;
		account.personRef = personRef;
		account.createdAt = now;
		account.updatedAt = now;
		account.passwordChangedAt = now;
		return account;
	}

	public void change(Role newRole, Map<Long, String> newScopeAreaPaths, Boolean newEnabled, String newPersonKind,
			String newPersonRef, Instant now) {
		if (newRole != null) {
			role = newRole;
		}
		if (newScopeAreaPaths != null) {
			scopes = toScopes(newScopeAreaPaths);
		}
		if (newEnabled != null) {
			enabled = newEnabled;
		}
		if (newPersonKind != null) {
			personKind = newPersonKind;
		}
		if (newPersonRef != null) {
			personRef = newPersonRef;
		}
		updatedAt = now;
	}

	public void setPasswordHash(String newHash, Instant now) {
		passwordHash = newHash;
		passwordChangedAt = now;
		tokenGeneration++;
		updatedAt = now;
	}

	private static Set<ScopeArea> toScopes(Map<Long, String> areaPaths) {
		return areaPaths.entrySet().stream().map(e -> new ScopeArea(e.getKey(), e.getValue())).collect(Collectors.toSet());
	}

	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public Integer getVersion() {
		return version;
	}

	public int getTokenGeneration() {
		return tokenGeneration;
	}

	public Role getRole() {
		return role;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public List<Long> scopeAreaIds() {
		return scopes.stream().map(ScopeArea::areaId).sorted().toList();
	}

	public AccountView toView() {
		return new AccountView(String.valueOf(id), username, role, enabled, scopeAreaIds(), personKind, personRef,
				createdAt, version);
	}
}
