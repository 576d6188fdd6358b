package at.alma.mentoring.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;

import reactor.core.publisher.Mono;

import at.alma.mentoring.platform.SecuritySettings;
import at.alma.mentoring.platform.Tokens;
import at.alma.mentoring.platform.idempotency.IdempotentMutations;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.support.AuthenticationExtractor;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two worlds, two filter chains: the Camunda webapps and {@code /engine-rest}
 * authenticate operators themselves (session login, HTTP Basic against Camunda's identity
 * service); everything else is the members' API with stateless JWT bearer tokens. Members
 * never get Camunda accounts.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The actuator: health (and its probes) for everyone, the components' details and
	 * {@code /actuator/prometheus} for the operator account only, by HTTP Basic on the
	 * application's port. A separate management port would need a firewall rule in every
	 * deployment to be private, would move the load balancer's health checks and would
	 * still have no authentication; Prometheus sends HTTP Basic as {@code basic_auth}.
	 * The account is no member and no Camunda user.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain actuatorFilterChain(HttpSecurity http, OperatorSettings operator,
			PasswordEncoder passwordEncoder) throws Exception {
		if (operator.password() == null || operator.password().isBlank()) {
			throw new IllegalStateException("mentoring.operator.password (MENTORING_OPERATOR_PASSWORD) is not set");
		}
		var account = User.withUsername(operator.user())
			.password(passwordEncoder.encode(operator.password()))
			.roles("OPERATOR")
			.build();
		var provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(account));
		provider.setPasswordEncoder(passwordEncoder);
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole("OPERATOR"))
			.httpBasic((basic) -> basic.realmName("alma-mentoring operations"))
			.authenticationManager(new ProviderManager(provider))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.build();
	}

	/**
	 * A URL Spring Security's firewall refuses is the client's mistake: 400 without a
	 * body, before anything else looks at it ({@link FirewallFirst}).
	 */
	@Bean
	FilterRegistrationBean<FirewallFirst> firewallFirst() {
		var registration = new FilterRegistrationBean<>(new FirewallFirst());
		registration.setName("firewall-first");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain camundaFilterChain(HttpSecurity http) throws Exception {
		// path patterns, not MVC matchers: these paths are served by Camunda's servlets,
		// not the DispatcherServlet
		var paths = PathPatternRequestMatcher.withDefaults();
		return http
			.securityMatcher(new OrRequestMatcher(paths.matcher("/camunda/**"), paths.matcher("/engine-rest/**")))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			// the webapps run their own CSRF filter; /engine-rest is HTTP Basic, checked
			// by Camunda's filter
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
		var authentication = jwtAuthenticationConverter();
		var unauthorized = new UnauthorizedAnswer(json);
		return http.authorizeHttpRequests((requests) -> requests
			// the GraphQL layer decides per field; anonymous callers reach only the
			// public operations. The WebSocket handshake carries no token: the
			// connection_init message does (see webSocketAuthentication)
			.requestMatchers("/graphql", "/graphql/**", "/graphql-ws", "/graphiql/**", "/webjars/**", "/error",
					"/calendar/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			// bearer tokens, no cookies: a cross-site form cannot carry credentials;
			// /graphql takes JSON only
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors(Customizer.withDefaults())
			// 401 with WWW-Authenticate and a GraphQL-style JSON body, for a bad token
			// and for a missing one where a member is needed
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(unauthorized)
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(authentication)))
			// the token's version check reads the database: its outage answers 503
			// SERVICE_UNAVAILABLE, not a bare 500
			.addFilterBefore(new DatabaseUnavailableAnswer(json), BearerTokenAuthenticationFilter.class)
			.build();
	}

	/**
	 * GraphQL over WebSocket: the bearer token comes in the {@code connection_init}
	 * payload ({@code {"Authorization": "Bearer …"}}), is checked like an HTTP request's,
	 * and holds for the connection's subscriptions. A connection without a token is
	 * closed (4401): everything on it needs a member. Ordered first, so the interceptors
	 * after it (such as {@link RevokedSubscriptions}) find the token in the Reactor
	 * context.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebSocketGraphQlInterceptor webSocketAuthentication(JwtDecoder jwtDecoder) {
		var provider = new JwtAuthenticationProvider(jwtDecoder);
		provider.setJwtAuthenticationConverter(jwtAuthenticationConverter());
		var bearer = new BearerTokenAuthenticationExtractor();
		AuthenticationExtractor required = (payload) -> bearer.getAuthentication(payload)
			.switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException(
					"connection_init needs {\"Authorization\": \"Bearer <token>\"}")));
		return new AuthenticationWebSocketInterceptor(required, new ProviderManager(provider));
	}

	private static JwtAuthenticationConverter jwtAuthenticationConverter() {
		var authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName(Tokens.ROLES_CLAIM);
		authorities.setAuthorityPrefix("ROLE_");
		var authentication = new JwtAuthenticationConverter();
		authentication.setJwtGrantedAuthoritiesConverter(authorities);
		return authentication;
	}

	@Bean
	JwtDecoder jwtDecoder(SecuritySettings settings, Clock clock, TokenRevocation revocation) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secretKey(settings))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		// expiry is judged by the same clock that issued the token
		var timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		// the revocation check last: only a token that is otherwise valid costs a look
		// at the member's token version
		var signedForUs = new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(settings.issuer()));
		decoder.setJwtValidator((jwt) -> {
			var result = signedForUs.validate(jwt);
			return result.hasErrors() ? result : revocation.validate(jwt);
		});
		return decoder;
	}

	@Bean
	JwtEncoder jwtEncoder(SecuritySettings settings) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(secretKey(settings)));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(SecuritySettings settings) {
		var cors = new CorsConfiguration();
		cors.setAllowedOrigins(settings.corsOrigins());
		cors.setAllowedMethods(List.of("GET", "POST"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", IdempotentMutations.KEY_HEADER));
		cors.setExposedHeaders(List.of(IdempotentMutations.REPLAYED_HEADER));
		cors.setMaxAge(3600L);
		var source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/graphql/**", cors);
		source.registerCorsConfiguration("/graphql", cors);
		return source;
	}

	private static SecretKey secretKey(SecuritySettings settings) {
		byte[] bytes = settings.jwtSecret().getBytes(StandardCharsets.UTF_8);
		if (bytes.length < 32) {
			throw new IllegalStateException("mentoring.security.jwt-secret must be at least 32 bytes long");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
