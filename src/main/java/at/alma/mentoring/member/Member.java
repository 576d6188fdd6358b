package at.alma.mentoring.member;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member account with its profile ("Meine Daten"). Guards its own invariants:
 * normalised e-mail, a valid IANA time zone, a mentor capacity of at least one.
 */
@Entity
@NamedQuery(name = "Member.findIdsSharingMentoringPartners",
		query = "select m.id from Member m where m.id in :ids and m.showMentoringPartners = true")
@NamedQuery(name = "Member.findByIdForUpdate", query = "select m from Member m where m.id = :id")
@Table(name = "members")
class Member {

	static final String DEFAULT_TIME_ZONE = "Europe/Vienna";

	static final int DEFAULT_MENTOR_CAPACITY = 1;

	@Id
	private UUID id;

	private String email;

	private String passwordHash;

	private String firstName;

	private String lastName;

	@Enumerated(EnumType.STRING)
	private Language language;

	private String timeZone;

	private String bio;

	private String location;

	/** What a mentee wants from a mentorship, in their words; null when not said. */
	private String goals;

	/** {@link ProfileMeetingKind} names, comma-separated ({@link #getMeetingKinds()}). */
	private String meetingKinds = "";

	private boolean mentorAvailable;

	private int mentorCapacity;

	/**
	 * Whether the public profile may name the other side of mentorship achievements.
	 */
	private boolean showMentoringPartners;

	private Instant createdAt;

	/**
	 * Carried by every token issued to the member; raising it revokes them all
	 * ({@code platform.TokenRevocation}).
	 */
	private long tokenVersion;

	/** Set while an admin has suspended the account. */
	private Instant suspendedAt;

	private String suspensionReason;

	/**
	 * Set when the member deleted their account: the row stays as a pseudonymous
	 * tombstone (the id), everything personal is erased, and the account counts as
	 * suspended for good (no sign-in, no tokens, no directory, no mail).
	 */
	private Instant deletedAt;

	/**
	 * When the address in force was verified; null until the sign-up link is followed.
	 */
	private Instant emailVerifiedAt;

	/**
	 * The address a {@code changeEmail} waits to have verified; the old one is in force.
	 */
	private String pendingEmail;

	@Version
	private Long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "member_roles", joinColumns = @JoinColumn(name = "member_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@ElementCollection
	@CollectionTable(name = "member_topics", joinColumns = @JoinColumn(name = "member_id"))
	@OrderColumn(name = "position")
	@Column(name = "topic")
	private List<String> topics = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "member_languages", joinColumns = @JoinColumn(name = "member_id"))
	@OrderColumn(name = "position")
	@Column(name = "language")
	private List<String> languages = new ArrayList<>();

	/** Industries or fields: what a mentor offers, what a mentee works in or seeks. */
	@ElementCollection
	@CollectionTable(name = "member_fields", joinColumns = @JoinColumn(name = "member_id"))
	@OrderColumn(name = "position")
	@Column(name = "field")
	private List<String> fields = new ArrayList<>();

	/**
	 * Topics, fields and languages as compared ({@link MatchKeys}); derived, never set.
	 */
	@ElementCollection
	@CollectionTable(name = "member_match_keys", joinColumns = @JoinColumn(name = "member_id"))
	@OrderColumn(name = "position")
	private List<MatchKey> matchKeys = new ArrayList<>();

	protected Member() {
	}

	Member(String email, String passwordHash, String firstName, String lastName, Set<Role> roles, Language language,
			String timeZone, Instant now) {
		this.id = UUID.randomUUID();
		this.email = normalizeEmail(email);
		this.passwordHash = passwordHash;
		this.firstName = firstName.strip();
		this.lastName = lastName.strip();
		this.roles = EnumSet.copyOf(roles);
		this.language = language;
		this.timeZone = requireZone(timeZone == null ? DEFAULT_TIME_ZONE : timeZone);
		this.mentorAvailable = roles.contains(Role.MENTOR);
		this.mentorCapacity = DEFAULT_MENTOR_CAPACITY;
		this.createdAt = now;
	}

	static String normalizeEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	static String requireZone(String zone) {
		if (!ZoneId.getAvailableZoneIds().contains(zone)) {
			throw new at.alma.mentoring.platform.InvalidInputException("input.timeZone",
					"timeZone must be an IANA time zone such as Europe/Vienna");
		}
		return zone;
	}

