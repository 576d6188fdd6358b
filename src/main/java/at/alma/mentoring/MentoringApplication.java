package at.alma.mentoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The alma mentoring backend: GraphQL API, Camunda 7 processes and the domain modules.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MentoringApplication {

	/**
	 * The system property through which Jakarta Mail finds its {@code StreamProvider}.
	 * Without it, Jakarta Mail 2.1 asks the {@code ServiceLoader} for every body part,
	 * multipart and encoded header, and so searches every jar of the class path each time
	 * (jakartaee/mail-api#699 and #861; fixed in Jakarta Mail 2.2). Naming the
	 * implementation of the mail jar we ship turns that into a class look-up.
	 */
	static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	public static void main(String[] args) {
		nameMailStreamProvider();
		SpringApplication.run(MentoringApplication.class, args);
	}

	/** Sets {@link #MAIL_STREAM_PROVIDER} unless the command line set it. */
	static void nameMailStreamProvider() {
		if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
			System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

}
