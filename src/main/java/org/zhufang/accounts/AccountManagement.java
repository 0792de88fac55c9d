package org.zhufang.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhufang.shared.ScopeSql;
import org.zhufang.accounts.AccountInputs.AccountCreateInput;
import org.zhufang.accounts.AccountInputs.AccountResetPasswordInput;
import org.zhufang.accounts.AccountInputs.AccountUpdateInput;
import org.zhufang.accounts.AccountInputs.PasswordChangeInput;
import org.zhufang.accounts.internal.Account;
import org.zhufang.accounts.internal.AccountRepository;
import org.zhufang.accounts.internal.SecurityProperties;
import org.zhufang.grids.AreaScope;
import org.zhufang.shared.DataErrors;
import org.zhufang.shared.Caller;
import org.zhufang.shared.ConflictException;
import org.zhufang.shared.ForbiddenException;
import org.zhufang.shared.InputValidator;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.Role;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.Cursor;
import org.zhufang.shared.paging.PageRequest;

/**
 * Accounts: BUREAU_ADMIN opens and changes them inside its own jurisdiction; everyone changes
 * their own password. Passwords have at least 10 characters and are not the username.
 */
@Service
@Transactional
public class AccountManagement {

	private static final int MIN_PASSWORD = 10;

	/** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
	private static final int MAX_PASSWORD_BYTES = 72;

	private final AccountRepository accounts;

	private final JdbcClient jdbc;

	private final AreaScope scope;

	private final PasswordEncoder passwords;

	private final InputValidator validator;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final SecurityProperties.Mode mode;

	AccountManagement(AccountRepository accounts, JdbcClient jdbc, AreaScope scope, PasswordEncoder passwords,
			InputValidator validator, Clock clock, PlatformTransactionManager transactionManager,
			SecurityProperties security) {
		this.accounts = accounts;
		this.mode = security.mode();
		this.jdbc = jdbc;
		this.scope = scope;
		this.passwords = passwords;
		this.validator = validator;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** The caller's own account; for a federated caller, what its token says. */
	@Transactional(readOnly = true)
	public AccountView me(Caller caller) {
		return accountOf(caller).map(Account::toView)
			.orElseGet(() -> new AccountView(caller.subject(), caller.username(), caller.role(), true,
					caller.scopeAreaIds(), null, null, null, null));
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> account(Caller caller, long id) {
		caller.requireRole(Role.BUREAU_ADMIN);
		return accounts.findById(id).map(account -> {
			requireScope(caller, account.scopeAreaIds());
			return account.toView();
		});
	}

	/** Accounts whose whole jurisdiction lies inside the caller's, by username. */
	@Transactional(readOnly = true)
	public Connection<AccountView> accounts(Caller caller, AccountFilter filter, PageRequest page, boolean withCount) {
		caller.requireRole(Role.BUREAU_ADMIN);
		Map<String, Object> params = new HashMap<>();
		List<String> prefixes = scope.prefixes(caller);
		String scopeCondition = ScopeSql.underAny("s.area_path", prefixes, "scope", params);
		// An account is listed when none of its scope areas lies outside the caller's.
		StringBuilder where = new StringBuilder(" WHERE NOT EXISTS (SELECT 1 FROM account_scope s"
				+ " WHERE s.account_id = a.id AND NOT (" + scopeCondition + "))");
		if (filter != null && filter.role() != null) {
			where.append(" AND a.role = :role");
			params.put("role", filter.role().name());
		}
		if (filter != null && filter.enabled() != null) {
			where.append(" AND a.enabled = :enabled");
			params.put("enabled", filter.enabled());
		}
		if (filter != null && filter.search() != null && !filter.search().isBlank()) {
			where.append(" AND a.username LIKE :search");
			params.put("search", ScopeSql.containing(filter.search().strip()));
		}
		Integer total = withCount
				? jdbc.sql("SELECT COUNT(*) FROM account a" + where).params(params).query(Integer.class).single() : null;
		StringBuilder sql = new StringBuilder("SELECT a.id FROM account a").append(where);
		if (page.cursor() != null) {
			sql.append(page.backwards() ? " AND a.username < :cursor" : " AND a.username > :cursor");
			params.put("cursor", Cursor.decode("account", page.cursor()));
		}
		sql.append(page.backwards() ? " ORDER BY a.username DESC" : " ORDER BY a.username ASC").append(" LIMIT :limit");
		params.put("limit", page.fetchSize());
		List<Long> ids = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
		Map<Long, Account> found = new HashMap<>();
		accounts.findAllById(ids).forEach(a -> found.put(a.getId(), a));
		List<AccountView> rows = ids.stream().map(found::get).map(Account::toView).toList();
		return Connection.of(rows, page, a -> Cursor.encode("account", a.username()), total);
	}

	/** Opens an account; its own transaction, so losing a race for the username answers DUPLICATE. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Outcome<AccountView> create(Caller caller, AccountCreateInput input) {
		return DataErrors.inOwnTransaction(transaction, () -> doCreate(caller, input),
				() -> Outcome.rejected(duplicateUsername()));
	}

	private Outcome<AccountView> doCreate(Caller caller, AccountCreateInput input) {
		caller.requireRole(Role.BUREAU_ADMIN);
		List<UserError> errors = new ArrayList<>(validator.validate(input));
		if (input.username() != null && input.password() != null) {
			errors.addAll(passwordErrors("password", input.username(), input.password()));
		}
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<UserError> unknownArea = unknownArea(input.scopeAreaIds());
		if (unknownArea.isPresent()) {
			return Outcome.rejected(unknownArea.get());
		}
		requireScope(caller, input.scopeAreaIds());
		if (accounts.existsByUsername(input.username())) {
			return Outcome.rejected(duplicateUsername());
		}
		Account account = Account.open(input.username(), passwords.encode(input.password()), input.role(),
				pathsOf(input.scopeAreaIds()), input.personKind(), blankToNull(input.personRef()), clock.instant());
		return Outcome.ok(accounts.save(account).toView());
	}

	public Outcome<AccountView> update(Caller caller, AccountUpdateInput input) {
		caller.requireRole(Role.BUREAU_ADMIN);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Account> found = accounts.findById(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No account " + input.id()));
		}
		Account account = found.get();
		requireScope(caller, account.scopeAreaIds());
		if (input.scopeAreaIds() != null) {
			Optional<UserError> unknownArea = unknownArea(input.scopeAreaIds());
			if (unknownArea.isPresent()) {
				return Outcome.rejected(unknownArea.get());
			}
			requireScope(caller, input.scopeAreaIds());
		}
		if (String.valueOf(account.getId()).equals(caller.subject())
				&& (Boolean.FALSE.equals(input.enabled()) || (input.role() != null && input.role() != Role.BUREAU_ADMIN))) {
			return Outcome.rejected(UserError.of(Boolean.FALSE.equals(input.enabled()) ? "enabled" : "role", "OWN_ACCOUNT",
					"You cannot disable your own account or give up your own admin role"));
		}
		if (input.expectedVersion() != null && !input.expectedVersion().equals(account.getVersion())) {
			throw new ConflictException("The account was changed meanwhile; reload and try again");
		}
		account.change(input.role(), input.scopeAreaIds() == null ? null : pathsOf(input.scopeAreaIds()), input.enabled(), input.personKind(),
				blankToNull(input.personRef()), clock.instant());
		return Outcome.ok(accounts.save(account).toView());
	}

	public Outcome<AccountView> resetPassword(Caller caller, AccountResetPasswordInput input) {
		caller.requireRole(Role.BUREAU_ADMIN);
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Optional<Account> found = accounts.findById(input.id());
		if (found.isEmpty()) {
			return Outcome.rejected(UserError.of("id", "NOT_FOUND", "No account " + input.id()));
		}
		Account account = found.get();
		requireScope(caller, account.scopeAreaIds());
		errors = passwordErrors("newPassword", account.getUsername(), input.newPassword());
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		account.setPasswordHash(passwords.encode(input.newPassword()), clock.instant());
		return Outcome.ok(accounts.save(account).toView());
	}

	public Outcome<AccountView> changeOwnPassword(Caller caller, PasswordChangeInput input) {
		List<UserError> errors = validator.validate(input);
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		Account account = accountOf(caller).orElseThrow(() -> new ForbiddenException(
				"Your account is managed by the identity provider: change your password there"));
		if (!passwords.matches(input.currentPassword(), account.getPasswordHash())) {
			return Outcome.rejected(UserError.of("currentPassword", "WRONG_PASSWORD", "The current password is wrong"));
		}
		errors = passwordErrors("newPassword", account.getUsername(), input.newPassword());
		if (!errors.isEmpty()) {
			return Outcome.rejected(errors);
		}
		account.setPasswordHash(passwords.encode(input.newPassword()), clock.instant());
		return Outcome.ok(accounts.save(account).toView());
	}

	/** The caller's local account; none for a federated caller, whose subject is the issuer's, not an account id. */
	private Optional<Account> accountOf(Caller caller) {
		if (mode != SecurityProperties.Mode.STANDALONE) {
			return Optional.empty();
		}
		try {
			return accounts.findById(Long.valueOf(caller.subject()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private void requireScope(Caller caller, List<Long> areaIds) {
		for (Long areaId : areaIds) {
			scope.require(caller, areaId);
		}
	}

	private Map<Long, String> pathsOf(List<Long> areaIds) {
		Map<Long, String> paths = new HashMap<>();
		areaIds.forEach(id -> paths.put(id, scope.pathOf(id)));
		return paths;
	}

	private Optional<UserError> unknownArea(List<Long> areaIds) {
		for (int i = 0; i < areaIds.size(); i++) {
			if (scope.pathOf(areaIds.get(i)) == null) {
				return Optional.of(new UserError(List.of("input", "scopeAreaIds", String.valueOf(i)), "NOT_FOUND",
						"No area " + areaIds.get(i)));
			}
		}
		return Optional.empty();
	}

	static List<UserError> passwordErrors(String field, String username, String password) {
		List<UserError> errors = new ArrayList<>();
		if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
			errors.add(UserError.of(field, "TOO_SHORT", "A password has at least " + MIN_PASSWORD + " characters"));
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			errors.add(UserError.of(field, "TOO_LONG", "A password has at most " + MAX_PASSWORD_BYTES + " bytes"));
		}
		if (password.strip().toLowerCase(Locale.ROOT).equals(username.strip().toLowerCase(Locale.ROOT))) {
			errors.add(UserError.of(field, "SAME_AS_USERNAME", "The password must not be the username"));
		}
		return errors;
	}

	private static UserError duplicateUsername() {
		return UserError.of("username", "DUPLICATE", "This username is taken");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
