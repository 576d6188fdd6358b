package at.alma.mentoring.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed send's text, as the engine keeps it with the job, names no address.
 */
class MailerFailureTextTests {

	@Test
	void replacesEveryAddressOfAnSmtpAnswer() {
		assertThat(Mailer.withoutAddresses(
				"Failed messages: jakarta.mail.SendFailedException: Invalid Addresses; nested exception is:"
						+ " 550 5.1.1 <anna.huber@uni.example>: Recipient address rejected; to=Anna@Example.org"))
			.isEqualTo("Failed messages: jakarta.mail.SendFailedException: Invalid Addresses; nested exception is:"
					+ " 550 5.1.1 <<address>>: Recipient address rejected; to=<address>");
	}

}
