package at.alma.mentoring.notification;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The registry of mail composers: each kind is built by exactly one composer, and what is
 * not fails when the application starts, not when the mail is first sent.
 */
class MailComposersTests {

	@Test
	void findsTheComposerOfEveryKindByItsWireName() {
		var composers = new MailComposers(List.of(new Composer(Set.of(Greeting.HELLO)),
				new Composer(Set.of(Greeting.GOODBYE)), new Composer(Set.of(Other.NOTICE))));

		assertThat(composers.kind("HELLO")).isEqualTo(Greeting.HELLO);
		assertThat(composers.kind("other-notice")).isEqualTo(Other.NOTICE);
		assertThat(composers.compose("GOODBYE", MailData.of(Map.of("id", "42"))).key()).isEqualTo("GOODBYE/42");
	}

	@Test
	void aKindBuiltByTwoComposersFailsTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new MailComposers(List.of(new Composer(Set.of(Greeting.HELLO, Greeting.GOODBYE)),
					new Composer(Set.of(Greeting.HELLO)))))
			.withMessageContaining("Mail kind HELLO is built by both");
	}

	@Test
	void twoKindsWithOneWireNameFailTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new MailComposers(List.of(new Composer(Set.of(Greeting.HELLO, Greeting.GOODBYE)),
					new Composer(Set.of(Clash.HELLO_AGAIN)))))
			.withMessageContaining("Mail kind HELLO is built by both");
	}

	@Test
	void aKindWithoutComposerFailsTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new MailComposers(List.of(new Composer(Set.of(Greeting.HELLO)))))
			.withMessage("No mail composer builds Greeting.GOODBYE");
	}

	@Test
	void aComposerOfNoKindFailsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> new MailComposers(List.of(new Composer(Set.of()))))
			.withMessageContaining("builds no mail kind");
	}

	@Test
	void anUnknownWireNameIsRefused() {
		var composers = new MailComposers(List.of(new Composer(Set.of(Greeting.HELLO, Greeting.GOODBYE))));

		assertThatIllegalStateException().isThrownBy(() -> composers.kind("HELLO_WORLD"))
			.withMessage("No mail composer builds the kind HELLO_WORLD");
		assertThatIllegalStateException().isThrownBy(() -> composers.compose("hello", MailData.of(Map.of())));
	}

	enum Greeting implements MailKind {

		HELLO, GOODBYE;

		@Override
		public String wireName() {
			return name();
		}

	}

	enum Other implements MailKind {

		NOTICE;

		@Override
		public String wireName() {
			return "other-notice";
		}

	}

	/** Another module's kind under a wire name that is taken. */
	enum Clash implements MailKind {

		HELLO_AGAIN;

		@Override
		public String wireName() {
			return "HELLO";
		}

	}

	/** Builds a mail keyed by the kind's wire name and the data's id. */
	private record Composer(Set<MailKind> kinds) implements MailComposer<MailKind> {

		@Override
		public Mail compose(MailKind kind, MailData data) {
			return new Mail(kind.wireName() + "/" + data.string("id"),
					new Recipient("someone@example.org", "Someone", Locale.ENGLISH, ZoneOffset.UTC), "test", Map.of());
		}

	}

}
