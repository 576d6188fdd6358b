package at.alma.mentoring;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentoringApplicationTests {

	@Test
	void namesTheStreamProviderOfTheMailJarItShips() {
		MentoringApplication.nameMailStreamProvider();

		assertThat(System.getProperty(MentoringApplication.MAIL_STREAM_PROVIDER))
			.isEqualTo(MailStreamProvider.class.getName());
		// Jakarta Mail loads the named class instead of asking the ServiceLoader
		assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
	}

}
