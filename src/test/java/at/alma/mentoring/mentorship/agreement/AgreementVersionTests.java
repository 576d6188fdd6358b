package at.alma.mentoring.mentorship.agreement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import at.alma.mentoring.platform.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The approval round {@link AgreementVersion} guards, without a server: the mentee drafts
 * and submits, the mentor approves or asks for changes, an approved version stays as it
 * is.
 */
class AgreementVersionTests {

	private static final Instant NOW = Instant.parse("2027-01-04T09:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final Clock later = Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC);

	private final UUID mentorship = UUID.randomUUID();

	private final UUID mentor = UUID.randomUUID();

	@Test
	void aNewVersionIsADraftOnlyTheMenteeSees() {
		AgreementVersion version = draft();
		assertThat(version.getStatus()).isEqualTo(AgreementStatus.DRAFT);
		assertThat(version.getMentorshipId()).isEqualTo(this.mentorship);
		assertThat(version.getVersionNumber()).isEqualTo(2);
		assertThat(version.getPeriodStart()).isEqualTo(LocalDate.of(2027, 1, 15));
		assertThat(version.getPeriodEnd()).isEqualTo(LocalDate.of(2027, 7, 15));
		assertThat(version.getMeetingCount()).isEqualTo(6);
		assertThat(version.getContactKinds()).containsExactly(ContactKind.IN_PERSON, ContactKind.VIDEO);
		assertThat(version.getContactFrequency()).isEqualTo("every two weeks");
		assertThat(version.getTopics()).containsExactly("Career goals", "Leadership");
		assertThat(version.getSavedAt()).isEqualTo(NOW);
		assertThat(version.isVisibleToMentor()).isFalse();
		assertThat(version.round()).isEqualTo("v2.0");
	}

	@Test
	void theMenteeRevisesADraft() {
		AgreementVersion version = draft();
		version.revise(terms(4, Set.of(ContactKind.PHONE)), this.later);
		assertThat(version.getStatus()).isEqualTo(AgreementStatus.DRAFT);
		assertThat(version.getMeetingCount()).isEqualTo(4);
		assertThat(version.getContactKinds()).containsExactly(ContactKind.PHONE);
		assertThat(version.getSavedAt()).isEqualTo(this.later.instant());
	}

	@Test
	void aSubmittedVersionWaitsForTheMentor() {
		AgreementVersion version = draft();
		version.submit(this.later);
		assertThat(version.getStatus()).isEqualTo(AgreementStatus.SUBMITTED);
		assertThat(version.getSubmittedAt()).isEqualTo(this.later.instant());
		assertThat(version.getSubmissions()).isEqualTo(1);
		assertThat(version.isVisibleToMentor()).isTrue();
		assertThat(version.round()).isEqualTo("v2.1");

		refused(() -> version.revise(terms(4, Set.of(ContactKind.PHONE)), this.later), "ALREADY_SUBMITTED");
		refused(() -> version.submit(this.later), "ALREADY_SUBMITTED");
		assertThat(version.getMeetingCount()).isEqualTo(6);
		assertThat(version.getSubmissions()).isEqualTo(1);
	}

	@Test
	void theMentorApprovesASubmittedVersion() {
		AgreementVersion version = submitted();
		version.approve(this.mentor, this.later);
		assertThat(version.getStatus()).isEqualTo(AgreementStatus.APPROVED);
		assertThat(version.getApprovedBy()).isEqualTo(this.mentor);
		assertThat(version.getApprovedAt()).isEqualTo(this.later.instant());
	}

	@Test
	void anApprovedVersionIsNotChangedSubmittedOrDecidedAgain() {
		AgreementVersion version = submitted();
		version.approve(this.mentor, this.clock);
		refused(() -> version.revise(terms(4, Set.of(ContactKind.PHONE)), this.later), "WRONG_STATE");
		refused(() -> version.submit(this.later), "NO_DRAFT");
		refused(() -> version.approve(this.mentor, this.later), "WRONG_STATE");
		refused(() -> version.requestChanges("more", this.later), "WRONG_STATE");
		assertThat(version.getStatus()).isEqualTo(AgreementStatus.APPROVED);
		assertThat(version.getMeetingCount()).isEqualTo(6);
		assertThat(version.getApprovedAt()).isEqualTo(NOW);
	}

	@Test
	void theMentorAsksForChangesAndTheMenteeSubmitsAgain() {
		AgreementVersion version = submitted();
		version.requestChanges("Fewer meetings, please", this.later);
		assertThat(version.getStatus()).isEqualTo(AgreementStatus.CHANGES_REQUESTED);
		assertThat(version.getChangesComment()).isEqualTo("Fewer meetings, please");
		assertThat(version.getChangesRequestedAt()).isEqualTo(this.later.instant());
		refused(() -> version.approve(this.mentor, this.later), "WRONG_STATE");
		refused(() -> version.requestChanges("again", this.later), "WRONG_STATE");

		version.revise(terms(3, Set.of(ContactKind.VIDEO)), this.later);
		assertThat(version.getStatus()).isEqualTo(AgreementStatus.DRAFT);
		version.submit(this.later);
		assertThat(version.getSubmissions()).isEqualTo(2);
		assertThat(version.round()).isEqualTo("v2.2");
	}

	@Test
	void aVersionAskedToChangeCanBeSubmittedAsItIs() {
		AgreementVersion version = submitted();
		version.requestChanges("Sure?", this.clock);
		version.submit(this.later);
		assertThat(version.getStatus()).isEqualTo(AgreementStatus.SUBMITTED);
		assertThat(version.getSubmissions()).isEqualTo(2);
	}

	@Test
	void onlyASubmittedVersionIsDecided() {
		AgreementVersion version = draft();
		refused(() -> version.approve(this.mentor, this.later), "WRONG_STATE");
		refused(() -> version.requestChanges("more", this.later), "WRONG_STATE");
		assertThat(version.getStatus()).isEqualTo(AgreementStatus.DRAFT);
		assertThat(version.getApprovedBy()).isNull();
		assertThat(version.getChangesComment()).isNull();
	}

	private AgreementVersion draft() {
		return new AgreementVersion(this.mentorship, 2, terms(6, Set.of(ContactKind.VIDEO, ContactKind.IN_PERSON)),
				this.clock);
	}

	private AgreementVersion submitted() {
		AgreementVersion version = draft();
		version.submit(this.clock);
		return version;
	}

	private static AgreementTerms terms(int meetings, Set<ContactKind> kinds) {
		return new AgreementTerms(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 7, 15), meetings, kinds,
				" every two weeks ", List.of("Career goals", " Leadership", "Leadership "));
	}

	private static void refused(ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOf(DomainException.class).extracting("code").isEqualTo(code);
	}

}
