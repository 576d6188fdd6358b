package at.alma.mentoring.member;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import at.alma.mentoring.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class MemberApiTests extends ApiTest {

	private static final String SIGN_UP = """
			mutation($input: SignUpInput!) {
			  signUp(input: $input) { token expiresAt me { id email firstName lastName displayName roles language timeZone mentorAvailable mentorCapacity } }
			}""";

	private static final String ME = "{ me { id email displayName roles timeZone topics bio mentorCapacity } }";

	@Autowired
	JwtEncoder jwtEncoder;

	@Test
	void signsUpAndReadsOwnProfile() {
		String email = "Lena.Huber." + UUID.randomUUID() + "@Alma.test";
		var response = anonymous().document(SIGN_UP)
			.variable("input", signUpInput(email, PASSWORD, List.of("MENTEE", "MENTOR")))
			.execute();
		response.path("signUp.me.email").entity(String.class).isEqualTo(email.toLowerCase());
		response.path("signUp.me.displayName").entity(String.class).isEqualTo("Lena H.");
		response.path("signUp.me.roles").entityList(String.class).containsExactly("MENTEE", "MENTOR");
		response.path("signUp.me.timeZone").entity(String.class).isEqualTo("Europe/Vienna");
		response.path("signUp.me.mentorAvailable").entity(Boolean.class).isEqualTo(true);
		response.path("signUp.me.mentorCapacity").entity(Integer.class).isEqualTo(1);
		String token = response.path("signUp.token").entity(String.class).get();

		anonymous().mutate()
			.header("Authorization", "Bearer " + token)
			.build()
			.document(ME)
			.execute()
			.path("me.email")
			.entity(String.class)
			.isEqualTo(email.toLowerCase());
	}

	@Test
	void refusesDuplicateEmailInAnyCase() {
		Account first = signUp("Karl", "Berger", "MENTEE");
		anonymous().document(SIGN_UP)
			.variable("input", signUpInput(first.email().toUpperCase(), PASSWORD, List.of("MENTEE")))
			.execute()
			.errors()
			.expect((error) -> "EMAIL_TAKEN".equals(error.getExtensions().get("code"))
					&& "input.email".equals(error.getExtensions().get("field")))
			.verify();
	}

	@Test
	void refusesWeakPasswords() {
		for (String weak : List.of("short", "password123", "aaaaaaaaaaaa")) {
			anonymous().document(SIGN_UP)
				.variable("input", signUpInput("weak." + UUID.randomUUID() + "@alma.test", weak, List.of("MENTEE")))
				.execute()
				.errors()
				.expect((error) -> "WEAK_PASSWORD".equals(error.getExtensions().get("code")))
				.verify();
		}
	}

	@Test
	void refusesInvalidFieldValuesNamingTheField() {
		expectInvalid(signUpInput("not-an-email", PASSWORD, List.of("MENTEE")), "input.email");
		var blankName = signUpInput("x." + UUID.randomUUID() + "@alma.test", PASSWORD, List.of("MENTEE"));
		blankName.put("firstName", "  ");
		expectInvalid(blankName, "input.firstName");
		expectInvalid(signUpInput("y." + UUID.randomUUID() + "@alma.test", PASSWORD, List.of()), "input.roles");
		var badZone = signUpInput("z." + UUID.randomUUID() + "@alma.test", PASSWORD, List.of("MENTEE"));
		badZone.put("timeZone", "Mars/Olympus");
		expectInvalid(badZone, "input.timeZone");
	}

	@Test
	void neverGrantsAdminThroughSignUp() {
		anonymous().document(SIGN_UP)
			.variable("input", signUpInput("boss." + UUID.randomUUID() + "@alma.test", PASSWORD, List.of("ADMIN")))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty());
	}

	@Test
	void grantsAdminToConfiguredAddressOnly() {
		// the configured address, verified through its mail (see EmailVerificationTests
		// for
		// an unverified one)
		admin();
		anonymous()
			.document("mutation { signIn(input: {email: \"admin@alma.test\", password: \"" + PASSWORD
					+ "\"}) { me { roles } } }")
			.execute()
			.path("signIn.me.roles")
			.entityList(String.class)
			.contains("ADMIN");
		signUp("Plain", "Member", "MENTOR");
		as(signUp("Other", "Member", "MENTOR")).document("{ me { roles } }")
			.execute()
			.path("me.roles")
			.entityList(String.class)
			.doesNotContain("ADMIN");
	}

	@Test
	void anAddressNoLongerConfiguredLosesAdminAtItsNextSignIn() {
		// an admin whose address was taken out of MENTORING_ADMIN_EMAILS
		Account former = signUp("Former", "Admin", "MENTOR");
		this.jdbc.update("insert into member_roles (member_id, role) values (?, 'ADMIN')", former.id().toString());
		Account signedIn = signIn(former);
		assertThat(this.jdbc.queryForList("select role from member_roles where member_id = ?", String.class,
				former.id().toString()))
			.containsExactly("MENTOR");
		expectCode(as(signedIn).document("{ feedbackRequests(first: 1) { edges { cursor } } }").execute(), "FORBIDDEN");
	}

	@Test
	void signsInWithAnyCaseAndRefusesWrongPassword() {
		Account account = signUp("Maria", "Gruber", "MENTEE");
		anonymous().document(
				"mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { token me { id } } }")
			.variable("e", account.email().toUpperCase())
			.variable("p", PASSWORD)
			.execute()
			.path("signIn.me.id")
			.entity(String.class)
			.isEqualTo(account.id().toString());

		for (var email : List.of(account.email(), "nobody." + UUID.randomUUID() + "@alma.test")) {
			anonymous()
				.document(
						"mutation($e: String!) { signIn(input: {email: $e, password: \"wrong password!\"}) { token } }")
				.variable("e", email)
				.execute()
				.errors()
				.expect((error) -> "INVALID_CREDENTIALS".equals(error.getExtensions().get("code")))
				.verify();
		}
	}

	@Test
	void meNeedsAToken() {
		anonymous().document(ME)
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED
					&& "UNAUTHORIZED".equals(error.getExtensions().get("code")))
			.verify();
	}

	@Test
	void refusesForgedAndExpiredTokens() {
		Account account = signUp("Paul", "Wagner", "MENTEE");
		var forgedKey = new SecretKeySpec("a-completely-different-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
		String forged = new NimbusJwtEncoder(new ImmutableSecret<>(forgedKey))
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
					claims(account.id(), Instant.now(), Duration.ofHours(1))))
			.getTokenValue();
		String expired = this.jwtEncoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
					claims(account.id(), Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1))))
			.getTokenValue();
		String valid = this.jwtEncoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
					claims(account.id(), Instant.now(), Duration.ofHours(1))))
			.getTokenValue();

		for (String token : List.of(forged, expired, "not.a.jwt")) {
			postMe(token).expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		postMe(valid).expectStatus().isOk().expectBody().jsonPath("$.data.me.id").isEqualTo(account.id().toString());
	}

	@Test
	void updatesProfileAndValidatesIt() {
		Account mentor = signUp("Eva", "Schmid", "MENTOR");
		var response = as(mentor)
			.document(
					"""
							mutation($input: UpdateProfileInput!) {
							  updateProfile(input: $input) { me { bio topics languages location timeZone language mentorAvailable mentorCapacity } }
							}""")
			.variable("input",
					Map.of("bio", "Engineer in Linz", "topics", List.of("Java", "Leadership", "Java"), "languages",
							List.of("Deutsch", "English"), "location", "Linz", "timeZone", "America/New_York",
							"language", "EN", "mentorAvailable", false, "mentorCapacity", 3))
			.execute();
		response.path("updateProfile.me.topics").entityList(String.class).containsExactly("Java", "Leadership");
		response.path("updateProfile.me.timeZone").entity(String.class).isEqualTo("America/New_York");
		response.path("updateProfile.me.language").entity(String.class).isEqualTo("EN");
		response.path("updateProfile.me.mentorAvailable").entity(Boolean.class).isEqualTo(false);
		response.path("updateProfile.me.mentorCapacity").entity(Integer.class).isEqualTo(3);

		for (var bad : List.of(Map.<String, Object>of("timeZone", "+02:00"),
				Map.<String, Object>of("mentorCapacity", 0), Map.<String, Object>of("bio", "x".repeat(4001)),
				Map.<String, Object>of("firstName", " "))) {
			as(mentor).document("mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { me { id } } }")
				.variable("input", bad)
				.execute()
				.errors()
				.expect((error) -> "INVALID_INPUT".equals(error.getExtensions().get("code")))
				.verify();
		}
		// nothing of the refused changes was stored
		as(mentor).document("{ me { timeZone mentorCapacity bio firstName } }")
			.execute()
			.path("me.mentorCapacity")
			.entity(Integer.class)
			.isEqualTo(3)
			.path("me.firstName")
			.entity(String.class)
			.isEqualTo("Eva");
	}

	@Test
	void profileSaysWhatItSeeksAndOffers() {
		Account mentee = signUp("Mira", "Suchend", "MENTEE");
		Account reader = signUp("Rolf", "Leser", "MENTOR");
		as(mentee).document("""
				mutation { updateProfile(input: {goals: "  Den Einstieg in KI schaffen  ",
				    fields: ["Bildung", " Gesundheit ", "Bildung"], meetingKinds: [VIDEO, PHONE, VIDEO]}) {
				  me { goals fields meetingKinds } } }""")
			.execute()
			.path("updateProfile.me.goals")
			.entity(String.class)
			.isEqualTo("Den Einstieg in KI schaffen")
			.path("updateProfile.me.fields")
			.entityList(String.class)
			.containsExactly("Bildung", "Gesundheit")
			.path("updateProfile.me.meetingKinds")
			.entityList(String.class)
			.containsExactly("VIDEO", "PHONE");
		as(reader).document("query($id: ID!) { member(id: $id) { goals fields meetingKinds } }")
			.variable("id", mentee.id())
			.execute()
			.path("member.fields")
			.entityList(String.class)
			.containsExactly("Bildung", "Gesundheit")
			.path("member.meetingKinds")
			.entityList(String.class)
			.containsExactly("VIDEO", "PHONE");

		for (var bad : List.of(Map.<String, Object>of("goals", "x".repeat(1001)),
				Map.<String, Object>of("fields", List.of("x".repeat(61))),
				Map.<String, Object>of("fields", java.util.Collections.nCopies(11, "Feld")),
				Map.<String, Object>of("fields", List.of("Zeile\nzwei")),
				Map.<String, Object>of("fields", List.of(" ")))) {
			as(mentee).document("mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { me { id } } }")
				.variable("input", bad)
				.execute()
				.errors()
				.expect((error) -> error.getErrorType().toString().equals("BAD_REQUEST")
						|| "INVALID_INPUT".equals(error.getExtensions().get("code")))
				.verify();
		}
		as(mentee)
			.document(
					"mutation { updateProfile(input: {goals: \"\", meetingKinds: []}) { me { goals meetingKinds } } }")
			.execute()
			.path("updateProfile.me.goals")
			.valueIsNull()
			.path("updateProfile.me.meetingKinds")
			.entityList(String.class)
			.hasSize(0)
			.path("updateProfile.me.fields")
			.pathDoesNotExist();
		as(mentee).document("{ me { fields } }")
			.execute()
			.path("me.fields")
			.entityList(String.class)
			.containsExactly("Bildung", "Gesundheit");
	}

	@Test
	void menteeHasNoMentorSettings() {
		Account mentee = signUp("Tom", "Bauer", "MENTEE");
		as(mentee).document("mutation { updateProfile(input: {mentorCapacity: 2}) { me { id } } }")
			.execute()
			.errors()
			.expect((error) -> "NOT_A_MENTOR".equals(error.getExtensions().get("code")))
			.verify();
	}

	@Test
	void publicProfileIsPseudonymisedAndHidesPrivateFields() {
		Account mentor = signUp("Sophie", "Neumann", "MENTOR");
		Account other = signUp("Jonas", "Wolf", "MENTEE");
		as(mentor).document("mutation { updateProfile(input: {bio: \"Hello\", topics: [\"UX\"]}) { me { id } } }")
			.execute();

		as(other).document("query($id: ID!) { member(id: $id) { id displayName bio topics roles available } }")
			.variable("id", mentor.id())
			.execute()
			.path("member.displayName")
			.entity(String.class)
			.isEqualTo("Sophie N.")
			.path("member.topics")
			.entityList(String.class)
			.containsExactly("UX")
			.path("member.available")
			.entity(Boolean.class)
			.isEqualTo(true);

		// the public type has no private fields at all: asking for them is a validation
		// error
		for (String privateField : List.of("email", "lastName", "firstName", "timeZone", "mentorCapacity")) {
			as(other).document("query($id: ID!) { member(id: $id) { " + privateField + " } }")
				.variable("id", mentor.id())
				.execute()
				.errors()
				.expect((error) -> error.getErrorType() == graphql.ErrorType.ValidationError)
				.verify();
		}
		anonymous().document("query($id: ID!) { member(id: $id) { displayName } }")
			.variable("id", mentor.id())
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.UNAUTHORIZED)
			.verify();
		as(other).document("query($id: ID!) { member(id: $id) { displayName } }")
			.variable("id", UUID.randomUUID())
			.execute()
			.errors()
			.expect((error) -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
	}

	@Test
	void mentorDirectoryFiltersAndPages() {
		String topic = "topic-" + UUID.randomUUID();
		Account reader = signUp("Lisa", "Klein", "MENTEE");
		for (int i = 0; i < 5; i++) {
			Account mentor = signUp("Mentor" + i, "Directory", "MENTOR");
			as(mentor).document(
					"mutation($t: String!, $a: Boolean!) { updateProfile(input: {topics: [$t], mentorAvailable: $a}) { me { id } } }")
				.variable("t", (i == 4) ? topic.toUpperCase() : topic)
				.variable("a", i != 0)
				.execute();
		}
		Account mentee = signUp("NotA", "Mentor", "MENTEE");
		as(mentee).document("mutation($t: String!) { updateProfile(input: {topics: [$t]}) { me { id } } }")
			.variable("t", topic)
			.execute();

		String query = """
				query($topic: String, $available: Boolean, $first: Int, $after: String) {
				  mentors(topic: $topic, available: $available, first: $first, after: $after) {
				    edges { cursor node { id displayName } }
				    pageInfo { hasNextPage endCursor }
				  }
				}""";
		var firstPage = as(reader).document(query).variable("topic", topic).variable("first", 3).execute();
		firstPage.path("mentors.edges").entityList(Object.class).hasSize(3);
		firstPage.path("mentors.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = firstPage.path("mentors.pageInfo.endCursor").entity(String.class).get();
		var secondPage = as(reader).document(query)
			.variable("topic", topic)
			.variable("first", 3)
			.variable("after", cursor)
			.execute();
		secondPage.path("mentors.edges").entityList(Object.class).hasSize(2);
		secondPage.path("mentors.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		as(reader).document(query)
			.variable("topic", topic)
			.variable("available", true)
			.execute()
			.path("mentors.edges")
			.entityList(Object.class)
			.hasSize(4);

		as(reader).document(query)
			.variable("first", 101)
			.execute()
			.errors()
			.expect((error) -> "INVALID_INPUT".equals(error.getExtensions().get("code"))
					&& "first".equals(error.getExtensions().get("field")))
			.verify();
	}

	private WebTestClient.ResponseSpec postMe(String token) {
		return http().post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange();
	}

	private JwtClaimsSet claims(UUID subject, Instant issuedAt, Duration ttl) {
		return JwtClaimsSet.builder()
			.issuer("alma-mentoring")
			.subject(subject.toString())
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plus(ttl))
			.claim("roles", List.of("MENTEE"))
			.build();
	}

	private void expectInvalid(Map<String, Object> input, String field) {
		anonymous().document(SIGN_UP)
			.variable("input", input)
			.execute()
			.errors()
			.expect((error) -> "INVALID_INPUT".equals(error.getExtensions().get("code"))
					&& field.equals(error.getExtensions().get("field")))
			.verify();
	}

	private static Map<String, Object> signUpInput(String email, String password, List<String> roles) {
		var input = new java.util.HashMap<String, Object>();
		input.put("email", email);
		input.put("password", password);
		input.put("firstName", email.contains(".") ? capitalize(email.substring(0, email.indexOf('.'))) : "Test");
		input.put("lastName", "Huber");
		input.put("roles", roles);
		return input;
	}

	private static String capitalize(String value) {
		return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1).toLowerCase();
	}

}
