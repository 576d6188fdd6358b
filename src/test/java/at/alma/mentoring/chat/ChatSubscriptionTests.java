package at.alma.mentoring.chat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code subscription messageAdded} over a real WebSocket (graphql-ws protocol) against
 * the running server: participants get the other side's messages live, nobody else gets
 * the stream, and a connection without a token is closed.
 */
class ChatSubscriptionTests extends ChatApiSupport {

	private static final String SUBSCRIPTION = "subscription($id: ID!) { messageAdded(mentorshipId: $id) { "
			+ MESSAGE_FIELDS + " } }";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	MessageFanOut fanOut;

	private WebSocketGraphQlClient client;

	@AfterEach
	void disconnect() {
		if (this.client != null) {
			this.client.stop().block(TIMEOUT);
		}
	}

	@Test
	void participantReceivesWhatTheOtherSideSendsOverHttp() {
		Account mentee = signUp("Mia", "Live", "MENTEE");
		Account mentor = signUp("Otto", "Live", "MENTOR");
		UUID id = accepted(mentee, mentor);

		this.client = client(mentee.token());
		StepVerifier.create(this.client.document(SUBSCRIPTION).variable("id", id).executeSubscription()).then(() -> {
			await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 1);
			sendOk(mentor, id, "Hello from the mentor");
			sendOk(mentee, id, "and my own echo");
		}).assertNext((response) -> {
			assertThat(response.getErrors()).isEmpty();
			assertThat((Object) response.field("messageAdded.text").getValue()).isEqualTo("Hello from the mentor");
			assertThat((Object) response.field("messageAdded.sender.id").getValue()).isEqualTo(mentor.id().toString());
			assertThat((Object) response.field("messageAdded.fromMe").getValue()).isEqualTo(false);
		}).assertNext((response) -> {
			assertThat((Object) response.field("messageAdded.text").getValue()).isEqualTo("and my own echo");
			assertThat((Object) response.field("messageAdded.fromMe").getValue()).isEqualTo(true);
		}).thenCancel().verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 0);
	}

	@Test
	void aMemberOutsideTheMentorshipGetsAnErrorInsteadOfTheStream() {
		Account mentee = signUp("Mia", "Closed", "MENTEE");
		Account mentor = signUp("Otto", "Closed", "MENTOR");
		Account stranger = signUp("Eve", "Closed", "MENTEE");
		UUID id = accepted(mentee, mentor);

		this.client = client(stranger.token());
		StepVerifier.create(this.client.document(SUBSCRIPTION).variable("id", id).executeSubscription())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(SubscriptionErrorException.class,
					(error) -> assertThat(error.getErrors())
						.anySatisfy((e) -> assertThat(e.getExtensions()).containsEntry("code", "NOT_FOUND"))))
			.verify(TIMEOUT);
		assertThat(this.fanOut.subscriberCount(id)).isZero();
	}

	@Test
	void aConnectionWithoutAValidTokenIsRefused() {
		Account mentee = signUp("Mia", "Anonymous", "MENTEE");
		Account mentor = signUp("Otto", "Anonymous", "MENTOR");
		UUID id = accepted(mentee, mentor);

		for (String token : new String[] { null, "not-a-jwt", mentee.token() + "x" }) {
			WebSocketGraphQlClient refused = client(token);
			try {
				StepVerifier.create(refused.document(SUBSCRIPTION).variable("id", id).executeSubscription())
					.expectError()
					.verify(TIMEOUT);
			}
			finally {
				refused.stop().onErrorResume((ex) -> Mono.empty()).block(TIMEOUT);
			}
		}
		assertThat(this.fanOut.subscriberCount(id)).isZero();
	}

	private WebSocketGraphQlClient client(String token) {
		var builder = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + this.port + "/graphql-ws"),
				new ReactorNettyWebSocketClient());
		if (token != null) {
			builder.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			});
		}
		return builder.build();
	}

}
