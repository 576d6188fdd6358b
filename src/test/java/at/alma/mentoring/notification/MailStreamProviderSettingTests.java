package at.alma.mentoring.notification;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import at.alma.mentoring.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class MailStreamProviderSettingTests extends ApiTest {

	@Test
	void theStartedApplicationNamesTheStreamProviderOfItsMailJar() {
		assertThat(System.getProperty(MailStreamProviderSetting.PROPERTY))
			.isEqualTo(MailStreamProvider.class.getName());
		// Jakarta Mail loads the named class: a wrong name would fail every mail
		assertThat(StreamProvider.provider()).isExactlyInstanceOf(MailStreamProvider.class);
	}

	@Test
	void keepsAStreamProviderSetOnTheCommandLine() {
		String before = System.getProperty(MailStreamProviderSetting.PROPERTY);
		// a working provider, so that mails the shared context sends meanwhile still go
		// out
		System.setProperty(MailStreamProviderSetting.PROPERTY, CommandLineStreamProvider.class.getName());
		try {
			MailStreamProviderSetting.apply();

			assertThat(System.getProperty(MailStreamProviderSetting.PROPERTY))
				.isEqualTo(CommandLineStreamProvider.class.getName());
			assertThat(StreamProvider.provider()).isExactlyInstanceOf(CommandLineStreamProvider.class);
		}
		finally {
			if (before != null) {
				System.setProperty(MailStreamProviderSetting.PROPERTY, before);
			}
			else {
				System.clearProperty(MailStreamProviderSetting.PROPERTY);
			}
		}
	}

	/**
	 * Stands for a provider an operator names with
	 * {@code -Djakarta.mail.util.StreamProvider=…}.
	 */
	public static class CommandLineStreamProvider extends MailStreamProvider {

	}

}
