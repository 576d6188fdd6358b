package at.alma.mentoring.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import at.alma.mentoring.mentorship.MentorshipStatus;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conversation's own rules, without Spring. */
class ConversationTests {

	private final UUID mentee = UUID.randomUUID();

	private final UUID mentor = UUID.randomUUID();

	private final Instant now = Instant.parse("2027-03-01T10:15:30Z");

	private final Clock clock = Clock.fixed(this.now, ZoneOffset.UTC);

	private final Conversation conversation = new Conversation(UUID.randomUUID(), this.mentee, this.mentor, this.now);

	@ParameterizedTest
	@EnumSource(value = MentorshipStatus.class, names = { "ACCEPTED", "ACTIVE" })
	void participantsWriteWhileTheMentorshipIsOpen(MentorshipStatus status) {
		ChatMessage message = this.conversation.post(this.mentor, "\n Hello \n", status, this.clock);
		assertThat(message.getText()).isEqualTo("Hello");
		assertThat(message.getSenderId()).isEqualTo(this.mentor);
		assertThat(message.getSentAt()).isEqualTo(this.now);
		assertThat(message.getMentorshipId()).isEqualTo(this.conversation.getMentorshipId());
	}

	@ParameterizedTest
	@EnumSource(value = MentorshipStatus.class, names = { "COMPLETED", "TERMINATED" })
	void isReadOnlyOnceTheMentorshipEnded(MentorshipStatus status) {
		assertThatThrownBy(() -> this.conversation.post(this.mentee, "Hello", status, this.clock))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.getCode()).isEqualTo("CHAT_READ_ONLY"));
	}

	@Test
	void nobodyElseWrites() {
		assertThatThrownBy(
				() -> this.conversation.post(UUID.randomUUID(), "Hello", MentorshipStatus.ACTIVE, this.clock))
			.isInstanceOfSatisfying(DomainException.class, (ex) -> assertThat(ex.getCode()).isEqualTo("NOT_FOUND"));
	}

	@Test
	void refusesBlankAndOverlongText() {
		for (String text : new String[] { null, "", " \t\n ", "x".repeat(Conversation.MAX_TEXT_LENGTH + 1) }) {
			assertThatThrownBy(() -> this.conversation.post(this.mentee, text, MentorshipStatus.ACTIVE, this.clock))
				.isInstanceOfSatisfying(InvalidInputException.class,
						(ex) -> assertThat(ex.getField()).isEqualTo("input.text"));
		}
		assertThat(this.conversation
			.post(this.mentee, "x".repeat(Conversation.MAX_TEXT_LENGTH), MentorshipStatus.ACTIVE, this.clock)
			.getText()).hasSize(Conversation.MAX_TEXT_LENGTH);
	}

	@Test
	void knowsTheOtherSide() {
		assertThat(this.conversation.otherThan(this.mentee)).isEqualTo(this.mentor);
		assertThat(this.conversation.otherThan(this.mentor)).isEqualTo(this.mentee);
	}

}
