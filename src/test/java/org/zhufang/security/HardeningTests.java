package org.zhufang.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the dev server there is no GraphiQL, no schema endpoint and no introspection. */
@IntegrationTest
class HardeningTests {

	@Autowired
	TestWorld world;

	@Test
	void introspectionIsOffByDefault() {
		TestWorld.Tree tree = world.county("加固县");
		world.as(tree.account("admin", Role.BUREAU_ADMIN, tree.county()))
			.document("{ __schema { queryType { name } } }")
			.execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	@Test
	void graphiqlAndTheSchemaEndpointAreOffByDefault() {
		TestWorld.Tree tree = world.county("加固二县");
		String token = world.signIn(tree.account("admin", Role.BUREAU_ADMIN, tree.county()));
		world.http().get().uri("/graphiql").exchange().expectStatus().isNotFound();
		world.http().get().uri("/graphql/schema").header("Authorization", "Bearer " + token).exchange()
			.expectStatus().value(status -> assertThat(status).isIn(404, 405));
	}

	@Test
	void anUnexpectedFailureNeverShowsItsStackTraceOrSql() {
		world.http().post().uri("/auth/token").header("Content-Type", "application/json")
			.bodyValue("{not json")
			.exchange()
			.expectStatus().is4xxClientError()
			.expectBody(String.class)
			.value(body -> assertThat(body == null ? "" : body).doesNotContain("at org.", "Exception", "SELECT"));
	}
}
