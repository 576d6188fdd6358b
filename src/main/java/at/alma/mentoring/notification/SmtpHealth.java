package at.alma.mentoring.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server's state in {@code /actuator/health} ({@code mail}): reachable
 * {@code UP}, unreachable {@code DEGRADED}, which ranks below UP
 * ({@code management.endpoint.health.status.order}) — mails wait and are retried, so an
 * SMTP outage never takes the node out of service. The answer never waits for the server:
 * it is the last check's, and a check older than {@link #MAX_AGE} starts a new one in the
 * background (bounded by the {@code mail.smtp.*timeout} settings).
 */
@Component("mailHealthIndicator")
class SmtpHealth implements HealthIndicator, DisposableBean {

	static final Status DEGRADED = new Status("DEGRADED",
			"The SMTP server does not answer; mails wait and are retried");

	private final ObjectProvider<JavaMailSender> sender;

	private final ExecutorService checker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "smtp-health");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean checking = new AtomicBoolean();

	private volatile Health last = Health.unknown().withDetail("check", "running").build();

	private volatile long checkedAt;

	private volatile boolean checked;

	private final Duration maxAge;

	SmtpHealth(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
		this.sender = sender;
		this.maxAge = settings.healthCheckInterval();
	}

	@Override
	public Health health() {
		if (!(this.sender.getIfAvailable() instanceof JavaMailSenderImpl smtp)) {
			return Health.unknown().withDetail("smtp", "no SMTP host configured: mails are written to the log").build();
		}
		boolean stale = !this.checked || System.nanoTime() - this.checkedAt > this.maxAge.toNanos();
		if (stale && this.checking.compareAndSet(false, true)) {
			this.checker.execute(() -> check(smtp));
		}
		return this.last;
	}

	private void check(JavaMailSenderImpl smtp) {
		Health.Builder health;
		try {
			smtp.testConnection();
			health = Health.up();
		}
		catch (MessagingException | RuntimeException ex) {
			health = Health.status(DEGRADED).withDetail("error", ex.getMessage());
		}
		this.last = health.withDetail("location", smtp.getHost() + ":" + smtp.getPort())
			.withDetail("checkedAt", Instant.now().toString())
			.build();
		this.checkedAt = System.nanoTime();
		this.checked = true;
		this.checking.set(false);
	}

	@Override
	public void destroy() {
		this.checker.shutdownNow();
	}

}
