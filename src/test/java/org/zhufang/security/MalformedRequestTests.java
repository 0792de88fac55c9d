package org.zhufang.security;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.zhufang.shared.Role;
import org.zhufang.support.IntegrationTest;
import org.zhufang.support.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request the client must fix (a syntax error, an unknown field, an argument or variable of the
 * wrong type) is a BAD_REQUEST over HTTP, with graphql-java's message and location kept.
 */
@IntegrationTest
class MalformedRequestTests {

	@Autowired
	TestWorld world;

	String token;

	GraphQlTester admin;

	@BeforeEach
	void signIn() {
		TestWorld.Tree tree = world.county("格式错误县");
		token = world.signIn(tree.account("admin", Role.BUREAU_ADMIN, tree.county()));
		admin = world.withToken(token);
	}

	@Test
	void anUnknownFieldIsABadRequest() {
		assertSingleBadRequest(admin.document("{ areas { totalCount colour } }").execute(), "colour");
	}

	@Test
	void anArgumentOfTheWrongTypeIsABadRequest() {
		assertSingleBadRequest(admin.document("{ areas(first: \"many\") { totalCount } }").execute(), "first");
	}

	@Test
	void aVariableOfTheWrongTypeIsABadRequest() {
		assertSingleBadRequest(admin.document("query($first: Int) { areas(first: $first) { totalCount } }")
			.variable("first", "many").execute(), "first");
	}

	@Test
	void aSyntaxErrorIsABadRequest() {
		assertSingleBadRequest(admin.document("{ areas(first: 2 { totalCount } }").execute(), null);
	}

	@Test
	void theClassificationIsWhatTheClientReadsInTheExtensions() {
		world.http().post().uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ areas { totalCount colour } }"))
			.exchange()
			.expectBody()
			.jsonPath("$.errors.length()").isEqualTo(1)
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].locations[0].line").isEqualTo(1)
			.jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("colour"));
	}

	private static void assertSingleBadRequest(GraphQlTester.Response response, String mentioned) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
			assertThat(error.getMessage()).isNotBlank();
			if (mentioned != null) {
				assertThat(error.getMessage()).contains(mentioned);
			}
			assertThat(error.getLocations()).isNotEmpty();
		}));
	}
}
