package org.zhufang.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhufang.accounts.AccountInputs.AccountCreateInput;
import org.zhufang.accounts.AccountManagement;
import org.zhufang.grids.AreaInputs.AreaCreateInput;
import org.zhufang.grids.AreaInputs.GridStaffAssignInput;
import org.zhufang.grids.AreaLevel;
import org.zhufang.grids.AreaView;
import org.zhufang.grids.GridNetwork;
import org.zhufang.grids.GridStaffView;
import org.zhufang.grids.PersonKind;
import org.zhufang.grids.StaffRole;
import org.zhufang.shared.Caller;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.Role;

/**
 * Builds what a test needs through the modules' own facades (so every rule applies), under
 * codes and usernames no other test uses, and signs in over HTTP.
 */
public class TestWorld {

	public static final String PASSWORD = "test-password-1";

	/** County codes handed out to tests: six digits, never the demo county's 410721. */
	private static final AtomicInteger nextCounty = new AtomicInteger(500_000);

	private final Environment env;

	private final GridNetwork grids;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	TestWorld(Environment env, GridNetwork grids, AccountManagement accounts, JdbcClient jdbc) {
		this.env = env;
		this.grids = grids;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** A bureau admin with no account row, for building fixtures through the facades. */
	public static Caller system(long... scopeAreaIds) {
		return new Caller("0", "test-system", Role.BUREAU_ADMIN,
				java.util.Arrays.stream(scopeAreaIds).boxed().toList());
	}

	public JdbcClient jdbc() {
		return jdbc;
	}

	public String baseUrl() {
		return "http://localhost:" + env.getProperty("local.server.port");
	}

	public WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
	}

	/** A GraphQL client without a token. */
	public HttpGraphQlTester anonymous() {
		return HttpGraphQlTester.create(http().mutate().baseUrl(baseUrl() + "/graphql").build());
	}

	/** A GraphQL client signed in as the account. */
	public HttpGraphQlTester as(String username) {
		return withToken(tokens.computeIfAbsent(username, this::signIn));
	}

	/** A GraphQL client sending this bearer token, whatever it is. */
	public HttpGraphQlTester withToken(String token) {
		return HttpGraphQlTester.builder(http().mutate().baseUrl(baseUrl() + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.build();
	}

	/** {@code POST /auth/token} with these credentials, for tests that look at the answer itself. */
	public WebTestClient.ResponseSpec requestToken(String username, String password) {
		return http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", password))
			.exchange();
	}

	/** The database id of an account, as the API and tokens spell it. */
	public String accountId(String username) {
		return String.valueOf(jdbc.sql("SELECT id FROM account WHERE username = ?").param(username)
			.query(Long.class).single());
	}

	public String signIn(String username) {
		Map<?, ?> body = requestToken(username, PASSWORD).expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return (String) body.get("access_token");
	}

	/** A fresh county: code, and a county-wide admin to build under it. */
	public Tree county(String name) {
		String code = String.valueOf(nextCounty.getAndIncrement());
		AreaView county = ok(grids.createArea(system(), new AreaCreateInput(null, code, name, AreaLevel.COUNTY, 0, 0)));
		return new Tree(county);
	}

	public static <T> T ok(Outcome<T> outcome) {
		if (!outcome.isOk()) {
			throw new IllegalStateException("Fixture refused: " + outcome.userErrors());
		}
		return outcome.value();
	}

	/** A county of one's own, with helpers to grow it. */
	public final class Tree {

		private final AreaView county;

		private final AtomicInteger nextChild = new AtomicInteger(1);

		Tree(AreaView county) {
			this.county = county;
		}

		public AreaView county() {
			return county;
		}

		public AreaView child(AreaView parent, String name) {
			AreaLevel level = AreaLevel.values()[parent.level().ordinal() + 1];
			String code = parent.code() + String.format("%03d", nextChild.getAndIncrement());
			return ok(grids.createArea(system(county.id()),
					new AreaCreateInput(parent.id(), code, name, level, 10, 30)));
		}

		public GridStaffView staff(AreaView grid, StaffRole role, String name, String phone) {
			return ok(grids.assignStaff(system(county.id()),
					new GridStaffAssignInput(grid.id(), role, PersonKind.RESIDENT, null, name, phone, null)));
		}

		/** An account of this county with the password {@link #PASSWORD}; returns its username. */
		public String account(String name, Role role, AreaView... scope) {
			String username = county.code() + "." + name;
			ok(accounts.create(system(county.id()), new AccountCreateInput(username, PASSWORD, role,
					java.util.Arrays.stream(scope).map(AreaView::id).toList(), null, null)));
			return username;
		}

		/**
		 * A COMMUNITY_OFFICER account of this county linked to the officer ({@code personKind=OFFICER},
		 * {@code personRef=<officer id>}); returns its username.
		 */
		public String officerAccount(String name, long officerId, AreaView... scope) {
			String username = county.code() + "." + name;
			ok(accounts.create(system(county.id()), new AccountCreateInput(username, PASSWORD, Role.COMMUNITY_OFFICER,
					java.util.Arrays.stream(scope).map(AreaView::id).toList(), "OFFICER", String.valueOf(officerId))));
			return username;
		}

		public List<Long> ids(AreaView... areas) {
			return java.util.Arrays.stream(areas).map(AreaView::id).toList();
		}
	}
}
