package org.zhufang.accounts.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhufang.grids.AreaScope;
import org.zhufang.grids.GridNetwork;
import org.zhufang.shared.Role;

/**
 * One demo account per role, all with the password {@code zhufang-demo}, when there are no
 * accounts yet. Runs after the demo county is loaded.
 */
@Component
@Order(200)
@ConditionalOnBooleanProperty("zhufang.demo-data.enabled")
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "zhufang-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final AccountRepository accounts;

	private final GridNetwork grids;

	private final AreaScope scope;

	private final PasswordEncoder passwords;

	private final Clock clock;

	DemoAccounts(AccountRepository accounts, GridNetwork grids, AreaScope scope, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.grids = grids;
		this.scope = scope;
		this.passwords = passwords;
		this.clock = clock;
	}

	private record Demo(String username, Role role, List<String> areaCodes, String personKind, String personRef) {

		Demo(String username, Role role, List<String> areaCodes) {
			this(username, role, areaCodes, null, null);
		}
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		List<Demo> demos = List.of(
				new Demo("admin", Role.BUREAU_ADMIN, List.of("410721")),
				new Demo("chief.qiliying", Role.STATION_CHIEF, List.of("410721100")),
				// 七里营村, 南王庄村 and 南新村: the villages of officer 1 (李卫东) of the officers' demo data
				new Demo("officer.li", Role.COMMUNITY_OFFICER, List.of("410721100201", "410721100203", "410721100204"),
						"OFFICER", "1"),
				new Demo("coordinator.wulao", Role.TEAM_COORDINATOR, List.of("410721100")),
				new Demo("outreach.zhang", Role.OUTREACH_STAFF, List.of("410721104")),
				// 南新村第一网格
				new Demo("grid.nanxin", Role.GRID_MEMBER, List.of("410721100204001")),
				new Demo("viewer", Role.DASHBOARD_VIEWER, List.of("410721")));
		String hash = passwords.encode(PASSWORD);
		for (Demo demo : demos) {
			Map<String, Long> ids = grids.idsByCode(demo.areaCodes());
			if (ids.size() != demo.areaCodes().size()) {
				log.warn("Demo account {} skipped: its areas {} are not all there", demo.username(), demo.areaCodes());
				continue;
			}
			Map<Long, String> paths = new LinkedHashMap<>();
			ids.values().forEach(id -> paths.put(id, scope.pathOf(id)));
			accounts.save(Account.open(demo.username(), hash, demo.role(), paths, demo.personKind(), demo.personRef(),
					clock.instant()));
		}
		log.info("Demo accounts ready (password {}): {}", PASSWORD, demos.stream().map(Demo::username).toList());
	}
}
