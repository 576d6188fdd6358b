package at.alma.mentoring.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.variable.Variables;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.mentorship.MentorshipDirectory;
import at.alma.mentoring.mentorship.MentorshipParties;
import at.alma.mentoring.mentorship.MentorshipInfo;
import at.alma.mentoring.mentorship.MentorshipStatus;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.workflow.WorkflowTasks;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arranging and confirming meetings. Each method changes the meeting and its process
 * instance in one transaction and counts as activity of the mentorship.
 */
@Service
class MeetingPlanning {

	static final int MAX_TEXT = 2000;

	/** Why a meeting did not take place, or why a dispute was settled so. */
	static final int MAX_REASON = 500;

	private final Meetings meetings;

	private final MentorshipDirectory mentorships;

	private final MemberDirectory members;

	private final WorkflowTasks workflow;

	private final MeetingSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MeetingPlanning(Meetings meetings, MentorshipDirectory mentorships, MemberDirectory members, WorkflowTasks workflow,
			MeetingSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.meetings = meetings;
		this.mentorships = mentorships;
		this.members = members;
		this.workflow = workflow;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Meeting propose(UUID callerId, UUID mentorshipId, List<SlotInput> slots, boolean finalMeeting) {
		MentorshipParties mentorship = this.mentorships.ofParticipant(callerId, mentorshipId);
		if (!mentorship.menteeId().equals(callerId)) {
			throw DomainException.refused("NOT_YOUR_TURN", "The mentee proposes meetings");
		}
		if (!mentorship.isOngoing()) {
			throw DomainException.refused("WRONG_STATE", "Meetings belong to an accepted or active mentorship");
		}
		if (finalMeeting && mentorship.status() != MentorshipStatus.ACTIVE) {
			throw DomainException.refused("NOT_ACTIVE", "The final meeting belongs to an active mentorship");
		}
		Meeting meeting = new Meeting(mentorshipId, mentorship.menteeId(), mentorship.mentorId(),
				slots(callerId, slots), finalMeeting, this.clock);
		meeting = this.meetings.saveAndFlush(meeting);
		Map<String, Object> variables = new HashMap<>();
		variables.put(MeetingProcess.MEETING_ID, meeting.getId().toString());
		variables.put(MeetingProcess.CONFIRM_REMINDER_AFTER, this.settings.confirmReminderAfter().toString());
		meeting.startedAs(this.workflow.startCalled(MeetingProcess.MEETING_PROPOSED, mentorship.processInstanceId(),
				MeetingProcess.KEY, MeetingProcess.MEETING_ID, meeting.getId().toString(), variables));
		this.mentorships.recordActivity(mentorshipId);
		return meeting;
	}

	@Transactional
	Meeting schedule(UUID callerId, UUID meetingId, int slotIndex) {
		Meeting meeting = find(callerId, meetingId);
		Slot before = meeting.getScheduled();
		meeting.schedule(callerId, slotIndex, this.clock);
		// the version check makes a concurrent second change wait, then fail
		this.meetings.flush();
		Map<String, Object> variables = new HashMap<>(MeetingMails.round(meeting, before, true));
		variables.put(MeetingProcess.DECISION, MeetingStatus.SCHEDULED.name());
		variables.put(MeetingProcess.STARTS_AT, Date.from(meeting.getScheduled().getStartsAt()));
		variables.put(MeetingProcess.CONFIRM_LAPSES_AFTER, this.settings.confirmLapsesAfter().toString());
		variables.put(MeetingProcess.DISPUTE_REMINDER_AFTER, this.settings.disputeReminderAfter().toString());
		variables.put(MeetingProcess.DISPUTE_LAPSES_AFTER, this.settings.disputeLapsesAfter().toString());
		this.workflow.complete(meeting.getProcessInstanceId(), MeetingProcess.SCHEDULE_MEETING, callerId, variables);
		return done(meeting);
	}

	@Transactional
	Meeting decline(UUID callerId, UUID meetingId, String message) {
		Meeting meeting = find(callerId, meetingId);
		meeting.decline(callerId, text(message, "input.message", true));
		// the version check makes a concurrent second change wait, then fail
		this.meetings.flush();
		this.workflow.complete(meeting.getProcessInstanceId(), MeetingProcess.SCHEDULE_MEETING, callerId,
				Map.of(MeetingProcess.DECISION, MeetingStatus.DECLINED.name()));
		return done(meeting);
	}

	@Transactional
	Meeting reschedule(UUID callerId, UUID meetingId, List<SlotInput> slots) {
		Meeting meeting = find(callerId, meetingId);
		Slot before = meeting.getScheduled();
		meeting.reschedule(callerId, slots(callerId, slots), this.clock);
		// the version check makes a concurrent second change wait, then fail
		this.meetings.flush();
		// for the proposal mail, fixed now (transient: never stored)
		this.workflow.correlate(MeetingProcess.MEETING_RESCHEDULED, meeting.getProcessInstanceId(),
				Map.of(MeetingMails.PROPOSAL_ROUND, Variables.integerValue(meeting.getProposalRound(), true),
						MeetingMails.RESCHEDULED_BY, Variables.stringValue(callerId.toString(), true),
						MeetingMails.MOVED_FROM, Variables.stringValue(before.getStartsAt().toString(), true)));
		return done(meeting);
	}

	@Transactional
	Meeting cancel(UUID callerId, UUID meetingId, String reason) {
		Meeting meeting = find(callerId, meetingId);
		meeting.cancel(callerId, text(reason, "input.reason", true), this.clock);
		// the version check makes a concurrent second change wait, then fail
		this.meetings.flush();
		Map<String, Object> variables = new HashMap<>(MeetingMails.round(meeting, null, true));
		variables.put("cancelledBy", callerId.toString());
		this.workflow.correlate(MeetingProcess.MEETING_CANCELLED, meeting.getProcessInstanceId(), variables);
		return done(meeting);
	}

	@Transactional
	Meeting confirmHeld(UUID callerId, UUID meetingId) {
		Meeting meeting = find(callerId, meetingId);
		boolean held = meeting.confirmHeldBy(callerId, this.clock);
		// the version check makes a concurrent second change wait, then fail
		this.meetings.flush();
		String task = held ? MeetingProcess.CONFIRM_BY_MENTOR : MeetingProcess.CONFIRM_BY_MENTEE;
		this.workflow.complete(meeting.getProcessInstanceId(), task, callerId, Map.of());
		done(meeting);
		if (held) {
			this.events.publishEvent(new MeetingHeld(meeting.getId(), meeting.getMentorshipId(), meeting.getMenteeId(),
					meeting.getMentorId(), meeting.isFinalMeeting()));
		}
		return meeting;
	}

	/**
	 * A participant says the meeting did not take place (after its start): NOT_HELD, or
	 * DISPUTED when the mentor contradicts the mentee's confirmation; the mentee saying
	 * so in a dispute withdraws their confirmation (NOT_HELD). Nothing is achieved.
	 */
	@Transactional
	Meeting reportNotHeld(UUID callerId, UUID meetingId, String reason) {
		Meeting meeting = find(callerId, meetingId);
		MeetingStatus outcome = meeting.reportNotHeldBy(callerId, text(reason, "input.reason", true, MAX_REASON),
				this.clock);
		// the version check makes a concurrent second change wait, then fail
		this.meetings.flush();
		String tell = callerId.equals(meeting.getMenteeId()) ? "MENTOR" : "MENTEE";
		try {
			this.workflow.correlate(MeetingProcess.REPORTED_NOT_HELD, meeting.getProcessInstanceId(),
					Map.of(MeetingProcess.NOT_HELD_OUTCOME, outcome.name(), MeetingProcess.NOT_HELD_TELL_SIDE, tell));
		}
		catch (MismatchingMessageCorrelationException ex) {
			// the start timer has not fired yet (or an old model's instance): not due now
			throw DomainException.refused("NO_OPEN_TASK", "This step is not due now; try again in a minute");
		}
		return done(meeting);
	}

	/**
	 * An admin settles a DISPUTED meeting; HELD publishes {@link MeetingHeld} as any held
	 * meeting does (achievements, counts, feedback requests follow).
	 */
	@Transactional
	Meeting resolveDispute(UUID adminId, UUID meetingId, MeetingStatus outcome, String reason) {
		Meeting meeting = this.meetings.findById(meetingId).orElseThrow(() -> DomainException.notFound("Meeting"));
		meeting.resolveDispute(adminId, outcome, text(reason, "input.reason", true, MAX_REASON), this.clock);
		// the version check makes a concurrent second change wait, then fail
		this.meetings.flush();
		this.workflow.completeGroupTask(meeting.getProcessInstanceId(), MeetingProcess.RESOLVE_DISPUTE,
				MeetingProcess.ADMINS, Map.of(MeetingProcess.DISPUTE_RESOLUTION, outcome.name()));
		if (outcome == MeetingStatus.HELD) {
			this.events.publishEvent(new MeetingHeld(meeting.getId(), meeting.getMentorshipId(), meeting.getMenteeId(),
					meeting.getMentorId(), meeting.isFinalMeeting()));
		}
		return meeting;
	}

	/**
	 * The process's timer: nobody confirmed, or nobody settled the dispute, in time.
	 * Idempotent (a repeated job changes nothing).
	 */
	@Transactional
	void lapse(UUID meetingId) {
		this.meetings.findById(meetingId).ifPresent((meeting) -> {
			if (meeting.lapse(this.clock)) {
				this.meetings.flush();
			}
		});
	}

	/**
	 * The disputed meetings, oldest report first, as {@code admin} sees them; one page.
	 */
	@Transactional(readOnly = true)
	Window<MeetingView> disputed(UUID admin, Limit limit, ScrollPosition position) {
		var zone = this.members.get(admin).zone();
		return this.meetings.findByStatusOrderByNotHeldReportedAtAscIdAsc(MeetingStatus.DISPUTED, position, limit)
			.map((meeting) -> MeetingView.of(meeting, zone));
	}

	/** A meeting as an admin sees it (who resolved a dispute). */
	@Transactional(readOnly = true)
	MeetingView viewAsAdmin(UUID meetingId, UUID admin) {
		return MeetingView.of(this.meetings.findById(meetingId).orElseThrow(() -> DomainException.notFound("Meeting")),
				this.members.get(admin).zone());
	}

	/** The meeting as {@code viewer} sees it, in their time zone. */
	@Transactional(readOnly = true)
	MeetingView view(UUID meetingId, UUID viewer) {
		return MeetingView.of(find(viewer, meetingId), this.members.get(viewer).zone());
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private Meeting done(Meeting meeting) {
		this.meetings.flush();
		this.mentorships.recordActivity(meeting.getMentorshipId());
		return meeting;
	}

	private Meeting find(UUID callerId, UUID meetingId) {
		return this.meetings.findById(meetingId)
			.filter((meeting) -> meeting.isParticipant(callerId))
			.orElseThrow(() -> DomainException.notFound("Meeting"));
	}

	private List<Slot> slots(UUID callerId, List<SlotInput> inputs) {
		if (inputs == null || inputs.isEmpty() || inputs.size() > Meeting.MAX_SLOTS) {
			throw new InvalidInputException("input.slots", "Propose one to " + Meeting.MAX_SLOTS + " times");
		}
		var zone = this.members.get(callerId).zone();
		List<Slot> slots = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			slots.add(inputs.get(i).toSlot(zone, "input.slots[" + i + "]"));
		}
		return slots;
	}

	private static String text(String value, String field, boolean required) {
		return text(value, field, required, MAX_TEXT);
	}

	private static String text(String value, String field, boolean required, int max) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new InvalidInputException(field, "Please write a short message");
			}
			return null;
		}
		if (value.length() > max) {
			throw new InvalidInputException(field, "At most " + max + " characters");
		}
		return value.strip();
	}

}
