package at.alma.mentoring.chat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers new messages to the live subscriptions of their conversation on this node,
 * each message once, and only after the sending transaction committed (a rolled-back
 * message is never seen).
 * <p>
 * A message sent through this node goes out right after its commit. A message sent
 * through another node on the same database is found by {@link #poll()}, which runs every
 * {@link ChatSettings#livePollInterval()} while this node has subscriptions: one query
 * for the messages of all conversations after the low-water mark, by primary key. Message
 * ids are handed out at insert, not at commit, so a message can become visible after one
 * with a higher id; every poll therefore looks again at the ids of the last
 * {@link #LATE_COMMIT_WINDOW} and skips the ones it delivered already.
 */
@Component
class MessageFanOut implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(MessageFanOut.class);

	/**
	 * Per subscription a bounded buffer; a client that cannot keep up loses the oldest.
	 */
	private static final int BUFFER = 256;

	/** How long after its id was handed out a message may still commit and be found. */
	static final Duration LATE_COMMIT_WINDOW = Duration.ofSeconds(30);

	/** At most this many messages per poll; the next poll takes the rest. */
	private static final int POLL_LIMIT = 1000;

	private final Map<UUID, Set<FluxSink<ChatMessage>>> subscribers = new ConcurrentHashMap<>();

	private final Chat chat;

	private final ChatMessages messages;

	private final ChatSettings settings;

	private final LongSupplier nanoTime;

	/**
	 * Messages up to this id are settled: delivered, or older than the subscriptions. -1
	 * while this node has no subscription.
	 */
	private long lowWater = -1;

	/** Ids above the low-water mark already delivered on this node. */
	private final Set<Long> delivered = new HashSet<>();

	/** Per poll: when it ran and the highest id it had seen. */
	private final Deque<long[]> polls = new ArrayDeque<>();

	@Autowired
	MessageFanOut(Chat chat, ChatMessages messages, ChatSettings settings) {
		this(chat, messages, settings, System::nanoTime);
	}

	/** With its own clock (nanoseconds, as {@link System#nanoTime()}), for the tests. */
	MessageFanOut(Chat chat, ChatMessages messages, ChatSettings settings, LongSupplier nanoTime) {
		this.chat = chat;
		this.messages = messages;
		this.settings = settings;
		this.nanoTime = nanoTime;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.settings.livePollInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(this::pollQuietly, interval, interval));
	}

	/** The messages written to the conversation from the moment of subscription on. */
	Flux<ChatMessage> messagesOf(UUID mentorshipId) {
		return Flux.<ChatMessage>create((sink) -> {
			synchronized (this) {
				start();
				this.subscribers.compute(mentorshipId, (id, sinks) -> {
					Set<FluxSink<ChatMessage>> set = (sinks != null) ? sinks : ConcurrentHashMap.newKeySet();
					set.add(sink);
					return set;
				});
			}
			sink.onDispose(() -> this.subscribers.computeIfPresent(mentorshipId, (id, sinks) -> {
				sinks.remove(sink);
				return sinks.isEmpty() ? null : sinks;
			}));
		}, FluxSink.OverflowStrategy.IGNORE).onBackpressureBuffer(BUFFER, (dropped) -> {
		}, BufferOverflowStrategy.DROP_OLDEST);
	}

	int subscriberCount(UUID mentorshipId) {
		Set<FluxSink<ChatMessage>> sinks = this.subscribers.get(mentorshipId);
		return (sinks != null) ? sinks.size() : 0;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MessageSent event) {
		if (this.subscribers.containsKey(event.mentorshipId())) {
			deliver(this.chat.message(event.messageId()));
		}
	}

	/**
	 * Delivers the messages other nodes wrote since the last poll; returns how many it
	 * delivered. Does nothing while this node has no subscription.
	 */
	synchronized int poll() {
		if (this.subscribers.isEmpty()) {
			// the next subscription starts afresh from the newest message
			this.lowWater = -1;
			this.delivered.clear();
			this.polls.clear();
			return 0;
		}
		start();
		List<ChatMessage> found = this.messages.findByIdGreaterThanOrderByIdAsc(this.lowWater, Limit.of(POLL_LIMIT));
		int count = 0;
		long highest = this.lowWater;
		for (ChatMessage message : found) {
			highest = Math.max(highest, message.getId());
			if (deliver(message)) {
				count++;
			}
		}
		long now = this.nanoTime.getAsLong();
		long previous = this.polls.isEmpty() ? this.lowWater : this.polls.peekLast()[1];
		this.polls.addLast(new long[] { now, Math.max(previous, highest) });
		// what an older poll had seen has had the whole window to commit: settled
		while (!this.polls.isEmpty() && now - this.polls.peekFirst()[0] >= LATE_COMMIT_WINDOW.toNanos()) {
			this.lowWater = Math.max(this.lowWater, this.polls.pollFirst()[1]);
		}
		if (found.size() == POLL_LIMIT) {
			// a burst: take the rest from after it in the next poll
			this.lowWater = Math.max(this.lowWater, highest);
		}
		long settled = this.lowWater;
		this.delivered.removeIf((id) -> id <= settled);
		return count;
	}

	private void pollQuietly() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			// the next poll looks again: nothing past the low-water mark is lost
			logger.warn("Could not look for chat messages of other nodes", ex);
		}
	}

	/** With the first subscription: from now on, newer messages are delivered. */
	private synchronized void start() {
		if (this.lowWater < 0) {
			ChatMessage newest = this.messages.findFirstByOrderByIdDesc();
			this.lowWater = (newest != null) ? newest.getId() : 0;
		}
	}

	/**
	 * Hands the message to the subscriptions of its conversation on this node, unless it
	 * was seen before. A message no one here subscribes to counts as seen, so a later
	 * subscription does not get it.
	 */
	private synchronized boolean deliver(ChatMessage message) {
		if (!this.delivered.add(message.getId())) {
			return false;
		}
		Set<FluxSink<ChatMessage>> sinks = this.subscribers.get(message.getMentorshipId());
		if (sinks == null) {
			return false;
		}
		sinks.forEach((sink) -> sink.next(message));
		return true;
	}

}
