package at.alma.mentoring.notification;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMTP check never keeps {@code /actuator/health} waiting: a server that accepts
 * connections and never answers, or no server at all.
 */
class SmtpHealthTests {

	@Test
	void aServerThatNeverAnswersDoesNotSlowTheAnswer() throws Exception {
		List<Socket> accepted = new CopyOnWriteArrayList<>();
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						accepted.add(silent.accept());
					}
				}
				catch (Exception ex) {
					// closed at the end of the test
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			SmtpHealth health = health(silent.getLocalPort(), 10_000);
			try {
				for (int i = 0; i < 5; i++) {
					long started = System.nanoTime();
					Status status = health.health().getStatus();
					assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
					assertThat(status).isNotIn(Status.DOWN, Status.OUT_OF_SERVICE);
				}
			}
			finally {
				health.destroy();
			}
		}
		finally {
			for (Socket socket : accepted) {
				socket.close();
			}
		}
	}

	@Test
	void noServerIsDegradedNotDown() throws Exception {
		int port;
		try (ServerSocket closed = new ServerSocket(0)) {
			port = closed.getLocalPort();
		}
		SmtpHealth health = health(port, 2_000);
		try {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(SmtpHealth.DEGRADED));
		}
		finally {
			health.destroy();
		}
	}

	private static SmtpHealth health(int port, int timeoutMillis) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "2000");
		properties.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
		sender.setJavaMailProperties(properties);
		var beans = new StaticListableBeanFactory();
		beans.addBean("mailSender", sender);
		return new SmtpHealth(beans.getBeanProvider(JavaMailSender.class),
				new MailSettings("from@example.org", "http://localhost", "example.org", Duration.ZERO));
	}

}
