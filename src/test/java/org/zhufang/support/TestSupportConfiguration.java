package org.zhufang.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

	@Bean
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

	@Bean
	TestWorld testWorld(org.springframework.core.env.Environment env,
			org.zhufang.grids.GridNetwork grids, org.zhufang.accounts.AccountManagement accounts,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		return new TestWorld(env, grids, accounts, jdbc);
	}
}
