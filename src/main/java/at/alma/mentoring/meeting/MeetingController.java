package at.alma.mentoring.meeting;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.mentorship.MentorshipDirectory;
import at.alma.mentoring.mentorship.MentorshipInfo;
import at.alma.mentoring.mentorship.MentorshipRef;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.Paging;
import at.alma.mentoring.platform.SingleLine;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

@Controller
class MeetingController {

	private final MeetingPlanning planning;

	private final MeetingCalendar calendar;

	private final Meetings meetings;

	private final MentorshipDirectory mentorships;

	private final MemberDirectory members;

	private final CurrentMember currentMember;

	MeetingController(MeetingPlanning planning, MeetingCalendar calendar, Meetings meetings,
			MentorshipDirectory mentorships, MemberDirectory members, CurrentMember currentMember) {
		this.planning = planning;
		this.calendar = calendar;
		this.meetings = meetings;
		this.mentorships = mentorships;
		this.members = members;
		this.currentMember = currentMember;
	}

	@MutationMapping
	MeetingPayload proposeMeeting(@Argument @Valid ProposeMeetingInput input) {
		UUID caller = this.currentMember.id();
		this.members.requireVerifiedEmail(caller);
		return payload(caller, this.planning.propose(caller, input.mentorshipId(), input.slots(),
				Boolean.TRUE.equals(input.finalMeeting())));
	}

	@MutationMapping
	MeetingPayload scheduleMeeting(@Argument @Valid ScheduleMeetingInput input) {
		UUID caller = this.currentMember.id();
		return payload(caller, this.planning.schedule(caller, input.meetingId(), input.slot()));
	}

	@MutationMapping
	MeetingPayload declineMeeting(@Argument @Valid MeetingMessageInput input) {
		UUID caller = this.currentMember.id();
		return payload(caller, this.planning.decline(caller, input.meetingId(), input.message()));
	}

	@MutationMapping
	MeetingPayload rescheduleMeeting(@Argument @Valid RescheduleMeetingInput input) {
		UUID caller = this.currentMember.id();
		return payload(caller, this.planning.reschedule(caller, input.meetingId(), input.slots()));
	}

	@MutationMapping
	MeetingPayload cancelMeeting(@Argument @Valid CancelMeetingInput input) {
		UUID caller = this.currentMember.id();
		return payload(caller, this.planning.cancel(caller, input.meetingId(), input.reason()));
	}

	@MutationMapping
	MeetingPayload confirmMeetingHeld(@Argument @Valid MeetingRefInput input) {
		UUID caller = this.currentMember.id();
		return payload(caller, this.planning.confirmHeld(caller, input.meetingId()));
	}

	@MutationMapping
	MeetingPayload reportMeetingNotHeld(@Argument @Valid MeetingReasonInput input) {
		UUID caller = this.currentMember.id();
		return payload(caller, this.planning.reportNotHeld(caller, input.meetingId(), input.reason()));
	}

	/** Admins: settle a disputed meeting, HELD or NOT_HELD, with a reason. */
	@MutationMapping
	MeetingPayload resolveMeetingDispute(@Argument @Valid ResolveMeetingDisputeInput input) {
		UUID admin = requireAdmin();
		Meeting meeting = this.planning.resolveDispute(admin, input.meetingId(), input.outcome(), input.reason());
		return new MeetingPayload(this.planning.viewAsAdmin(meeting.getId(), admin));
	}

	/** Admins: the disputed meetings, oldest report first. */
	@QueryMapping
	Window<MeetingView> disputedMeetings(ScrollSubrange subrange) {
		UUID admin = requireAdmin();
		return this.planning.disputed(admin, Paging.limit(subrange), Paging.position(subrange));
	}

	@QueryMapping
	List<MeetingView> myMeetings(@Argument Instant from, @Argument Instant to) {
		return this.calendar.between(this.currentMember.id(), from, to);
	}