	void apply(ProfileChanges changes) {
		if (changes.firstName() != null) {
			this.firstName = changes.firstName().strip();
		}
		if (changes.lastName() != null) {
			this.lastName = changes.lastName().strip();
		}
		if (changes.bio() != null) {
			this.bio = changes.bio().isBlank() ? null : changes.bio().strip();
		}
		if (changes.location() != null) {
			this.location = changes.location().isBlank() ? null : changes.location().strip();
		}
		if (changes.goals() != null) {
			this.goals = changes.goals().isBlank() ? null : changes.goals().strip();
		}
		if (changes.topics() != null) {
			this.topics = distinctStripped(changes.topics());
		}
		if (changes.fields() != null) {
			this.fields = distinctStripped(changes.fields());
		}
		if (changes.languages() != null) {
			this.languages = distinctStripped(changes.languages());
		}
		if (changes.meetingKinds() != null) {
			this.meetingKinds = ProfileMeetingKind.store(changes.meetingKinds());
		}
		if (changes.topics() != null || changes.fields() != null || changes.languages() != null) {
			refreshMatchKeys();
		}
		if (changes.timeZone() != null) {
			this.timeZone = requireZone(changes.timeZone());
		}
		if (changes.language() != null) {
			this.language = changes.language();
		}
		if (changes.showMentoringPartners() != null) {
			this.showMentoringPartners = changes.showMentoringPartners();
		}
		if (changes.mentorAvailable() != null || changes.mentorCapacity() != null) {
			if (!this.roles.contains(Role.MENTOR)) {
				throw new at.alma.mentoring.platform.InvalidInputException("input.mentorAvailable", "NOT_A_MENTOR",
						"Only members with the MENTOR role have mentor availability and capacity");
			}
			if (changes.mentorAvailable() != null) {
				this.mentorAvailable = changes.mentorAvailable();
			}
			if (changes.mentorCapacity() != null) {
				this.mentorCapacity = changes.mentorCapacity();
			}
		}
	}

	/** Grants ADMIN to a member named in configuration; never reachable from signUp. */
	boolean grantAdmin() {
		return this.roles.add(Role.ADMIN);
	}

	/** Takes ADMIN from a member whose address is no longer in the configuration. */
	boolean revokeAdmin() {
		return this.roles.remove(Role.ADMIN);
	}

