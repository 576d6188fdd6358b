package at.alma.mentoring.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A meeting as one member sees it, read in one transaction; times also in the viewer's
 * own zone.
 */
record MeetingView(UUID id, UUID mentorshipId, MeetingStatus status, boolean finalMeeting, List<SlotView> slots,
		SlotView scheduled, int invitationSequence, String declineMessage, String cancelReason,
		Instant menteeConfirmedAt, Instant mentorConfirmedAt, UUID notHeldReportedBy, Instant notHeldReportedAt,
		String notHeldReason, Instant confirmationWithdrawnAt, String withdrawalReason, MeetingStatus disputeResolution,
		UUID disputeResolvedBy, Instant disputeResolvedAt, String disputeResolutionReason, Instant unconfirmedAt) {

	static MeetingView of(Meeting meeting, ZoneId viewerZone) {
		List<SlotView> slots = new ArrayList<>();
		for (int i = 0; i < meeting.getSlots().size(); i++) {
			slots.add(SlotView.of(i, meeting.getSlots().get(i), viewerZone));
		}
		return new MeetingView(meeting.getId(), meeting.getMentorshipId(), meeting.getStatus(),
				meeting.isFinalMeeting(), slots,
				(meeting.getScheduled() != null) ? SlotView.of(-1, meeting.getScheduled(), viewerZone) : null,
				meeting.getInvitationSequence(), meeting.getDeclineMessage(), meeting.getCancelReason(),
				meeting.getMenteeConfirmedAt(), meeting.getMentorConfirmedAt(), meeting.getNotHeldReportedBy(),
				meeting.getNotHeldReportedAt(), meeting.getNotHeldReason(), meeting.getConfirmationWithdrawnAt(),
				meeting.getWithdrawalReason(), meeting.getDisputeResolution(), meeting.getDisputeResolvedBy(),
				meeting.getDisputeResolvedAt(), meeting.getDisputeResolutionReason(), meeting.getUnconfirmedAt());
	}

	/**
	 * A time of a meeting; {@code startsAtLocal} is ISO-8601 with the offset of the
	 * viewer's zone.
	 */
	record SlotView(int index, Instant startsAt, String startsAtLocal, String timeZone, int durationMinutes,
			MeetingKind kind, String place, String link) {

		static SlotView of(int index, Slot slot, ZoneId zone) {
			return new SlotView(index, slot.getStartsAt(),
					DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(slot.getStartsAt().atZone(zone)), zone.getId(),
					slot.getDurationMinutes(), slot.getKind(), slot.getPlace(), slot.getLink());
		}

	}

}
