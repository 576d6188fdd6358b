package at.alma.mentoring.chat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
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
 * for the ids (and conversations) of the messages after the low-water mark, by primary
 * key, and one for the few messages to deliver. Message ids are handed out at insert, not
 * at commit, so a message can become visible after one with a higher id; every poll
 * therefore looks again at the ids of the last {@link #LATE_COMMIT_WINDOW} and skips the
 * ones it has seen. Polls run one at a time; a new subscription and the delivery after a
 * local commit never wait for one.
 */
@Component
class MessageFanOut implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(MessageFanOut.class);

	static final String SCHEDULED_TASK = "MessageFanOut.poll";

	/**
	 * Per subscription a bounded buffer; a client that cannot keep up loses the oldest.
	 */
	private static final int BUFFER = 256;

	/**
	 * How long after its id was handed out a message may still commit and be found:
	 * longer than a sending transaction can wait for a row lock (InnoDB's default lock
	 * wait is 50 s).
	 */
	static final Duration LATE_COMMIT_WINDOW = Duration.ofMinutes(2);

	/**
	 * When the first subscription starts, the ids of the newest messages that are looked
	 * at again: one of them may belong to a transaction still running on another node.
	 */
	static final int START_LOOKBACK = 1000;

	/**
	 * At most this many ids per poll. Above that (a burst of this many messages within
	 * the window) the low-water mark moves past the burst, and a late commit inside it
	 * can be missed.
	 */
	private static final int POLL_LIMIT = 10_000;

	private final Map<UUID, Set<FluxSink<ChatMessage>>> subscribers = new ConcurrentHashMap<>();

	/** Ids above the low-water mark delivered or settled on this node. */
	private final Set<Long> seen = ConcurrentHashMap.newKeySet();

	private final Chat chat;

	private final ChatMessages messages;

	private final ChatSettings settings;

	private final LongSupplier nanoTime;

	/**
	 * Messages up to this id are settled: delivered, or older than the subscriptions. -1
	 * while this node has no subscription. Guarded by {@code this}, as is {@link #polls}.
	 */
	private long lowWater = -1;

	/** Per poll: when it ran and the highest id seen by then. */
	private final Deque<long[]> polls = new ArrayDeque<>();

	/** One poll at a time (the scheduled one, or a test's). */
	private final Lock pollLock = new ReentrantLock();

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
		registrar.addFixedDelayTask(new FixedDelayTask(new Runnable() {

			@Override
			public void run() {
				pollQuietly();
			}

			/** The task's name among the scheduled tasks (actuator, logs). */
			@Override
			public String toString() {
				return SCHEDULED_TASK;
			}

		}, interval, interval));
	}

	/** The messages committed to the conversation from the moment of subscription on. */
	Flux<ChatMessage> messagesOf(UUID mentorshipId) {
		return Flux.<ChatMessage>create((sink) -> {
			register(mentorshipId, sink);
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
	 * Delivers the messages other nodes committed since the last poll; returns how many
	 * it delivered. Does nothing while this node has no subscription.
	 */
	int poll() {
		this.pollLock.lock();
		try {
			return pollExclusively();
		}
		finally {
			this.pollLock.unlock();
		}
	}

	private int pollExclusively() {
		long from;
		synchronized (this) {
			if (this.subscribers.isEmpty()) {
				// the next subscription starts afresh
				this.lowWater = -1;
				this.seen.clear();
				this.polls.clear();
				return 0;
			}
			// a subscription is registered only once the mark is set (register)
			from = this.lowWater;
		}
		List<ChatMessages.MessageRef> found = this.messages.findByIdGreaterThanOrderByIdAsc(from, Limit.of(POLL_LIMIT));
		List<Long> wanted = new ArrayList<>();
		for (ChatMessages.MessageRef ref : found) {
			if (this.subscribers.containsKey(ref.mentorshipId())) {
				if (!this.seen.contains(ref.id())) {
					wanted.add(ref.id());
				}
			}
			else {
				// nobody here listens to it: a later subscription does not get it either
				this.seen.add(ref.id());
			}
		}
		int delivered = 0;
		if (!wanted.isEmpty()) {
			List<ChatMessage> toDeliver = this.messages.findAllById(wanted)
				.stream()
				.sorted(Comparator.comparing(ChatMessage::getId))
				.toList();
			for (ChatMessage message : toDeliver) {
				if (deliver(message)) {
					delivered++;
				}
			}
		}
		long highest = found.isEmpty() ? from : found.get(found.size() - 1).id();
		synchronized (this) {
			settle(highest, found.size() == POLL_LIMIT);
		}
		return delivered;
	}

	/** After a poll: what an older poll had seen has had the whole window to commit. */
	private void settle(long highest, boolean burst) {
		long now = this.nanoTime.getAsLong();
		long previous = this.polls.isEmpty() ? this.lowWater : this.polls.peekLast()[1];
		this.polls.addLast(new long[] { now, Math.max(previous, highest) });
		while (!this.polls.isEmpty() && now - this.polls.peekFirst()[0] >= LATE_COMMIT_WINDOW.toNanos()) {
			this.lowWater = Math.max(this.lowWater, this.polls.pollFirst()[1]);
		}
		if (burst) {
			this.lowWater = Math.max(this.lowWater, highest);
		}
		long settled = this.lowWater;
		this.seen.removeIf((id) -> id <= settled);
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

	/**
	 * Adds the subscription. The first one on this node first sets the mark: the messages
	 * committed by then count as seen, and the ids of the newest {@link #START_LOOKBACK}
	 * are looked at again for late commits. The query runs outside the lock; the mark and
	 * the subscription are set together, so a poll never sees one without the other.
	 */
	private void register(UUID mentorshipId, FluxSink<ChatMessage> sink) {
		synchronized (this) {
			if (this.lowWater >= 0) {
				add(mentorshipId, sink);
				return;
			}
		}
		List<ChatMessages.MessageRef> newest = this.messages.findByOrderByIdDesc(Limit.of(START_LOOKBACK));
		synchronized (this) {
			if (this.lowWater < 0) {
				for (ChatMessages.MessageRef ref : newest) {
					this.seen.add(ref.id());
				}
				// fewer than the look-back: an id below the oldest may belong to a
				// transaction still open, so look at every id
				this.lowWater = (newest.size() < START_LOOKBACK) ? 0 : newest.get(newest.size() - 1).id() - 1;
				this.polls.addLast(new long[] { this.nanoTime.getAsLong(), newest.isEmpty() ? 0 : newest.get(0).id() });
			}
			add(mentorshipId, sink);
		}
	}

	private void add(UUID mentorshipId, FluxSink<ChatMessage> sink) {
		this.subscribers.compute(mentorshipId, (id, sinks) -> {
			Set<FluxSink<ChatMessage>> set = (sinks != null) ? sinks : ConcurrentHashMap.newKeySet();
			set.add(sink);
			return set;
		});
	}

	/**
	 * Hands the message to the subscriptions of its conversation on this node, unless it
	 * was seen before.
	 */
	private boolean deliver(ChatMessage message) {
		if (!this.seen.add(message.getId())) {
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