	@QueryMapping
	@Transactional(readOnly = true)
	MeetingView meeting(@Argument UUID id) {
		UUID caller = this.currentMember.id();
		Meeting meeting = this.meetings.findById(id)
			.filter((candidate) -> candidate.isParticipant(caller))
			.orElseThrow(() -> DomainException.notFound("Meeting"));
		return MeetingView.of(meeting, this.members.get(caller).zone());
	}

	@MutationMapping
	CalendarFeedPayload rotateCalendarFeed() {
		return new CalendarFeedPayload(this.calendar.rotate(this.currentMember.id()));
	}

	@SchemaMapping(typeName = "Me", field = "calendarFeedUrl")
	String calendarFeedUrl() {
		return this.calendar.feedUrl(this.currentMember.id()).orElse(null);
	}

	/**
	 * The meetings of each mentorship (the caller is a participant of the mentorships
	 * handed here).
	 */
	@BatchMapping(typeName = "Mentorship", field = "meetings")
	@Transactional(readOnly = true)
	Map<MentorshipRef, List<MeetingView>> meetings(List<MentorshipRef> mentorships) {
		var zone = this.members.get(this.currentMember.id()).zone();
		Map<UUID, List<MeetingView>> byMentorship = this.meetings
			.findByMentorshipIdInOrderByProposedAtAsc(mentorships.stream().map(MentorshipRef::getId).toList())
			.stream()
			.map((meeting) -> MeetingView.of(meeting, zone))
			.collect(Collectors.groupingBy(MeetingView::mentorshipId));
		Map<MentorshipRef, List<MeetingView>> result = new HashMap<>();
		mentorships.forEach((ref) -> result.put(ref, byMentorship.getOrDefault(ref.getId(), List.of())));
		return result;
	}

	/** Planned (the agreement in force) against actual (meetings held, time passed). */
	@BatchMapping(typeName = "Mentorship", field = "progress")
	@Transactional(readOnly = true)
	Map<MentorshipRef, MentorshipProgress> progress(List<MentorshipRef> mentorships) {
		List<UUID> ids = mentorships.stream().map(MentorshipRef::getId).toList();
		Map<UUID, MentorshipInfo> infos = this.mentorships.findAll(ids);
		Map<UUID, List<Meeting>> byMentorship = this.meetings.findByMentorshipIdInOrderByProposedAtAsc(ids)
			.stream()
			.collect(Collectors.groupingBy(Meeting::getMentorshipId));
		Map<MentorshipRef, MentorshipProgress> result = new HashMap<>();
		for (MentorshipRef ref : mentorships) {
			result.put(ref, MentorshipProgress.of(infos.get(ref.getId()),
					byMentorship.getOrDefault(ref.getId(), List.of()), this.planning.today()));
		}
		return result;
	}

	private UUID requireAdmin() {
		UUID caller = this.currentMember.id();
		if (!this.currentMember.isAdmin()) {
			throw DomainException.forbidden("Only admins settle disputed meetings");
		}
		return caller;
	}

	private MeetingPayload payload(UUID caller, Meeting meeting) {
		return new MeetingPayload(this.planning.view(meeting.getId(), caller));
	}

	record ProposeMeetingInput(@NotNull UUID mentorshipId, List<SlotInput> slots, Boolean finalMeeting) {
	}

	record ScheduleMeetingInput(@NotNull UUID meetingId, int slot) {
	}

	record MeetingMessageInput(@NotNull UUID meetingId, String message) {
	}

	record RescheduleMeetingInput(@NotNull UUID meetingId, List<SlotInput> slots) {
	}

	record CancelMeetingInput(@NotNull UUID meetingId, String reason) {
	}

	record MeetingRefInput(@NotNull UUID meetingId) {
	}

	record MeetingReasonInput(@NotNull UUID meetingId,
			@NotNull @Size(max = MeetingPlanning.MAX_REASON) @SingleLine String reason) {
	}

	record ResolveMeetingDisputeInput(@NotNull UUID meetingId, @NotNull MeetingStatus outcome,
			@NotNull @Size(max = MeetingPlanning.MAX_REASON) @SingleLine String reason) {
	}

	record MeetingPayload(MeetingView meeting) {
	}

	record CalendarFeedPayload(String calendarFeedUrl) {
	}

}
