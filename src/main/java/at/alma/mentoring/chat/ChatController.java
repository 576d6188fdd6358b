package at.alma.mentoring.chat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Flux;

import at.alma.mentoring.member.Participant;
import at.alma.mentoring.mentorship.MentorshipRef;
import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.platform.Paging;

import org.dataloader.DataLoader;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class ChatController {

	private static final String CURSOR_KEY = "id";

	private final Chat chat;

	private final MessageFanOut fanOut;

	private final CurrentMember currentMember;

	private final MemberDirectory members;

	ChatController(Chat chat, MessageFanOut fanOut, CurrentMember currentMember, MemberDirectory members) {
		this.members = members;
		this.chat = chat;
		this.fanOut = fanOut;
		this.currentMember = currentMember;
	}

	@MutationMapping
	SendMessagePayload sendMessage(@Argument @Valid SendMessageInput input) {
		UUID caller = this.currentMember.id();
		this.members.requireVerifiedEmail(caller);
		return new SendMessagePayload(this.chat.send(caller, input.mentorshipId(), input.text()));
	}

	@MutationMapping
	MarkConversationReadPayload markConversationRead(@Argument @Valid MarkConversationReadInput input) {
		UUID me = this.currentMember.id();
		this.chat.markRead(me, input.mentorshipId());
		return new MarkConversationReadPayload(input.mentorshipId(), this.chat.unreadCount(me, input.mentorshipId()));
	}

	/**
	 * Messages as they are written; only for the two participants (a NOT_FOUND error
	 * instead of a stream for anyone else).
	 */
	@SubscriptionMapping
	Flux<ChatMessage> messageAdded(@Argument UUID mentorshipId) {
		this.chat.ofParticipant(this.currentMember.id(), mentorshipId);
		return this.fanOut.messagesOf(mentorshipId);
	}

	/**
	 * Newest first; the cursor is the message id (keyset), stable while new ones come.
	 */
	@SchemaMapping(typeName = "Mentorship", field = "messages")
	Window<ChatMessage> messages(MentorshipRef mentorship, ScrollSubrange subrange) {
		Limit limit = Paging.limit(subrange);
		long before = before(subrange.position().orElse(null));
		List<ChatMessage> page = this.chat.page(this.currentMember.id(), mentorship.getId(), before,
				Limit.of(limit.max() + 1));
		boolean hasNext = page.size() > limit.max();
		List<ChatMessage> content = hasNext ? page.subList(0, limit.max()) : page;
		// a String key: the cursor codec restores only a few value types
		return Window.from(content,
				(index) -> ScrollPosition.forward(Map.of(CURSOR_KEY, content.get(index).getId().toString())), hasNext);
	}

	@BatchMapping(typeName = "Mentorship", field = "unreadCount")
	Map<MentorshipRef, Integer> unreadCount(List<MentorshipRef> mentorships) {
		Map<UUID, Integer> counts = this.chat.unreadCounts(this.currentMember.id(),
				mentorships.stream().map(MentorshipRef::getId).collect(Collectors.toSet()));
		return mentorships.stream()
			.collect(Collectors.toMap(Function.identity(), (mentorship) -> counts.getOrDefault(mentorship.getId(), 0),
					(first, second) -> first));
	}

	@SchemaMapping(typeName = "Message", field = "sender")
	CompletableFuture<Participant> sender(ChatMessage message, DataLoader<UUID, Participant> participants) {
		return participants.load(message.getSenderId());
	}

	@SchemaMapping(typeName = "Message", field = "fromMe")
	boolean fromMe(ChatMessage message) {
		return message.getSenderId().equals(this.currentMember.id());
	}

	private static long before(ScrollPosition position) {
		if (position == null || (position instanceof OffsetScrollPosition offset && offset.isInitial())) {
			return Long.MAX_VALUE;
		}
		if (position instanceof KeysetScrollPosition keyset && keyset.getKeys().get(CURSOR_KEY) instanceof String id
				&& id.matches("[0-9]{1,18}")) {
			return Long.parseLong(id);
		}
		throw new InvalidInputException("after", "Not a cursor of this list");
	}

	record SendMessageInput(@NotNull UUID mentorshipId, @NotNull String text) {
	}

	record SendMessagePayload(ChatMessage message) {
	}

	record MarkConversationReadInput(@NotNull UUID mentorshipId) {
	}

	record MarkConversationReadPayload(UUID mentorshipId, int unreadCount) {
	}

}
