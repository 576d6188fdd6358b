package at.alma.mentoring.platform;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	@Test
	void believesNoForwardedHeaderByDefault() {
		ClientAddress addresses = new ClientAddress(settings(List.of()));
		assertThat(addresses.resolve(new InetSocketAddress("198.51.100.4", 4711), List.of("203.0.113.7")))
			.isEqualTo("198.51.100.4");
	}

	@Test
	void takesTheNearestUntrustedHopBehindATrustedProxy() {
		ClientAddress addresses = new ClientAddress(settings(List.of("10.0.0.1", "10.0.0.2")));
		// the client may send its own X-Forwarded-For; only what the proxies appended
		// counts
		assertThat(
				addresses.resolve(new InetSocketAddress("10.0.0.1", 4711), List.of("1.2.3.4, 203.0.113.7, 10.0.0.2")))
			.isEqualTo("203.0.113.7");
		assertThat(addresses.resolve(new InetSocketAddress("198.51.100.4", 4711), List.of("203.0.113.7")))
			.as("a peer that is not a trusted proxy")
			.isEqualTo("198.51.100.4");
	}

	private static SecuritySettings settings(List<String> trustedProxies) {
		return new SecuritySettings("k".repeat(40), java.time.Duration.ofHours(1), "alma", List.of(), List.of(),
				trustedProxies, java.time.Duration.ofSeconds(5));
	}

}
