package at.alma.mentoring.mentorship;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.DomainEvents;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static at.alma.mentoring.Scenarios.terms;
import static org.assertj.core.api.Assertions.assertThat;

class AgreementApiTests extends ApiTest {

	@Autowired
	DomainEvents events;

	@Test
	void menteeDraftsSubmitsAndTheMentorApproves() throws Exception {
		Account mentee = signUpWith("Olga", "Iwanowa", "EN", "Europe/Berlin", "MENTEE");
		Account mentor = signUp("Peter", "Lechner", "MENTOR");
		UUID id = accepted(mentee, mentor);
		as(mentee).documentName("myTasks")
			.execute()
			.path("myTasks.edges[0].node.kind")
			.entity(String.class)
			.isEqualTo("WRITE_AGREEMENT");

		this.scenarios.saveAgreement(mentee, terms(id, 4));
		var saved = this.scenarios.saveAgreement(mentee, terms(id, 6)); // as often as the
																		// mentee likes:
		// still version 1
		saved.path("saveAgreement.agreement.version").entity(Integer.class).isEqualTo(1);
		saved.path("saveAgreement.agreement.status").entity(String.class).isEqualTo("DRAFT");
		saved.path("saveAgreement.agreement.meetingCount").entity(Integer.class).isEqualTo(6);
		saved.path("saveAgreement.agreement.topics")
			.entityList(String.class)
			.containsExactly("Career goals", "Leadership", "Negotiation");
		// a draft is the mentee's own until submitted
		as(mentor).documentName("agreementView")
			.variable("id", id)
			.execute()
			.path("mentorship.agreementDraft")
			.valueIsNull()
			.path("mentorship.agreementVersions")
			.entityList(Object.class)
			.hasSize(0);

		mail.purge();
		this.scenarios.submitAgreement(mentee, id)
			.path("submitAgreement.agreement.status")
			.entity(String.class)
			.isEqualTo("SUBMITTED");
		as(mentee).documentName("myTasks").execute().path("myTasks.edges").entityList(Object.class).hasSize(0);
		as(mentor).documentName("myTasks")
			.execute()
			.path("myTasks.edges[0].node.kind")
			.entity(String.class)
			.isEqualTo("APPROVE_AGREEMENT");
		runJobs(id);
		List<MimeMessage> toMentor = mail.to(mentor.email());
		assertThat(toMentor).extracting(MimeMessage::getSubject)
			.containsExactly("Olga Iwanowa bittet Sie, die Mentoring-Vereinbarung freizugeben");
		assertThat(TestMailServer.text(toMentor.get(0)).replace("\r\n", "\n")).contains("Version 1")
			.contains("Treffen: 6")
			.contains("  1. Career goals\n  2. Leadership\n  3. Negotiation\n")
			.containsPattern("\n- Treffen: 6\n- Themen:\n  1\\.");
		assertThat(TestMailServer.html(toMentor.get(0))).contains("Treffen: 6")
			.contains("<li>Leadership</li>")
			.contains("Version 1");

		var approved = this.scenarios.decideAgreement(mentor, "approveAgreement", id, 1, null);
		approved.path("approveAgreement.mentorship.status").entity(String.class).isEqualTo("ACTIVE");
		approved.path("approveAgreement.agreement.approvedBy.id")
			.entity(String.class)
			.isEqualTo(mentor.id().toString());
		runJobs(id);
		assertThat(mail.to(mentee.email())).extracting(MimeMessage::getSubject)
			.containsExactly("Peter Lechner approved your mentoring agreement");
		// every agreement mail lists the terms of its version (one shared fragment)
		assertThat(TestMailServer.text(mail.to(mentee.email()).get(0))).contains("Meetings: 6")
			.contains("  3. Negotiation");
		assertThat(TestMailServer.html(mail.to(mentee.email()).get(0))).contains("Meetings: 6")
			.contains("<li>Negotiation</li>");
		assertThat(this.events.of(MentorshipActivated.class).filter((event) -> event.mentorshipId().equals(id)))
			.singleElement()
			.satisfies((event) -> assertThat(event.menteeId()).isEqualTo(mentee.id()));

		for (Account participant : List.of(mentee, mentor)) {
			var view = as(participant).documentName("agreementView").variable("id", id).execute();
			view.path("mentorship.agreement.version").entity(Integer.class).isEqualTo(1);
			view.path("mentorship.agreement.approvedBy.firstName").entity(String.class).isEqualTo("Peter");
			view.path("mentorship.agreementDraft").valueIsNull();
		}
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(id.toString())
			.processDefinitionKey("mentorship-lifecycle")
			.singleResult()).isNotNull();
		// Cockpit shows it "active": waiting inside the active stage
		assertThat(this.runtimeService.createExecutionQuery()
			.activityId("Timer_InactivityDue")
			.processInstanceBusinessKey(id.toString())
			.count()).isEqualTo(1);
	}

	@Test
	void mentorAsksForChangesAndTheMenteeRevises() throws Exception {
		Account mentee = signUp("Quentin", "Roth", "MENTEE");
		Account mentor = signUpWith("Rosa", "Sommer", "EN", "Europe/London", "MENTOR");
		UUID id = accepted(mentee, mentor);
		this.scenarios.saveAgreement(mentee, terms(id, 3));
		this.scenarios.submitAgreement(mentee, id);
		expectCode(this.scenarios.submitAgreement(mentee, id), "ALREADY_SUBMITTED");
		expectCode(this.scenarios.saveAgreement(mentee, terms(id, 5)), "ALREADY_SUBMITTED");
		expectCode(this.scenarios.decideAgreement(mentor, "requestAgreementChanges", id, 1, " "), "INVALID_INPUT");
		expectCode(this.scenarios.decideAgreement(mentor, "approveAgreement", id, 2, null), "VERSION_OUTDATED");

		mail.purge();
		this.scenarios.decideAgreement(mentor, "requestAgreementChanges", id, 1, "Let us meet more often, please.")
			.path("requestAgreementChanges.agreement.status")
			.entity(String.class)
			.isEqualTo("CHANGES_REQUESTED");
		runJobs(id);
		MimeMessage changes = mail.to(mentee.email()).get(0);
		assertThat(changes.getSubject()).isEqualTo("Rosa Sommer bittet um Änderungen an der Mentoring-Vereinbarung");
		assertThat(TestMailServer.text(changes)).contains("Let us meet more often, please.");
		as(mentee).documentName("myTasks")
			.execute()
			.path("myTasks.edges[0].node.kind")
			.entity(String.class)
			.isEqualTo("REVISE_AGREEMENT");
		as(mentee).documentName("agreementView")
			.variable("id", id)
			.execute()
			.path("mentorship.agreementDraft.changesComment")
			.entity(String.class)
			.isEqualTo("Let us meet more often, please.");

		this.scenarios.saveAgreement(mentee, terms(id, 8))
			.path("saveAgreement.agreement.status")
			.entity(String.class)
			.isEqualTo("DRAFT");
		mail.purge();
		this.scenarios.submitAgreement(mentee, id);
		runJobs(id);
		assertThat(mail.to(mentor.email())).extracting(MimeMessage::getSubject)
			.containsExactly("Quentin Roth asks you to approve the mentoring agreement");
		this.scenarios.decideAgreement(mentor, "approveAgreement", id, 1, null)
			.path("approveAgreement.agreement.meetingCount")
			.entity(Integer.class)
			.isEqualTo(8);
	}

	@Test
	void amendmentsAreNewVersionsWhileTheApprovedOneStaysInForce() {
		Account mentee = signUp("Sara", "Vogel", "MENTEE");
		Account mentor = signUp("Theo", "Winter", "MENTOR");
		UUID id = active(mentee, mentor);

		this.scenarios.saveAgreement(mentee, terms(id, 10))
			.path("saveAgreement.agreement.version")
			.entity(Integer.class)
			.isEqualTo(2);
		this.scenarios.submitAgreement(mentee, id);
		var during = as(mentee).documentName("agreementView").variable("id", id).execute();
		during.path("mentorship.agreement.version").entity(Integer.class).isEqualTo(1);
		during.path("mentorship.agreement.meetingCount").entity(Integer.class).isEqualTo(6);
		during.path("mentorship.agreementDraft.version").entity(Integer.class).isEqualTo(2);
		as(mentor).documentName("myTasks")
			.execute()
			.path("myTasks.edges[0].node.kind")
			.entity(String.class)
			.isEqualTo("APPROVE_AGREEMENT");

		expectCode(this.scenarios.decideAgreement(mentor, "approveAgreement", id, 1, null), "VERSION_OUTDATED");
		this.scenarios.decideAgreement(mentor, "requestAgreementChanges", id, 2, "Ten is a lot; eight?");
		this.scenarios.saveAgreement(mentee, terms(id, 8));
		this.scenarios.submitAgreement(mentee, id);
		this.scenarios.decideAgreement(mentor, "approveAgreement", id, 2, null)
			.path("approveAgreement.mentorship.status")
			.entity(String.class)
			.isEqualTo("ACTIVE");
		runJobs(id);

		var after = as(mentor).documentName("agreementView").variable("id", id).execute();
		after.path("mentorship.agreement.version").entity(Integer.class).isEqualTo(2);
		after.path("mentorship.agreement.meetingCount").entity(Integer.class).isEqualTo(8);
		after.path("mentorship.agreementVersions[*].version").entityList(Integer.class).containsExactly(1, 2);
		after.path("mentorship.agreementVersions[*].status")
			.entityList(String.class)
			.containsExactly("APPROVED", "APPROVED");
		after.path("mentorship.agreementVersions[1].approvedBy.id")
			.entity(String.class)
			.isEqualTo(mentor.id().toString());
		// an amendment activates nothing: the mentorship was activated by its first
		// version
		assertThat(this.events.of(MentorshipActivated.class).filter((event) -> event.mentorshipId().equals(id)))
			.hasSize(1);
		// nothing left to submit
		expectCode(this.scenarios.submitAgreement(mentee, id), "NO_DRAFT");
	}

	@Test
	void onlyTheMenteeWritesOnlyTheMentorDecidesAndNoOneElseReads() {
		Account mentee = signUp("Ute", "Zach", "MENTEE");
		Account mentor = signUp("Valentin", "Amann", "MENTOR");
		Account third = signUp("Wanda", "Bach", "MENTEE", "MENTOR");
		UUID id = accepted(mentee, mentor);
		long[] before = mentorshipFootprint();
		long versionsBefore = count("agreement_versions");

		expectCode(this.scenarios.saveAgreement(mentor, terms(id, 5)), "NOT_YOUR_TURN");
		expectCode(this.scenarios.submitAgreement(mentor, id), "NOT_YOUR_TURN");
		expectCode(this.scenarios.saveAgreement(third, terms(id, 5)), "NOT_FOUND");
		this.scenarios.saveAgreement(mentee, terms(id, 5));
		this.scenarios.submitAgreement(mentee, id);
		long[] submitted = mentorshipFootprint();
		expectCode(this.scenarios.decideAgreement(mentee, "approveAgreement", id, 1, null), "NOT_YOUR_TURN");
		expectCode(this.scenarios.decideAgreement(third, "approveAgreement", id, 1, null), "NOT_FOUND");
		expectCode(this.scenarios.decideAgreement(third, "requestAgreementChanges", id, 1, "no"), "NOT_FOUND");
		as(third).documentName("agreementView")
			.variable("id", id)
			.execute()
			.errors()
			.expect((error) -> "NOT_FOUND".equals(error.getExtensions().get("code")))
			.verify();
		assertThat(mentorshipFootprint()).containsExactly(submitted);
		assertThat(before[0]).isEqualTo(submitted[0]);
		assertThat(count("agreement_versions")).isEqualTo(versionsBefore + 1);
	}

	@Test
	void refusesInvalidTermsAndStoresNothing() {
		Account mentee = signUp("Xenia", "Eder", "MENTEE");
		Account mentor = signUp("Yusuf", "Fuchs", "MENTOR");
		UUID requested = this.scenarios.requestedWithMessage(mentee, mentor);
		expectCode(this.scenarios.saveAgreement(mentee, terms(requested, 5)), "WRONG_STATE");
		Account owner = signUp("Zeno", "Gruber", "MENTEE");
		UUID id = accepted(owner, signUp("Alma", "Haas", "MENTOR"));
		long versions = count("agreement_versions");
		Map<String, Map<String, Object>> bad = Map.of("input.periodEnd", with(terms(id, 5), "periodEnd", "2027-01-01"),
				"input.periodEnd ", with(terms(id, 5), "periodEnd", "2030-01-15"), "input.meetingCount",
				with(terms(id, 5), "meetingCount", 0), "input.contactKinds",
				with(terms(id, 5), "contactKinds", List.of()), "input.contactFrequency",
				with(terms(id, 5), "contactFrequency", "  "), "input.topics",
				with(terms(id, 5), "topics", java.util.Collections.nCopies(31, "topic")), "input.topics ",
				with(terms(id, 5), "topics", List.of("x".repeat(201))));
		bad.forEach((field, input) -> this.scenarios.saveAgreement(owner, input)
			.errors()
			.expect((error) -> "INVALID_INPUT".equals(error.getExtensions().get("code"))
					&& field.strip().equals(error.getExtensions().get("field")))
			.verify());
		expectCode(this.scenarios.submitAgreement(owner, id), "NO_DRAFT");
		assertThat(count("agreement_versions")).isEqualTo(versions);
	}

	private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
		var copy = new java.util.HashMap<>(input);
		copy.put(key, value);
		return copy;
	}

}
