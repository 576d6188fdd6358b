package at.alma.mentoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SMTP server (GreenMail) on a fixed port for the whole test JVM, which a test can
 * stop and start again to play "SMTP is down".
 */
public final class TestMailServer {

	private final ServerSetup setup;

	private GreenMail server;

	TestMailServer() {
		this.setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		start();
	}

	public int port() {
		return this.setup.getPort();
	}

	public synchronized void start() {
		if (this.server == null) {
			this.server = new GreenMail(this.setup);
			this.server.start();
		}
	}

	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	public synchronized void purge() {
		start();
		try {
			this.server.purgeEmailFromAllMailboxes();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public synchronized List<MimeMessage> received() {
		start();
		return Arrays.asList(this.server.getReceivedMessages());
	}

	/** Mails received for one address. */
	public List<MimeMessage> to(String address) {
		return received().stream().filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch((r) -> r.toString().contains(address));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * Mails received for one address, removed from the server: a scene's own mails (the
	 * sign-up's verification mail) stay out of what the test then counts.
	 */
	public synchronized List<MimeMessage> take(String address) {
		List<MimeMessage> taken = to(address);
		taken.forEach(TestMailServer::inspect);
		GreenMailUser user = this.server.getUserManager().getUserByEmail(address);
		if (user != null) {
			try {
				this.server.getManagers().getImapHostManager().getInbox(user).deleteAllMessages();
			}
			catch (FolderException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return taken;
	}

	/**
	 * A mail shows neither a missing text ({@code ??key??}) nor a value that was not
	 * there ({@code null}). With {@code -Dmentoring.mail-samples=<directory>}, its HTML
	 * part also goes there, one file per language and subject, for a look in a browser
	 * (docs/testing.md).
	 */
	public static void inspect(MimeMessage message) {
		String html;
		try {
			html = html(message);
		}
		catch (AssertionError noHtml) {
			return;
		}
		try {
			assertThat(html).as(message.getSubject())
				.doesNotContainPattern("\\?\\?[\\w.-]+\\?\\?")
				.doesNotContainPattern("(>|: )null</");
			String directory = System.getProperty("mentoring.mail-samples");
			if (directory == null || directory.isBlank()) {
				return;
			}
			Matcher lang = Pattern.compile("<html[^>]* lang=\"([a-z]+)\"").matcher(html);
			Path file = Files.createDirectories(Path.of(directory))
				.resolve((lang.find() ? lang.group(1) : "xx") + "-"
						+ message.getSubject().replaceAll("[^\\p{L}0-9]+", "-") + ".html");
			if (!Files.exists(file)) {
				Files.writeString(file, html, StandardCharsets.UTF_8);
			}
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The decoded plain-text part. */
	public static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	/** The decoded HTML part. */
	public static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	/**
	 * The first part of the given type, decoded, found anywhere in the message's
	 * multipart tree.
	 */
	public static String part(MimeMessage message, String type) {
		try {
			String found = find(message.getContent(), message.getContentType(), type);
			if (found == null) {
				throw new AssertionError("No " + type + " part in " + GreenMailUtil.getWholeMessage(message));
			}
			return found;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String find(Object content, String contentType, String type) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				String found = find(part.getContent(), part.getContentType(), type);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (contentType.toLowerCase().startsWith(type)) {
			return (content instanceof String text) ? text : new String(((java.io.InputStream) content).readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
		}
		return null;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
