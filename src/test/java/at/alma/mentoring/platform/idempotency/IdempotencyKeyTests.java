package at.alma.mentoring.platform.idempotency;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

import at.alma.mentoring.ApiTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on {@code POST /graphql}: a repeated mutation gets the first
 * response and runs once, also when the repeats race; the key belongs to the caller and
 * to one request; queries are not recorded; a claim left behind by a dead node is taken
 * over after its lease; old records go. Time moves through the test clock.
 */
class IdempotencyKeyTests extends ApiTest {

	private static final String REQUEST = """
			mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id status requestedAt } } }""";

	private static final String CREATE = """
			mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id title createdAt } } }""";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	IdempotencyCleanup cleanup;

	@Autowired
	IdempotentMutations idempotentMutations;

	@Test
	void anAnswerThatChangedNothingReleasesTheKeyAndARepeatRunsAgain() {
		// the interceptor with a chain that answers as a resolver would, through the real
		// records: the database cannot be made unreachable inside the shared test context
		String key = UUID.randomUUID().toString();
		WebGraphQlRequest request = interceptedRequest(key,
				"mutation { a: signIn(input: {email: \"a@b.c\", password: \"p\"}) { token } }");
		List<String> runs = new ArrayList<>();

		WebGraphQlResponse unavailable = this.idempotentMutations
			.intercept(request, (r) -> answer(runs, r, null, "SERVICE_UNAVAILABLE"))
			.block();
		assertThat(unavailable.getErrors()).extracting((e) -> e.getExtensions().get("code"))
			.containsExactly("SERVICE_UNAVAILABLE");
		assertThat(records(key)).isZero();

		WebGraphQlResponse conflict = this.idempotentMutations
			.intercept(request, (r) -> answer(runs, r, null, "CONCURRENT_CHANGE"))
			.block();
		assertThat(conflict.getErrors()).hasSize(1);
		assertThat(records(key)).isZero();

		// a root field had a result before another failed: that answer is kept, and
		// replayed
		WebGraphQlResponse partial = this.idempotentMutations
			.intercept(request, (r) -> answer(runs, r, Map.of("token", "t"), "CONCURRENT_CHANGE"))
			.block();
		WebGraphQlResponse replay = this.idempotentMutations
			.intercept(request, (r) -> answer(runs, r, Map.of("token", "other"), null))
			.block();
		assertThat(runs).hasSize(3);
		assertThat(records(key)).isOne();
		assertThat(replay.toMap()).isEqualTo(partial.toMap());
		assertThat(replay.getResponseHeaders().getFirst(IdempotentMutations.REPLAYED_HEADER)).isEqualTo("true");
	}

