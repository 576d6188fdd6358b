package at.alma.mentoring.platform;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import at.alma.mentoring.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a GraphQL client meets on {@code /graphql} beside a plain POST: queries over GET
 * (GraphQL over HTTP), the JSON body of a 401, the error for a malformed id, and GraphiQL
 * served without internet.
 */
class GraphQlHttpTests extends ApiTest {

	@Test
	void answersAQueryOverGetWithTheBearerToken() {
		Account member = signUp("Gina", "Get", "MENTEE");
		http().get()
			.uri("/graphql?query={q}", "query Me { me { email } }")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())
			.accept(MediaType.APPLICATION_GRAPHQL_RESPONSE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader()
			.values(HttpHeaders.VARY, (vary) -> assertThat(String.join(",", vary)).contains("Authorization"))
			.expectBody()
			.jsonPath("$.data.me.email")
			.isEqualTo(member.email());
	}

	@Test
	void takesVariablesAndOperationNameOverGet() {
		Account member = signUp("Vera", "Get", "MENTEE");
		http().get()
			.uri("/graphql?query={q}&variables={v}&operationName={o}",
					"query A { __typename } query B($id: ID!) { member(id: $id) { displayName } }",
					"{\"id\": \"" + member.id() + "\"}", "B")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.member.displayName")
			.isEqualTo("Vera G.");
	}

	@Test
	void refusesAMutationOverGetWith405AndRunsNothing() {
		long members = count("members");
		http().get()
			.uri("/graphql?query={q}", """
					mutation { signUp(input: {email: "get@alma.test", password: "a long passphrase",
					  firstName: "G", lastName: "Et", roles: [MENTEE]}) { token } }""")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST")
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("METHOD_NOT_ALLOWED");
		// the operation picked by name decides
		http().get()
			.uri("/graphql?query={q}&operationName=M",
					"query Q { __typename } mutation M { rotateCalendarFeed { calendarFeedUrl } }")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(count("members")).isEqualTo(members);
	}

	@Test
	void refusesATooLongUrlWithJson() {
		// letters stay as they are in the URL: about 9,000 characters, over the 8 KB
		// limit and under Tomcat's
		String query = "{ __typename } #" + "x".repeat(9000);
		http().get()
			.uri("/graphql?query={q}", query)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.URI_TOO_LONG)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("URL_TOO_LONG");
	}

	@Test
	void refusesVariablesThatAreNotAJsonObject() {
		http().get()
			.uri("/graphql?query={q}&variables={v}", "{ __typename }", "[1")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("INVALID_REQUEST");
	}

	@Test
	void answersABadTokenWith401AndAGraphQlError() {
		http().post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE,
					(value) -> assertThat(value).startsWith("Bearer").contains("invalid_token"))
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHORIZED")
			.jsonPath("$.errors[0].extensions.reason")
			.isEqualTo("TOKEN_INVALID")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).contains("invalid"));
	}

	@Test
	void answersAnExpiredTokenWith401SayingSo() {
		Account member = signUp("Exa", "Pired", "MENTEE");
		this.clock.setTo(this.clock.instant().minus(Duration.ofHours(13)));
		Account old = signIn(member);
		this.clock.reset();
		http().post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + old.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).contains("invalid_token"))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHORIZED")
			.jsonPath("$.errors[0].extensions.reason")
			.isEqualTo("TOKEN_EXPIRED")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).contains("expired"));
	}

	@Test
	void answersAMissingTokenOnTheCertificateDownloadWith401AndJson() {
		http().get()
			.uri("/api/certificates/3f2c1e5a-8b4d-4c6e-9a7f-0d1e2f3a4b5c")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHORIZED")
			.jsonPath("$.errors[0].extensions.reason")
			.isEqualTo("TOKEN_MISSING");
	}

	@Test
	void namesTheArgumentOfAMalformedId() {
		Account member = signUp("Ida", "Malformed", "MENTEE");
		var byArgument = as(member).document("{ member(id: \"x\") { id } }").execute();
		expectInvalid(byArgument, "id");
		byArgument.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).startsWith("id: must be an ID")));
		var inInput = as(member)
			.document("mutation { withdrawMentorshipRequest(input: {mentorshipId: \"nope\"}) { mentorship { id } } }")
			.execute();
		expectInvalid(inInput, "input.mentorshipId");
		inInput.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).startsWith("input.mentorshipId: must be an ID")));
	}

	@Test
	void servesGraphiQlAndItsAssetsFromTheApplication() {
		String page = http().get()
			.uri("/graphiql?path=/graphql")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<div id=\"graphiql\">").doesNotContain("https://").doesNotContain("http://");
		var assets = java.util.regex.Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(page);
		int found = 0;
		while (assets.find()) {
			found++;
			http().get().uri(assets.group(1)).exchange().expectStatus().isOk();
		}
		assertThat(found).isEqualTo(4);
	}

}
