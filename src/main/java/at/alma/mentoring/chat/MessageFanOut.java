package at.alma.mentoring.chat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers new messages to the live subscriptions of their conversation, in this server
 * process only, once the sending transaction has committed (a rolled-back message is
 * never seen). A subscriber on another server instance does not see them (README,
 * "Chat").
 */
@Component
class MessageFanOut {

	/**
	 * Per subscription a bounded buffer; a client that cannot keep up loses the oldest.
	 */
	private static final int BUFFER = 256;

	private final Map<UUID, Set<FluxSink<ChatMessage>>> subscribers = new ConcurrentHashMap<>();

	private final Chat chat;

	MessageFanOut(Chat chat) {
		this.chat = chat;
	}

	/** The messages written to the conversation from the moment of subscription on. */
	Flux<ChatMessage> messagesOf(UUID mentorshipId) {
		return Flux.<ChatMessage>create((sink) -> {
			this.subscribers.compute(mentorshipId, (id, sinks) -> {
				Set<FluxSink<ChatMessage>> set = (sinks != null) ? sinks : ConcurrentHashMap.newKeySet();
				set.add(sink);
				return set;
			});
			sink.onDispose(() -> this.subscribers.computeIfPresent(mentorshipId, (id, sinks) -> {
				sinks.remove(sink);
				return sinks.isEmpty() ? null : sinks;
			}));
		}, FluxSink.OverflowStrategy.IGNORE).onBackpressureBuffer(BUFFER, (dropped) -> {
		}, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST);
	}

	int subscriberCount(UUID mentorshipId) {
		Set<FluxSink<ChatMessage>> sinks = this.subscribers.get(mentorshipId);
		return (sinks != null) ? sinks.size() : 0;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MessageSent event) {
		Set<FluxSink<ChatMessage>> sinks = this.subscribers.get(event.mentorshipId());
		if (sinks == null || sinks.isEmpty()) {
			return;
		}
		ChatMessage message = this.chat.message(event.messageId());
		sinks.forEach((sink) -> sink.next(message));
	}

}
