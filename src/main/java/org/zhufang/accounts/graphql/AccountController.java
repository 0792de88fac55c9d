package org.zhufang.accounts.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.zhufang.accounts.AccountFilter;
import org.zhufang.accounts.AccountInputs.AccountCreateInput;
import org.zhufang.accounts.AccountInputs.AccountResetPasswordInput;
import org.zhufang.accounts.AccountInputs.AccountUpdateInput;
import org.zhufang.accounts.AccountInputs.PasswordChangeInput;
import org.zhufang.accounts.AccountManagement;
import org.zhufang.accounts.AccountView;
import org.zhufang.accounts.AuditEventView;
import org.zhufang.accounts.AuditFilter;
import org.zhufang.accounts.AuditTrail;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.shared.Caller;
import org.zhufang.shared.MutationPayload;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.shared.paging.Connection;
import org.zhufang.shared.paging.PageRequest;

@Controller
class AccountController {

	private final AccountManagement accounts;

	private final AuditTrail audit;

	private final GridNetwork grids;

	AccountController(AccountManagement accounts, AuditTrail audit, GridNetwork grids) {
		this.accounts = accounts;
		this.audit = audit;
		this.grids = grids;
	}

	record AccountPayload(AccountView account, List<UserError> userErrors) implements MutationPayload {

		static AccountPayload of(Outcome<AccountView> outcome) {
			return new AccountPayload(outcome.value(), outcome.userErrors());
		}
	}

	@QueryMapping
	AccountView me() {
		return accounts.me(Caller.current());
	}

	@QueryMapping
	AccountView account(@Argument long id) {
		return accounts.account(Caller.current(), id).orElse(null);
	}

	@QueryMapping
	Connection<AccountView> accounts(@Argument AccountFilter filter, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before, DataFetchingFieldSelectionSet selection) {
		return accounts.accounts(Caller.current(), filter, PageRequest.of(first, after, last, before),
				selection.contains("totalCount"));
	}

	@QueryMapping
	Connection<AuditEventView> auditEvents(@Argument AuditFilter filter, @Argument Integer first,
			@Argument String after, DataFetchingFieldSelectionSet selection) {
		return audit.events(Caller.current(), filter, PageRequest.first(first, after), selection.contains("totalCount"));
	}

	@SchemaMapping(typeName = "AuditEvent", field = "accountId")
	String auditAccountId(AuditEventView event) {
		return event.subject();
	}

	@BatchMapping(typeName = "Account")
	Map<AccountView, List<AreaView>> scopeAreas(List<AccountView> list) {
		Map<Long, AreaView> areas = grids.areasByIds(Caller.current(),
				list.stream().flatMap(a -> a.scopeAreaIds().stream()).collect(Collectors.toSet()));
		Map<AccountView, List<AreaView>> result = new HashMap<>();
		list.forEach(a -> result.put(a, a.scopeAreaIds().stream().map(areas::get).filter(x -> x != null).toList()));
		return result;
	}

	@MutationMapping
	AccountPayload accountCreate(@Argument AccountCreateInput input) {
		return AccountPayload.of(accounts.create(Caller.current(), input));
	}

	@MutationMapping
	AccountPayload accountUpdate(@Argument AccountUpdateInput input) {
		return AccountPayload.of(accounts.update(Caller.current(), input));
	}

	@MutationMapping
	AccountPayload accountResetPassword(@Argument AccountResetPasswordInput input) {
		return AccountPayload.of(accounts.resetPassword(Caller.current(), input));
	}

	@MutationMapping
	AccountPayload passwordChange(@Argument PasswordChangeInput input) {
		return AccountPayload.of(accounts.changeOwnPassword(Caller.current(), input));
	}
}
