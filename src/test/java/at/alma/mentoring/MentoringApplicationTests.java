package at.alma.mentoring;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentoringApplicationTests {

	@Test
	void namesTheStreamProviderOfTheMailJarItShips() {
		withStreamProviderProperty(null, () -> {
			MentoringApplication.nameMailStreamProvider();

			assertThat(System.getProperty(MentoringApplication.MAIL_STREAM_PROVIDER))
				.isEqualTo(MailStreamProvider.class.getName());
			// the named class loads: a wrong name would make Jakarta Mail fail on every
			// mail
			assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
		});
	}

	@Test
	void keepsAStreamProviderSetOnTheCommandLine() {
		withStreamProviderProperty("com.example.OtherStreamProvider", () -> {
			MentoringApplication.nameMailStreamProvider();

			assertThat(System.getProperty(MentoringApplication.MAIL_STREAM_PROVIDER))
				.isEqualTo("com.example.OtherStreamProvider");
		});
	}

	/**
	 * Runs the check with the property set to {@code value} (or unset), then puts it
	 * back.
	 */
	private static void withStreamProviderProperty(String value, Runnable check) {
		String before = System.getProperty(MentoringApplication.MAIL_STREAM_PROVIDER);
		set(value);
		try {
			check.run();
		}
		finally {
			set(before);
		}
	}

	private static void set(String value) {
		if (value == null) {
			System.clearProperty(MentoringApplication.MAIL_STREAM_PROVIDER);
		}
		else {
			System.setProperty(MentoringApplication.MAIL_STREAM_PROVIDER, value);
		}
	}

}
