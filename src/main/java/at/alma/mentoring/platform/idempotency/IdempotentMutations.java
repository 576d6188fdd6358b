package at.alma.mentoring.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.graphql.GraphQlErrors;
import at.alma.mentoring.platform.idempotency.IdempotentRequests.Claim;
import at.alma.mentoring.platform.idempotency.IdempotentRequests.Claimed;
import at.alma.mentoring.platform.idempotency.IdempotentRequests.Completed;
import at.alma.mentoring.platform.idempotency.IdempotentRequests.Refused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} header of {@code POST /graphql}: a mutation repeated with
 * the same key by the same caller gets the response of the first one instead of running
 * again, on whichever node it arrives. The key is claimed in the database before the
 * mutation runs, the whole response (data and errors) is stored after it, and a repeat
 * gets that response with {@code Idempotent-Replayed: true}. Queries with a key run as
 * usual. The outermost interceptor: it checks the key before anything runs and stores
 * what the client receives.
 *
 * <p>
 * Runs on the servlet request thread, like the execution itself, so it may block: a
 * repeat of a request still in progress polls until it completes or
 * {@link IdempotencySettings#maxWait()} is over.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdempotentMutations implements WebGraphQlInterceptor {

	public static final String KEY_HEADER = "Idempotency-Key";

	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	static final String ANONYMOUS = "anonymous";

	private static final int MAX_KEY_LENGTH = 255;

	/**
	 * Refusals that mean "nothing changed, try again (later)": not stored, so a repeat
	 * with the same key runs.
	 */
	private static final Set<Object> TRANSIENT_CODES = Set.of("SERVICE_UNAVAILABLE", "CONCURRENT_CHANGE",
			"TOO_MANY_SIGN_UPS", "TOO_MANY_SIGN_IN_ATTEMPTS");

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final Log logger = LogFactory.getLog(IdempotentMutations.class);

	private final IdempotentRequests requests;

	private final CurrentMember currentMember;

	private final IdempotencySettings settings;

	private final ObjectMapper json;

	/** Sorted map keys: the same variables in another order are the same request. */
	private final ObjectMapper canonicalJson;

	private final Counter replays;

	IdempotentMutations(IdempotentRequests requests, CurrentMember currentMember, IdempotencySettings settings,
			ObjectMapper objectMapper, MeterRegistry meters) {
		this.replays = Counter.builder("mentoring.idempotency.replays")
			.description(
					"Mutations answered with the stored response of an earlier request with the same Idempotency-Key")
			.register(meters);
		this.requests = requests;
		this.currentMember = currentMember;
		this.settings = settings;
		this.json = objectMapper;
		this.canonicalJson = objectMapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		List<String> keys = request.getHeaders().get(KEY_HEADER);
		if (request instanceof WebSocketGraphQlRequest || keys == null || keys.isEmpty()) {
			return chain.next(request);
		}
		if (keys.size() != 1 || !isValid(keys.get(0))) {
			return Mono.just(refusal(request, "IDEMPOTENCY_KEY_INVALID",
					"The Idempotency-Key header must be sent once, with 1 to 255 visible ASCII characters"));
		}
		Optional<OperationDefinition> mutation = selectedMutation(request);
		if (mutation.isEmpty()) {
			return chain.next(request);
		}
		boolean oneRootField = hasOneRootField(mutation.get());
		String key = keys.get(0);
		String scope = this.currentMember.idIfSignedIn().map(Object::toString).orElse(ANONYMOUS);
		String fingerprint = fingerprint(request);
		return Mono.defer(() -> {
			Claim claim;
			try {
				claim = awaitClaim(scope, key, fingerprint);
			}
			catch (RuntimeException ex) {
				if (GraphQlErrors.isDatabaseUnreachable(ex)) {
					return Mono.just(refusal(request, "SERVICE_UNAVAILABLE",
							"The service cannot reach its database right now; nothing was changed, try again shortly"));
				}
				throw ex;
			}
			if (claim instanceof Completed completed) {
				this.replays.increment();
				return Mono.just(replay(request, completed.response()));
			}
			if (claim instanceof Refused refused) {
				return Mono.just(refusal(request, refused.code(), message(refused)));
			}
			String claimId = ((Claimed) claim).claimId();
			// deferred: a failure while the chain is assembled releases the claim too
			return Mono.defer(() -> chain.next(request))
				.onErrorResume((ex) -> release(scope, key, claimId).then(Mono.error(ex)))
				.flatMap((response) -> (oneRootField && isTransient(response))
						? release(scope, key, claimId).thenReturn(response)
						: Mono.just(store(scope, key, claimId, response)));
		});
	}

	/**
	 * An answer that says nothing was changed and the client should try again is not the
	 * key's result: the database was unreachable, someone changed the same thing at the
	 * same moment, or a throttle refused. The claim is released, so the repeat with the
	 * same key runs again. Only for a mutation with one root field: with two, the first
	 * may have committed before the second failed, and as every root field is non-null,
	 * the failure of the second makes the whole {@code data} null.
	 */
	private static boolean isTransient(WebGraphQlResponse response) {
		List<ResponseError> errors = response.getErrors();
		return !errors.isEmpty()
				&& errors.stream().allMatch((error) -> TRANSIENT_CODES.contains(error.getExtensions().get("code")))
				&& nothingDone(response.getData());
	}

	/**
	 * No root field of the mutation has a result: with two root fields, the first may
	 * have committed before the second failed, and then the answer must be kept.
	 */
	private static boolean nothingDone(Object data) {
		return !(data instanceof Map<?, ?> fields) || fields.values().stream().allMatch(Objects::isNull);
	}

	/** 1 to 255 visible ASCII characters (no spaces, no control characters). */
	static boolean isValid(String key) {
		return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e);
	}

	/** Exactly one field at the root, not a fragment that might hold several. */
	private static boolean hasOneRootField(OperationDefinition operation) {
		List<Selection> selections = operation.getSelectionSet().getSelections();
		return selections.size() == 1 && selections.get(0) instanceof Field;
	}

	/**
	 * The operation the request selects, when it is a mutation. A document that does not
	 * parse or select one operation runs unrecorded: graphql-java refuses it anyway.
	 */
	private static Optional<OperationDefinition> selectedMutation(WebGraphQlRequest request) {
		if (request.getDocument() == null) {
			return Optional.empty();
		}
		Document document;
		try {
			document = Parser.parse(request.getDocument());
		}
		catch (InvalidSyntaxException ex) {
			return Optional.empty();
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		String name = request.getOperationName();
		Optional<OperationDefinition> selected = (name == null || name.isEmpty())
				? ((operations.size() == 1) ? Optional.of(operations.get(0)) : Optional.empty())
				: operations.stream().filter((operation) -> name.equals(operation.getName())).findFirst();
		return selected.filter((operation) -> operation.getOperation() == OperationDefinition.Operation.MUTATION);
	}

	/** SHA-256 over document, operation name and variables (map keys sorted). */
	private String fingerprint(WebGraphQlRequest request) {
		Map<String, Object> canonical = new LinkedHashMap<>();
		canonical.put("query", request.getDocument());
		canonical.put("operationName", request.getOperationName());
		canonical.put("variables", request.getVariables());
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(this.canonicalJson.writeValueAsBytes(canonical));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException | JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Claims the key, waiting a while for a claim in progress to complete. */
	private Claim awaitClaim(String scope, String key, String fingerprint) {
		long deadline = System.nanoTime() + this.settings.maxWait().toNanos();
		while (true) {
			Claim claim = this.requests.claim(scope, key, fingerprint);
			if (claim != Claim.IN_PROGRESS || System.nanoTime() >= deadline) {
				return claim;
			}
			if (!sleep(this.settings.pollInterval())) {
				return claim;
			}
		}
	}

	private static boolean sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Stores the response as the key's result. If that fails, the client still gets it;
	 * the claim stays in progress until its lease ends (a repeat is refused until then,
	 * and runs again afterwards).
	 */
	private WebGraphQlResponse store(String scope, String key, String claimId, WebGraphQlResponse response) {
		try {
			if (!this.requests.complete(scope, key, claimId, this.json.writeValueAsString(response.toMap()))) {
				logger.warn("Idempotency-Key claim " + claimId + " was taken over before its request finished; "
						+ "the request ran twice");
			}
		}
		catch (JsonProcessingException | RuntimeException ex) {
			logger.warn("Could not store the response of Idempotency-Key claim " + claimId
					+ "; it stays in progress until its lease ends", ex);
		}
		return response;
	}

	/** The request failed without a GraphQL result: a repeat may run it again. */
	private Mono<Void> release(String scope, String key, String claimId) {
		return Mono.fromRunnable(() -> {
			try {
				this.requests.release(scope, key, claimId);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not release Idempotency-Key claim " + claimId
						+ "; it stays in progress until its lease ends", ex);
			}
		});
	}

	private WebGraphQlResponse replay(WebGraphQlRequest request, String stored) {
		Map<String, Object> specification;
		try {
			specification = this.json.readValue(stored, MAP);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored response of an Idempotency-Key is not JSON", ex);
		}
		WebGraphQlResponse response = response(request, fromSpecification(specification));
		response.getResponseHeaders().set(REPLAYED_HEADER, "true");
		return response;
	}

	/** The result whose {@code toSpecification()} is {@code specification} again. */
	@SuppressWarnings("unchecked")
	private static ExecutionResult fromSpecification(Map<String, Object> specification) {
		var result = ExecutionResult.newExecutionResult();
		if (specification.get("errors") instanceof List<?> errors) {
			result.errors(errors.stream()
				.map((error) -> (GraphQLError) new StoredError((Map<String, Object>) error))
				.toList());
		}
		if (specification.containsKey("data")) {
			result.data(specification.get("data"));
		}
		if (specification.get("extensions") instanceof Map<?, ?> extensions) {
			result.extensions((Map<Object, Object>) extensions);
		}
		return result.build();
	}

	private static String message(Refused refused) {
		return (refused == Claim.REUSED)
				? "This Idempotency-Key was used for a different request (document, operation name or variables); "
						+ "use a new key for a new request"
				: "A request with this Idempotency-Key is still running; repeat it later to get its result";
	}

	/** A request error: no data, nothing ran. */
	private static WebGraphQlResponse refusal(WebGraphQlRequest request, String code, String message) {
		GraphQLError error = GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(new LinkedHashMap<>(Map.of("code", code)))
			.build();
		return response(request, ExecutionResult.newExecutionResult().addError(error).build());
	}

	private static WebGraphQlResponse response(WebGraphQlRequest request, ExecutionResult result) {
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	/** An error of a stored response, given back exactly as it was sent. */
	private record StoredError(Map<String, Object> specification) implements GraphQLError {

		@Override
		public String getMessage() {
			return String.valueOf(this.specification.get("message"));
		}

		@Override
		public List<SourceLocation> getLocations() {
			if (!(this.specification.get("locations") instanceof List<?> locations)) {
				return null;
			}
			return locations.stream()
				.filter(Map.class::isInstance)
				.map((location) -> new SourceLocation(number(((Map<?, ?>) location).get("line")),
						number(((Map<?, ?>) location).get("column"))))
				.toList();
		}

		@Override
		public ErrorClassification getErrorType() {
			Map<String, Object> extensions = getExtensions();
			Object classification = (extensions != null) ? extensions.get("classification") : null;
			return (classification != null) ? ErrorClassification.errorClassification(classification.toString()) : null;
		}

		@Override
		@SuppressWarnings("unchecked")
		public List<Object> getPath() {
			return (List<Object>) this.specification.get("path");
		}

		@Override
		@SuppressWarnings("unchecked")
		public Map<String, Object> getExtensions() {
			return (Map<String, Object>) this.specification.get("extensions");
		}

		@Override
		public Map<String, Object> toSpecification() {
			return this.specification;
		}

		private static int number(Object value) {
			return (value instanceof Number number) ? number.intValue() : -1;
		}

	}

}
