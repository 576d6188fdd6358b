package at.alma.mentoring.chat;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import at.alma.mentoring.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code subscription messageAdded} over a real WebSocket (graphql-ws protocol) against
 * the running server: participants get the other side's messages live, also those sent
 * through another node (a row in the database), each once; nobody else gets the stream,
 * and a connection without a token is closed.
 */
class ChatSubscriptionTests extends ApiTest {

	private static final String SUBSCRIPTION = """
			subscription($id: ID!) {
			    messageAdded(mentorshipId: $id) { id mentorshipId text sentAt fromMe sender { id firstName } }
			}""";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	MessageFanOut fanOut;

	@Autowired
	Chat chat;

	@Autowired
	ChatMessages chatMessages;

	@Autowired
	ChatSettings chatSettings;

	@Autowired
	DataSource dataSource;

	@Autowired
	List<ScheduledTaskHolder> scheduledTasks;

	private WebSocketGraphQlClient client;

	@AfterEach
	void disconnect() {
		if (this.client != null) {
			this.client.stop().block(TIMEOUT);
		}
	}

	/** No poll runs here (application-test.yml): the messages come with their commit. */
	@Test
	void participantReceivesWhatTheOtherSideSendsOverHttp() {
		Account mentee = signUp("Mia", "Live", "MENTEE");
		Account mentor = signUp("Otto", "Live", "MENTOR");
		UUID id = accepted(mentee, mentor);

		this.client = client(mentee.token());
		StepVerifier.create(this.client.document(SUBSCRIPTION).variable("id", id).executeSubscription()).then(() -> {
			await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 1);
			this.scenarios.sendOk(mentor, id, "Hello from the mentor");
			this.scenarios.sendOk(mentee, id, "and my own echo");
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
	void aMessageSentThroughAnotherNodeArrivesOnce() {
		Account mentee = signUp("Mia", "Cluster", "MENTEE");
		Account mentor = signUp("Otto", "Cluster", "MENTOR");
		UUID id = accepted(mentee, mentor);

		this.client = client(mentee.token());
		StepVerifier.create(this.client.document(SUBSCRIPTION).variable("id", id).executeSubscription()).then(() -> {
			await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 1);
			// what another node's sendMessage commits: a row and no event here; the poll
			// finds it
			this.jdbc.update("insert into chat_messages (mentorship_id, sender_id, body, sent_at) values (?, ?, ?, ?)",
					id.toString(), mentor.id().toString(), "Hello from node B", Timestamp.from(this.clock.instant()));
			assertThat(this.fanOut.poll()).isEqualTo(1);
		})
			.assertNext((response) -> assertThat((Object) response.field("messageAdded.text").getValue())
				.isEqualTo("Hello from node B"))
			.then(() -> {
				this.scenarios.sendOk(mentor, id, "Hello from this node");
				// delivered with its commit already: the polls find nothing new
				assertThat(this.fanOut.poll()).isZero();
				assertThat(this.fanOut.poll()).isZero();
			})
			.assertNext((response) -> assertThat((Object) response.field("messageAdded.text").getValue())
				.isEqualTo("Hello from this node"))
			.expectNoEvent(Duration.ofSeconds(1))
			.thenCancel()
			.verify(TIMEOUT);
	}

	@Test
	void thePollIsScheduledWithTheConfiguredInterval() {
		List<IntervalTask> polls = this.scheduledTasks.stream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.map(ScheduledTask::getTask)
			.filter((task) -> MessageFanOut.SCHEDULED_TASK.equals(task.toString()))
			.map(IntervalTask.class::cast)
			.toList();
		assertThat(polls).singleElement()
			.satisfies(
					(task) -> assertThat(task.getIntervalDuration()).isEqualTo(this.chatSettings.livePollInterval()));
	}

	@Test
	void aMessageCommittedAfterANewerOneStillArrives() throws Exception {
		Account mentee = signUp("Mia", "Late", "MENTEE");
		Account mentor = signUp("Otto", "Late", "MENTOR");
		UUID id = accepted(mentee, mentor);
		AtomicLong nanos = new AtomicLong();
		// a node of its own, with its own clock
		MessageFanOut node = new MessageFanOut(this.chat, this.chatMessages, this.chatSettings, nanos::get);
		List<String> received = new CopyOnWriteArrayList<>();
		Disposable subscription = null;
		try (Connection slow = this.dataSource.getConnection()) {
			// the slow transaction takes its id first and commits last, after the
			// subscription; the message after it committed before the subscription. This
			// must hold also when no older message exists (the test run alone): then the
			// slow one's id is below every committed one
			slow.setAutoCommit(false);
			insert(slow, id, mentor.id(), "slow");
			insert(null, id, mentor.id(), "before");
			subscription = node.messagesOf(id).subscribe((message) -> received.add(message.getText()));
			insert(null, id, mentor.id(), "fast");
			node.poll();
			assertThat(received).containsExactly("fast");
			nanos.addAndGet(Duration.ofSeconds(5).toNanos());
			slow.commit();
			node.poll();
			assertThat(received).containsExactly("fast", "slow");
			// settled after the window: nothing arrives twice
			nanos.addAndGet(MessageFanOut.LATE_COMMIT_WINDOW.toNanos());
			node.poll();
			node.poll();
			assertThat(received).containsExactly("fast", "slow");
			insert(null, id, mentor.id(), "later");
			node.poll();
			assertThat(received).containsExactly("fast", "slow", "later");
		}
		finally {
			if (subscription != null) {
				subscription.dispose();
			}
		}
		assertThat(node.subscriberCount(id)).isZero();
		assertThat(node.poll()).isZero();
	}

	/**
	 * A message row as sendMessage writes it; {@code null}: in a transaction of its own.
	 */
	private void insert(Connection connection, UUID mentorshipId, UUID senderId, String text) throws Exception {
		String sql = "insert into chat_messages (mentorship_id, sender_id, body, sent_at) values (?, ?, ?, ?)";
		if (connection == null) {
			this.jdbc.update(sql, mentorshipId.toString(), senderId.toString(), text,
					Timestamp.from(this.clock.instant()));
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, mentorshipId.toString());
			statement.setString(2, senderId.toString());
			statement.setString(3, text);
			statement.setTimestamp(4, Timestamp.from(this.clock.instant()));
			statement.executeUpdate();
		}
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
	void subscriptionsAreCappedPerConnectionAndPerMember() {
		Account mentee = signUp("Mia", "Many", "MENTEE");
		Account mentor = signUp("Otto", "Many", "MENTOR");
		UUID id = accepted(mentee, mentor);
		List<Disposable> open = new CopyOnWriteArrayList<>();
		List<WebSocketGraphQlClient> more = new CopyOnWriteArrayList<>();
		try {
			this.client = client(mentee.token());
			for (int i = 0; i < 10; i++) {
				open.add(this.client.document(SUBSCRIPTION).variable("id", id).executeSubscription().subscribe());
			}
			await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 10);
			expectTooMany(this.client, id);
			// one ends: room for one more on the same connection
			open.remove(0).dispose();
			await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 9);
			open.add(this.client.document(SUBSCRIPTION).variable("id", id).executeSubscription().subscribe());
			await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 10);
			// a second connection takes the member to 20, a third gets nothing more
			WebSocketGraphQlClient second = client(mentee.token());
			more.add(second);
			for (int i = 0; i < 10; i++) {
				open.add(second.document(SUBSCRIPTION).variable("id", id).executeSubscription().subscribe());
			}
			await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 20);
			WebSocketGraphQlClient third = client(mentee.token());
			more.add(third);
			expectTooMany(third, id);
			// the other participant has an allowance of their own
			WebSocketGraphQlClient mentors = client(mentor.token());
			more.add(mentors);
			open.add(mentors.document(SUBSCRIPTION).variable("id", id).executeSubscription().subscribe());
			await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 21);
		}
		finally {
			open.forEach(Disposable::dispose);
			more.forEach((client) -> client.stop().onErrorResume((ex) -> Mono.empty()).block(TIMEOUT));
		}
		await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 0);
	}

	private void expectTooMany(WebSocketGraphQlClient client, UUID id) {
		StepVerifier.create(client.document(SUBSCRIPTION).variable("id", id).executeSubscription())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(SubscriptionErrorException.class,
					(error) -> assertThat(error.getErrors()).anySatisfy(
							(e) -> assertThat(e.getExtensions()).containsEntry("code", "TOO_MANY_SUBSCRIPTIONS"))))
			.verify(TIMEOUT);
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

	@Test
	void aRevokedTokenEndsTheSubscriptionAndOpensNoNewOne() {
		Account mentee = signUp("Mia", "Revoked", "MENTEE");
		Account mentor = signUp("Otto", "Revoked", "MENTOR");
		UUID id = accepted(mentee, mentor);

		this.client = client(mentee.token());
		StepVerifier.create(this.client.document(SUBSCRIPTION).variable("id", id).executeSubscription()).then(() -> {
			await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 1);
			// the password changed through another client: the old token is revoked
			as(mentee).document("""
					mutation($p: String!) {
					  changePassword(input: {currentPassword: $p, newPassword: "another horse battery"}) { token }
					}""").variable("p", PASSWORD).execute().errors().verify();
		})
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(SubscriptionErrorException.class,
					(error) -> assertThat(error.getErrors())
						.anySatisfy((e) -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHORIZED")
							.containsEntry("reason", "REVOKED"))))
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> this.fanOut.subscriberCount(id) == 0);

		WebSocketGraphQlClient refused = client(mentee.token());
		try {
			StepVerifier.create(refused.document(SUBSCRIPTION).variable("id", id).executeSubscription())
				.expectError()
				.verify(TIMEOUT);
		}
		finally {
			refused.stop().onErrorResume((ex) -> Mono.empty()).block(TIMEOUT);
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
