package at.alma.mentoring.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator account: HTTP Basic on {@code /actuator/prometheus} (Prometheus'
 * {@code basic_auth}) and on {@code /actuator/health} for the components' details.
 *
 * @param user the account name
 * @param password its password; from the environment in production
 */
@ConfigurationProperties("mentoring.operator")
public record OperatorSettings(@DefaultValue("operator") String user, String password) {

	/** The development default; the prod profile refuses to start with it. */
	public static final String DEVELOPMENT_PASSWORD = "operator-dev-password";

}
