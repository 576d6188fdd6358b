package at.alma.mentoring.notification;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member who deleted their account is named "a former member" in the reader's language,
 * in the case the mails put a partner's name after a deletion: after "with" and "from",
 * in German the dative ("mit einem ehemaligen Mitglied"), never the placeholder.
 */
class FormerMemberMailTests {

	private final MailRenderer renderer = new MailRenderer(
			new MailSettings("from@example.org", "http://localhost", "example.org", Duration.ZERO));

	@Test
	void theEndedMentorshipNamesAFormerMemberInTheReadersLanguage() {
		MailRenderer.Rendered german = this.renderer.render(terminated(Locale.GERMAN));
		assertThat(german.subject()).isEqualTo("Ihr Mentorship mit einem ehemaligen Mitglied ist beendet");
		assertThat(german.text()).startsWith("Guten Tag Olga Offen,")
			.contains("Das andere Mitglied hat die Plattform verlassen")
			.doesNotContain(FormerMember.PLACEHOLDER);

		MailRenderer.Rendered english = this.renderer.render(terminated(Locale.ENGLISH));
		assertThat(english.subject()).isEqualTo("Your mentorship with a former member has ended");
		assertThat(english.text()).contains("the other member left the platform")
			.doesNotContain(FormerMember.PLACEHOLDER);
		assertThat(english.html()).doesNotContain(FormerMember.PLACEHOLDER);
	}

	private static Mail terminated(Locale locale) {
		Map<String, Object> model = new HashMap<>();
		model.put("otherName", FormerMember.PLACEHOLDER);
		model.put("partnerInactive", false);
		model.put("partnerLeft", true);
		model.put("terminationReason", null);
		model.put("link", "http://localhost/mentorships/1");
		Recipient reader = new Recipient(UUID.randomUUID(), "olga@example.org", "Olga Offen", locale,
				ZoneId.of("Europe/Vienna"));
		return new Mail("mentorship-terminated:1", reader, "mentorship-terminated", model,
				List.of(FormerMember.PLACEHOLDER), null);
	}

}