	private static WebGraphQlRequest interceptedRequest(String key, String document) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(IdempotentMutations.KEY_HEADER, key);
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), headers, null, null, Map.of(),
				Map.of("query", document), UUID.randomUUID().toString(), null);
	}

	/** An answer with the root field {@code a}: a result and/or an error with a code. */
	private static Mono<WebGraphQlResponse> answer(List<String> runs, WebGraphQlRequest request,
			Map<String, Object> result, String code) {
		runs.add(code);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("a", result);
		var builder = ExecutionResult.newExecutionResult().data(data);
		if (code != null) {
			builder.addError(GraphqlErrorBuilder.newError().message(code).extensions(Map.of("code", code)).build());
		}
		return Mono.just(new WebGraphQlResponse(
				new DefaultExecutionGraphQlResponse(request.toExecutionInput(), builder.build())));
	}

	private long records(String key) {
		return this.jdbc.queryForObject("select count(*) from idempotent_requests where idem_key = ?", Long.class, key);
	}

	@Test
	void aRepeatedMutationGetsTheFirstResponseAndRunsOnce() {
		Account mentee = signUp("Ida", "Empotent", "MENTEE");
		Account mentor = signUp("Rita", "Peat", "MENTOR");
		String key = UUID.randomUUID().toString();

		Answer first = post(mentee.token(), key, REQUEST, Map.of("id", mentor.id()));
		Answer again = post(mentee.token(), key, REQUEST, Map.of("id", mentor.id()));
		// a new token of the same member: the key belongs to the member, not the token
		Answer afterSignIn = post(signIn(mentee).token(), key, REQUEST, Map.of("id", mentor.id()));

		assertThat(first.codes()).isEmpty();
		assertThat(first.replayed()).isNull();
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.replayed()).isEqualTo("true");
		assertThat(afterSignIn.body()).isEqualTo(first.body());
		assertThat(afterSignIn.replayed()).isEqualTo("true");
		UUID id = UUID.fromString(first.at("requestMentorship.mentorship.id"));
		assertThat(this.jdbc.queryForObject("select count(*) from mentorships where mentee_id = ?", Long.class,
				mentee.id().toString()))
			.isEqualTo(1);
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("mentorship-lifecycle")
			.processInstanceBusinessKey(id.toString())
			.count()).isEqualTo(1);
	}

	@Test
	void variablesInAnotherOrderAreTheSameRequest() {
		Account member = signUp("Order", "Less", "MENTEE");
		String key = UUID.randomUUID().toString();
		String title = "Order " + UUID.randomUUID();
		Map<String, Object> titleFirst = new LinkedHashMap<>();
		titleFirst.put("title", title);
		titleFirst.put("body", "same body");
		Map<String, Object> bodyFirst = new LinkedHashMap<>();
		bodyFirst.put("body", "same body");
		bodyFirst.put("title", title);

		Answer first = post(member.token(), key, CREATE, Map.of("input", titleFirst));
		Answer again = post(member.token(), key, CREATE, Map.of("input", bodyFirst));

		assertThat(again.replayed()).isEqualTo("true");
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(articlesTitled(title)).isEqualTo(1);
	}

	@Test
	void aKeyUsedForAnotherRequestIsRefusedAndRunsNothing() {
		Account member = signUp("Key", "Reuser", "MENTEE");
		String key = UUID.randomUUID().toString();
		String title = "First " + UUID.randomUUID();
		String other = "Other " + UUID.randomUUID();
		assertThat(post(member.token(), key, CREATE, article(title)).codes()).isEmpty();

		Answer otherVariables = post(member.token(), key, CREATE, article(other));
		Answer otherDocument = post(member.token(), key,
				"mutation { createGroup(input: {name: \"" + other + "\"}) { group { id } } }", Map.of());

		for (Answer refused : List.of(otherVariables, otherDocument)) {
			assertThat(refused.codes()).containsExactly("IDEMPOTENCY_KEY_REUSED");
			assertThat(refused.map()).doesNotContainKey("data");
			assertThat(refused.replayed()).isNull();
		}
		assertThat(articlesTitled(other)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from member_groups where name = ?", Long.class, other))
			.isZero();
		assertThat(articlesTitled(title)).isEqualTo(1);
	}

	@Test
	void racingRepeatsRunOnceAndAllGetTheFirstResponse() throws Exception {
		Account member = signUp("Race", "Twice", "MENTEE");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				String key = UUID.randomUUID().toString();
				String title = "Race " + round + " " + UUID.randomUUID();
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Answer>> racing = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					racing.add(threads.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						return post(member.token(), key, CREATE, article(title));
					}));
				}
				Answer one = racing.get(0).get(60, TimeUnit.SECONDS);
				Answer other = racing.get(1).get(60, TimeUnit.SECONDS);

				assertThat(one.codes()).isEmpty();
				assertThat(other.body()).isEqualTo(one.body());
				assertThat(List.of(String.valueOf(one.replayed()), String.valueOf(other.replayed())))
					.containsExactlyInAnyOrder("null", "true");
				assertThat(articlesTitled(title)).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void keysBelongToTheCaller() {
		Account one = signUp("Same", "Key", "MENTEE");
		Account two = signUp("Same", "Key", "MENTEE");
		String key = "shared-key-" + UUID.randomUUID();
		String title = "Shared " + UUID.randomUUID();

		Answer ofOne = post(one.token(), key, CREATE, article(title));
		Answer ofTwo = post(two.token(), key, CREATE, article(title));
		// anonymous callers are one more scope
		Answer anonymous = post(null, key, CREATE, article(title));

		assertThat(ofOne.replayed()).isNull();
		assertThat(ofTwo.replayed()).isNull();
		assertThat(ofTwo.<String>at("createArticle.article.id")).isNotEqualTo(ofOne.at("createArticle.article.id"));
		assertThat(anonymous.codes()).containsExactly("UNAUTHORIZED");
		assertThat(anonymous.replayed()).isNull();
		assertThat(articlesTitled(title)).isEqualTo(2);
		// keys differing in case are different keys
		Answer upper = post(one.token(), key.toUpperCase(), CREATE, article(title));
		assertThat(upper.replayed()).isNull();
		assertThat(articlesTitled(title)).isEqualTo(3);
	}

	@Test
	void anonymousCallersShareOneScope() {
		String key = UUID.randomUUID().toString();
		String email = "anon." + UUID.randomUUID() + "@alma.test";
		Map<String, Object> input = Map.of("email", email, "password", PASSWORD, "firstName", "Anne", "lastName",
				"Nymous", "roles", List.of("MENTEE"));
		String signUp = "mutation($input: SignUpInput!) { signUp(input: $input) { token me { id email } } }";

		Answer first = post(null, key, signUp, Map.of("input", input));
		Answer again = post(null, key, signUp, Map.of("input", input));

		assertThat(first.codes()).isEmpty();
		assertThat(again.replayed()).isEqualTo("true");
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(this.jdbc.queryForObject("select count(*) from members where email = ?", Long.class, email))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from idempotent_requests where scope = 'anonymous' and idem_key = ?", Long.class, key))
			.isEqualTo(1);
	}

	@Test
	void queriesWithAKeyRunAsUsualAndLeaveTheKeyFree() {
		Account member = signUp("Query", "Keyed", "MENTEE");
		String key = UUID.randomUUID().toString();

		Answer before = post(member.token(), key, "{ me { bio } }", Map.of());
		post(member.token(), null, "mutation { updateProfile(input: {bio: \"changed\"}) { me { bio } } }", Map.of());
		Answer after = post(member.token(), key, "{ me { bio } }", Map.of());

		assertThat(before.<String>at("me.bio")).isNull();
		assertThat(after.<String>at("me.bio")).isEqualTo("changed");
		assertThat(before.replayed()).isNull();
		assertThat(after.replayed()).isNull();
		assertThat(records(member.id().toString(), key)).isZero();
		// a document with a query and a mutation: the selected operation counts
		String both = "query Read { me { bio } } mutation Write { updateProfile(input: {bio: \"again\"}) { me { bio } } }";
		Answer read = post(member.token(), key, both, Map.of(), "Read");
		assertThat(read.<String>at("me.bio")).isEqualTo("changed");
		assertThat(records(member.id().toString(), key)).isZero();
		Answer write = post(member.token(), key, both, Map.of(), "Write");
		assertThat(write.<String>at("updateProfile.me.bio")).isEqualTo("again");
		assertThat(write.replayed()).isNull();
		assertThat(records(member.id().toString(), key)).isEqualTo(1);
	}

	@Test
	void invalidKeysAreRefusedBeforeAnythingRuns() {
		Account member = signUp("Bad", "Key", "MENTEE");
		String title = "Invalid " + UUID.randomUUID();
		List<String> invalid = List.of("", "a".repeat(256), "with space", "schlüssel");

		for (String key : invalid) {
			Answer refused = post(member.token(), key, CREATE, article(title));
			assertThat(refused.codes()).as("key '%s'", key).containsExactly("IDEMPOTENCY_KEY_INVALID");
			assertThat(refused.map()).doesNotContainKey("data");
		}
		Answer twice = send(member.token(), List.of("one", "two"), CREATE, article(title), null);
		assertThat(twice.codes()).containsExactly("IDEMPOTENCY_KEY_INVALID");
		assertThat(post(member.token(), "", "{ me { id } }", Map.of()).codes())
			.containsExactly("IDEMPOTENCY_KEY_INVALID");
		// a request error: no data, so 400 for clients that accept the GraphQL response
		// media type
		http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.parseMediaType("application/graphql-response+json"))
			.header("Authorization", "Bearer " + member.token())
			.header("Idempotency-Key", "with space")
			.bodyValue(Map.of("query", CREATE, "variables", article(title)))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(twice.errors().get(0)).containsOnlyKeys("message", "locations", "extensions");
		assertThat(articlesTitled(title)).isZero();

		String longest = "~!" + "x".repeat(251) + "{}";
		assertThat(post(member.token(), longest, CREATE, article(title)).codes()).isEmpty();
		assertThat(articlesTitled(title)).isEqualTo(1);
	}

	@Test
	void aRefusalIsReplayedAsTheSameRefusal() {
		Account mentee = signUp("Refused", "Once", "MENTEE");
		Account mentor = signUp("Not", "Now", "MENTOR");
		post(mentor.token(), null, "mutation { updateProfile(input: {mentorAvailable: false}) { me { id } } }",
				Map.of());
		String key = UUID.randomUUID().toString();

		Answer refused = post(mentee.token(), key, REQUEST, Map.of("id", mentor.id()));
		assertThat(refused.codes()).containsExactly("MENTOR_UNAVAILABLE");
		// the mentor becomes available: running the request again would succeed now
		post(mentor.token(), null, "mutation { updateProfile(input: {mentorAvailable: true}) { me { id } } }",
				Map.of());
		Answer again = post(mentee.token(), key, REQUEST, Map.of("id", mentor.id()));

		assertThat(again.replayed()).isEqualTo("true");
		assertThat(again.body()).isEqualTo(refused.body());
		assertThat(mentorshipsOf(mentee)).isZero();
		// a new key is a new request
		assertThat(post(mentee.token(), UUID.randomUUID().toString(), REQUEST, Map.of("id", mentor.id()))
			.<String>at("requestMentorship.mentorship.status")).isEqualTo("REQUESTED");
	}

	@Test
	void aClaimLeftInProgressByADeadNodeIsTakenOverAfterItsLease() {
		this.clock.setTo(Instant.now());
		Account member = signUp("Dead", "Node", "MENTEE");
		String title = "Lease " + UUID.randomUUID();
		String fingerprint = fingerprintOf(member, article(title));
		String key = UUID.randomUUID().toString();
		// a node claimed the key, then died before it stored a response
		String deadClaim = abandonedClaim(member, key, fingerprint);

		this.clock.advance(Duration.ofSeconds(61));
		Answer takenOver = post(member.token(), key, CREATE, article(title));
		Answer again = post(member.token(), key, CREATE, article(title));

		assertThat(takenOver.codes()).isEmpty();
		assertThat(takenOver.replayed()).isNull();
		assertThat(again.replayed()).isEqualTo("true");
		assertThat(again.body()).isEqualTo(takenOver.body());
		// the request ran here (the dead node's run, if it got that far, is the
		// documented window)
		assertThat(articlesTitled(title)).isEqualTo(2);
		assertThat(column("state", member, key)).isEqualTo("COMPLETED");
		assertThat(column("claim_id", member, key)).isNotEqualTo(deadClaim);
	}

	@Test
	void aRepeatOfAClaimStillInProgressWaitsThenIsRefusedAndRunsNothing() {
		Account member = signUp("Still", "Running", "MENTEE");
		String title = "Busy " + UUID.randomUUID();
		String fingerprint = fingerprintOf(member, article(title));
		String key = UUID.randomUUID().toString();
		abandonedClaim(member, key, fingerprint);

		// waits mentoring.idempotency.max-wait (10 s) for the other node, which never
		// finishes
		Answer refused = post(member.token(), key, CREATE, article(title));

		assertThat(refused.codes()).containsExactly("IDEMPOTENCY_KEY_IN_PROGRESS");
		assertThat(refused.map()).doesNotContainKey("data");
		assertThat(articlesTitled(title)).isEqualTo(1);
	}

	@Test
	void recordsPastTheRetentionAreForgottenAndDeleted() {
		this.clock.setTo(Instant.now());
		Account member = signUp("Old", "Key", "MENTEE");
		String key = UUID.randomUUID().toString();
		String title = "Retention " + UUID.randomUUID();
		Answer first = post(member.token(), key, CREATE, article(title));

		this.clock.advance(Duration.ofHours(25));
		Account later = signIn(member);
		// expired: the same key runs again, before any cleanup
		Answer again = post(later.token(), key, CREATE, article(title));
		assertThat(again.replayed()).isNull();
		assertThat(again.<String>at("createArticle.article.id")).isNotEqualTo(first.at("createArticle.article.id"));
		assertThat(articlesTitled(title)).isEqualTo(2);

		String oldKey = UUID.randomUUID().toString();
		LocalDateTime old = LocalDateTime.ofInstant(this.clock.instant().minus(Duration.ofHours(25)), ZoneOffset.UTC);
		this.jdbc.update("""
				insert into idempotent_requests (scope, idem_key, fingerprint, state, claim_id, response, created_at,
				    lease_until, completed_at)
				values ('anonymous', ?, ?, 'COMPLETED', ?, '{"data":{}}', ?, ?, ?)""", oldKey, "0".repeat(64),
				UUID.randomUUID().toString(), old, old, old);

		assertThat(this.cleanup.run().orElseThrow()).isPositive();
		assertThat(records("anonymous", oldKey)).isZero();
		assertThat(records(member.id().toString(), key)).isEqualTo(1);
		// the next turn (maybe another node's) deletes nothing more
		assertThat(this.cleanup.run()).hasValue(0);
	}

	@Test
	void browsersMaySendTheKeyAndReadTheReplayHeader() {
		http().method(HttpMethod.OPTIONS)
			.uri("/graphql")
			.header("Origin", "http://localhost:5173")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Access-Control-Allow-Headers",
					(allowed) -> assertThat(allowed).containsIgnoringCase("idempotency-key"));
		http().post()
			.uri("/graphql")
			.header("Origin", "http://localhost:5173")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ __typename }"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Access-Control-Expose-Headers", (exposed) -> assertThat(exposed).contains("Idempotent-Replayed"));
	}

	private static Map<String, Object> article(String title) {
		return Map.of("input", Map.of("title", title, "body", "A body."));
	}

	/** The fingerprint of a request, as stored when it ran with a throwaway key. */
	private String fingerprintOf(Account member, Map<String, Object> variables) {
		String probe = UUID.randomUUID().toString();
		assertThat(post(member.token(), probe, CREATE, variables).codes()).isEmpty();
		return this.jdbc.queryForObject("select fingerprint from idempotent_requests where scope = ? and idem_key = ?",
				String.class, member.id().toString(), probe);
	}

	/** A claim in progress as a node leaves it that died after claiming; its id. */
	private String abandonedClaim(Account member, String key, String fingerprint) {
		String claim = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		this.jdbc.update("""
				insert into idempotent_requests (scope, idem_key, fingerprint, state, claim_id, created_at, lease_until)
				values (?, ?, ?, 'IN_PROGRESS', ?, ?, ?)""", member.id().toString(), key, fingerprint, claim,
				LocalDateTime.ofInstant(now, ZoneOffset.UTC),
				LocalDateTime.ofInstant(now.plus(Duration.ofSeconds(60)), ZoneOffset.UTC));
		return claim;
	}

	private String column(String column, Account member, String key) {
		return this.jdbc.queryForObject(
				"select " + column + " from idempotent_requests where scope = ? and idem_key = ?", String.class,
				member.id().toString(), key);
	}

	private long articlesTitled(String title) {
		return this.jdbc.queryForObject("select count(*) from wiki_articles where title = ?", Long.class, title);
	}

	private long mentorshipsOf(Account mentee) {
		return this.jdbc.queryForObject("select count(*) from mentorships where mentee_id = ?", Long.class,
				mentee.id().toString());
	}

	private long records(String scope, String key) {
		return this.jdbc.queryForObject("select count(*) from idempotent_requests where scope = ? and idem_key = ?",
				Long.class, scope, key);
	}

	private Answer post(String token, String key, String query, Map<String, Object> variables) {
		return send(token, (key != null) ? List.of(key) : List.of(), query, variables, null);
	}

	private Answer post(String token, String key, String query, Map<String, Object> variables, String operationName) {
		return send(token, List.of(key), query, variables, operationName);
	}

	private Answer send(String token, List<String> keys, String query, Map<String, Object> variables,
			String operationName) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		if (operationName != null) {
			body.put("operationName", operationName);
		}
		var request = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
			keys.forEach((key) -> headers.add("Idempotency-Key", key));
		});
		var result = request.bodyValue(body).exchange().expectBody(byte[].class).returnResult();
		return new Answer(result.getResponseHeaders(),
				new String(result.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The raw answer: the body exactly as sent, and the headers. */
	record Answer(HttpHeaders headers, String body) {

		String replayed() {
			return this.headers.getFirst("Idempotent-Replayed");
		}

		Map<String, Object> map() {
			try {
				return JSON.readValue(this.body, new TypeReference<Map<String, Object>>() {
				});
			}
			catch (Exception ex) {
				throw new IllegalStateException(this.body, ex);
			}
		}

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors() {
			return (List<Map<String, Object>>) map().getOrDefault("errors", List.of());
		}

		@SuppressWarnings("unchecked")
		List<String> codes() {
			return errors().stream()
				.map((error) -> String
					.valueOf(((Map<String, Object>) error.getOrDefault("extensions", Map.of())).get("code")))
				.toList();
		}

		@SuppressWarnings("unchecked")
		<T> T at(String path) {
			Object node = map().get("data");
			for (String step : path.split("\\.")) {
				node = ((Map<String, Object>) node).get(step);
			}
			return (T) node;
		}

	}

}
