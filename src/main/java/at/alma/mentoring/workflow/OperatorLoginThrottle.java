package at.alma.mentoring.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import at.alma.mentoring.platform.ClientAddress;
import at.alma.mentoring.throttle.ThrottleBuckets;
import at.alma.mentoring.throttle.ThrottleBuckets.Allowance;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wrong passwords for Camunda users are counted per client address, and no longer lock
 * the user: anyone could lock an operator out without credentials before (one wrong
 * {@code curl -u admin:x …/engine-rest/…} for seconds, ten for good). Every request that
 * can check a password ({@code /engine-rest} with an {@code Authorization} header, a
 * {@code POST} to the webapps' login) takes a token from its client's bucket before
 * anything else looks at it; a password check that succeeds gives it back at once
 * ({@link ThrottledIdentityProvider}), one that fails keeps it, and a request that
 * checked no password (refused by the webapps' CSRF filter, say) gets it back at its end.
 * An empty bucket is answered 429 with {@code Retry-After} before the engine sees the
 * attempt. The buckets live in the database ({@link ThrottleBuckets}), so all nodes share
 * the count.
 */
final class OperatorLoginThrottle extends OncePerRequestFilter {

	/** The webapps' login: {@code UserAuthenticationResource} of the Admin API. */
	private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

	private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

	private final ThrottleBuckets buckets;

	private final Allowance perAddress;

	private final ClientAddress addresses;

	OperatorLoginThrottle(ThrottleBuckets buckets, OperatorLoginThrottleSettings settings, ClientAddress addresses) {
		this.buckets = buckets;
		this.perAddress = buckets.allowance(settings.failuresPerAddress(), settings.window());
		this.addresses = addresses;
	}

	/** The attempt of the request this thread serves; null outside such a request. */
	static Attempt current() {
		return CURRENT.get();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/engine-rest") || path.startsWith("/engine-rest/")) {
			return request.getHeader(HttpHeaders.AUTHORIZATION) == null;
		}
		return !("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BucketProxy bucket = this.buckets.bucket("camunda-login:" + this.addresses.resolve(request), this.perAddress);
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			refuse(response, probe.getNanosToWaitForRefill());
			return;
		}
		Attempt attempt = new Attempt(bucket);
		CURRENT.set(attempt);
		try {
			chain.doFilter(request, response);
		}
		finally {
			CURRENT.remove();
			attempt.passed();
		}
	}

	private static void refuse(HttpServletResponse response, long nanosToWait) throws IOException {
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1));
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		// the shape of Camunda's REST errors, so its clients show the message
		String body = "{\"type\":\"TooManyLoginAttempts\",\"message\":\"Too many wrong passwords from this address; "
				+ "try again in " + seconds + " seconds\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The token a request took from its client's bucket: kept when a password check
	 * fails, given back otherwise. A second check in the same request (the
	 * {@code identity/verify} call of an authenticated operator) that fails takes
	 * another.
	 */
	static final class Attempt {

		private final BucketProxy bucket;

		private boolean held = true;

		private Attempt(BucketProxy bucket) {
			this.bucket = bucket;
		}

		void passed() {
			if (this.held) {
				this.held = false;
				this.bucket.addTokens(1);
			}
		}

		void failed() {
			if (this.held) {
				this.held = false;
			}
			else {
				this.bucket.tryConsume(1);
			}
		}

	}

}
