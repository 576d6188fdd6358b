package at.alma.mentoring.notification;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Names Jakarta Mail's {@code StreamProvider} in its system property before anything
 * sends mail (registered in {@code META-INF/spring.factories}, so it runs for every start
 * of the application, the tests' included). Without the property, Jakarta Mail 2.1 asks
 * the {@code ServiceLoader} for every body part, multipart and encoded header, and so
 * searches every jar of the class path each time (jakartaee/mail-api#699 and #861; fixed
 * in Jakarta Mail 2.2). Naming the implementation of the mail jar we ship turns that into
 * a class look-up. A value set on the command line is kept.
 */
public class MailStreamProviderSetting implements ApplicationListener<ApplicationStartingEvent> {

	/** The system property Jakarta Mail reads: the name of the interface. */
	static final String PROPERTY = StreamProvider.class.getName();

	@Override
	public void onApplicationEvent(ApplicationStartingEvent event) {
		apply();
	}

	static void apply() {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, MailStreamProvider.class.getName());
		}
	}

}