	/**
	 * A new password; every token issued before stops working, and a pending address
	 * change is dropped (its link could be in the mailbox of whoever took the account).
	 */
	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.pendingEmail = null;
		revokeTokens();
	}

	/**
	 * Suspends the account: its tokens stop working; sign-in, the directory and requests
	 * check {@link #isSuspended()}. Returns false when it was suspended already.
	 */
	boolean suspend(String reason, Instant now) {
		if (isSuspended()) {
			return false;
		}
		this.suspendedAt = now;
		this.suspensionReason = reason;
		revokeTokens();
		return true;
	}

	/**
	 * Erases the account's personal data and leaves the tombstone: the address becomes a
	 * placeholder that cannot receive mail (unique, since the column is), the names
	 * empty, the password unusable (no hash matches an empty one); every token stops
	 * working and the account stays suspended, so every check of a suspension keeps the
	 * tombstone out. MENTEE and MENTOR stay: they say which side of old mentorships it
	 * was; ADMIN goes (with refuse-admins off, an admin may delete their account).
	 */
	void erase(Instant now) {
		this.roles.remove(Role.ADMIN);
		this.email = placeholderEmail(this.id);
		this.passwordHash = "";
		this.firstName = "";
		this.lastName = "";
		this.bio = null;
		this.goals = null;
		this.location = null;
		this.topics.clear();
		this.fields.clear();
		this.languages.clear();
		this.meetingKinds = "";
		refreshMatchKeys();
		this.pendingEmail = null;
		this.emailVerifiedAt = null;
		this.mentorAvailable = false;
		this.showMentoringPartners = false;
		this.suspensionReason = null;
		this.suspendedAt = now;
		this.deletedAt = now;
		revokeTokens();
	}

	/** The address of a deleted member: the id only, in a domain that cannot exist. */
	static String placeholderEmail(UUID id) {
		return "deleted-" + id + "@deleted.invalid";
	}

	boolean isDeleted() {
		return this.deletedAt != null;
	}

	Instant getDeletedAt() {
		return this.deletedAt;
	}

	/**
	 * Lifts a suspension; the tokens from before it stay revoked. Returns false when the
	 * account was not suspended.
	 */
	boolean reactivate() {
		if (!isSuspended()) {
			return false;
		}
		this.suspendedAt = null;
		this.suspensionReason = null;
		return true;
	}

	/**
	 * The address in force is verified (the sign-up link, or a password reset mailed to
	 * it).
	 */
	void verifyEmail(Instant now) {
		if (this.emailVerifiedAt == null) {
			this.emailVerifiedAt = now;
		}
	}

	boolean isEmailVerified() {
		return this.emailVerifiedAt != null;
	}

	Instant getEmailVerifiedAt() {
		return this.emailVerifiedAt;
	}

	/** Waits for {@code newEmail} to be verified; the address in force stays. */
	void requestEmailChange(String newEmail) {
		this.pendingEmail = normalizeEmail(newEmail);
	}

	/** The pending address, verified, is now the one in force. */
	void completeEmailChange(Instant now) {
		this.email = this.pendingEmail;
		this.pendingEmail = null;
		this.emailVerifiedAt = now;
	}

	String getPendingEmail() {
		return this.pendingEmail;
	}

	boolean isSuspended() {
		return this.suspendedAt != null;
	}

	Instant getSuspendedAt() {
		return this.suspendedAt;
	}

	String getSuspensionReason() {
		return this.suspensionReason;
	}

	/** Every token issued so far stops working (within the revocation cache bound). */
	void revokeTokens() {
		this.tokenVersion++;
	}

	private void refreshMatchKeys() {
		List<MatchKey> keys = new ArrayList<>();
		addMatchKeys(keys, MatchKey.Kind.TOPIC, this.topics);
		addMatchKeys(keys, MatchKey.Kind.FIELD, this.fields);
		addMatchKeys(keys, MatchKey.Kind.LANGUAGE, this.languages);
		this.matchKeys.clear();
		this.matchKeys.addAll(keys);
	}

	private static void addMatchKeys(List<MatchKey> keys, MatchKey.Kind kind, List<String> labels) {
		Set<String> seen = new java.util.HashSet<>();
		for (String label : labels) {
			String key = MatchKeys.of(label);
			if (!key.isEmpty() && seen.add(key)) {
				keys.add(new MatchKey(kind, key, label));
			}
		}
	}

	private static List<String> distinctStripped(List<String> values) {
		return new ArrayList<>(new LinkedHashSet<>(values.stream().map(String::strip).toList()));
	}

	/** The pseudonymised name other members see: "Anna K." */
	String getDisplayName() {
		return this.lastName.isEmpty() ? this.firstName
				: this.firstName + " " + this.lastName.substring(0, this.lastName.offsetByCodePoints(0, 1)) + ".";
	}

	UUID getId() {
		return this.id;
	}

	String getEmail() {
		return this.email;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	String getFirstName() {
		return this.firstName;
	}

	String getLastName() {
		return this.lastName;
	}

	Language getLanguage() {
		return this.language;
	}

	String getTimeZone() {
		return this.timeZone;
	}

	String getBio() {
		return this.bio;
	}

	String getLocation() {
		return this.location;
	}

	boolean isMentorAvailable() {
		return this.mentorAvailable;
	}

	int getMentorCapacity() {
		return this.mentorCapacity;
	}

	boolean isShowMentoringPartners() {
		return this.showMentoringPartners;
	}

	long getTokenVersion() {
		return this.tokenVersion;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Set<Role> getRoles() {
		return this.roles;
	}

	boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	List<String> getTopics() {
		return this.topics;
	}

	List<String> getLanguages() {
		return this.languages;
	}

	List<String> getFields() {
		return this.fields;
	}

	String getGoals() {
		return this.goals;
	}

	Set<ProfileMeetingKind> getMeetingKinds() {
		return ProfileMeetingKind.read(this.meetingKinds);
	}

	List<MatchKey> getMatchKeys() {
		return this.matchKeys;
	}

}
