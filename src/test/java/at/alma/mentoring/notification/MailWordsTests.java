package at.alma.mentoring.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every mail shares, as its reader sees it: the greeting of a careful university,
 * times with their zone in words, the {@code Auto-Submitted} header; and addresses we
 * cannot mail without SMTPUTF8 are refused at sign-up.
 */
class MailWordsTests extends ApiTest {

	private final MailTexts texts = new MailTexts();

	@Test
	void theRequestNamesItsDeadlineWithTheZoneInTheReadersWords() throws Exception {
		this.clock.setTo(Instant.parse("2027-03-01T08:00:00Z"));
		Account mentee = signUpWith("Lena", "Frage", "EN", "America/New_York", "MENTEE");
		Account german = signUpWith("Max", "Huber", "DE", "Europe/Vienna", "MENTOR");
		Account english = signUpWith("Olivia", "Sanders", "EN", "America/New_York", "MENTOR");
		runJobs(requested(mentee, german));
		runJobs(requested(mentee, english));
		MimeMessage toGerman = mail.to(german.email()).get(0);
		assertThat(TestMailServer.text(toGerman)).startsWith("Guten Tag Max Huber,")
			.contains("Bitte antworten Sie bis Montag, 15. März 2027, 09:00 Uhr (Wiener Zeit).")
			.contains("möchte Sie als Mentorin oder Mentor gewinnen");
		assertThat(TestMailServer.html(toGerman)).contains("Guten Tag Max Huber,").contains("(Wiener Zeit)");
		MimeMessage toEnglish = mail.to(english.email()).get(0);
		assertThat(TestMailServer.text(toEnglish)).startsWith("Dear Olivia Sanders,")
			.contains("Please answer by Monday, March 15, 2027, 4:00 AM (New York time).");
		for (MimeMessage message : new MimeMessage[] { toGerman, toEnglish }) {
			assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
			assertThat(message.getContentType()).startsWith("multipart/alternative");
		}
	}

	@Test
	void zonesAreNamedInWordsNeverByTheirId() {
		Instant at = Instant.parse("2027-12-18T13:01:00Z");
		assertThat(this.texts.dateTime(at, Locale.GERMAN, ZoneId.of("Europe/Vienna")))
			.isEqualTo("Samstag, 18. Dezember 2027, 14:01 Uhr (Wiener Zeit)");
		assertThat(this.texts.dateTime(at, Locale.ENGLISH, ZoneId.of("Europe/Vienna")))
			.isEqualTo("Saturday, December 18, 2027, 2:01 PM (Vienna time)");
		assertThat(this.texts.zoneName(ZoneId.of("America/New_York"), Locale.GERMAN)).isEqualTo("Ortszeit New York");
		assertThat(this.texts.zoneName(ZoneId.of("Europe/Rome"), Locale.GERMAN)).isEqualTo("Ortszeit Rom");
		assertThat(this.texts.zoneName(ZoneId.of("America/Argentina/Buenos_Aires"), Locale.ENGLISH))
			.isEqualTo("Buenos Aires time");
		assertThat(this.texts.zoneName(ZoneId.of("UTC"), Locale.ENGLISH)).isEqualTo("Coordinated Universal Time");
		assertThat(this.texts.zoneName(ZoneId.of("UTC"), Locale.GERMAN)).isEqualTo("Koordinierte Weltzeit");
	}

	/** Every mail greets with the one greeting, in both its parts. */
	@Test
	void everyTemplateGreetsTheSameWay() throws IOException {
		var resolver = new PathMatchingResourcePatternResolver();
		int checked = 0;
		for (Resource template : resolver.getResources("classpath:mail/*.txt")) {
			String name = template.getFilename();
			if (name.equals("agreement-terms.txt")) {
				continue;
			}
			assertThat(template.getContentAsString(StandardCharsets.UTF_8)).as(name)
				.startsWith("[(#{greeting(${recipientName})})]");
			String html = resolver.getResource("classpath:mail/" + name.replace(".txt", ".html"))
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html.contains("#{greeting(${recipientName})}") || html.contains("~{layout :: mail(")).as(name)
				.isTrue();
			checked++;
		}
		assertThat(checked).isGreaterThan(25);
	}

	@Test
	void anAddressThatNeedsSmtpUtf8IsRefusedAtSignUp() {
		long members = count("members");
		expectCode(anonymous().documentName("signUp")
			.variable("input",
					Map.of("email", "jürgen@alma.test", "password", PASSWORD, "firstName", "Jürgen", "lastName",
							"Umlaut", "roles", java.util.List.of("MENTEE")))
			.execute(), "EMAIL_NOT_ASCII");
		assertThat(count("members")).isEqualTo(members);
		Account member = signUp("Anna", "Ascii", "MENTEE");
		expectCode(as(member).document("""
				mutation($input: ChangeEmailInput!) { changeEmail(input: $input) { me { email } } }""")
			.variable("input", Map.of("newEmail", "anna@bücher.example", "password", PASSWORD))
			.execute(), "EMAIL_NOT_ASCII");
	}

}
