package at.alma.mentoring.member;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import at.alma.mentoring.platform.SingleLine;

/**
 * {@code UpdateProfileInput}: every field optional, {@code null} leaves it unchanged; an
 * empty bio, goals or location clears it.
 */
record ProfileChanges(
		@Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") @SingleLine String firstName,
		@Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") @SingleLine String lastName,
		@Size(max = 4000) String bio, @Size(max = 1000) String goals,
		@Size(max = 20) List<@NotBlank @Size(max = 60) @SingleLine String> topics,
		@Size(max = 10) List<@NotBlank @Size(max = 60) @SingleLine String> fields,
		@Size(max = 10) List<@NotBlank @Size(max = 40) @SingleLine String> languages,
		@Size(max = 200) @SingleLine String location, @Size(max = 64) @SingleLine String timeZone, Language language,
		@Size(max = 10) List<ProfileMeetingKind> meetingKinds, Boolean mentorAvailable,
		@Min(1) @Max(20) Integer mentorCapacity, Boolean showMentoringPartners) {

	static final String NOT_BLANK = "(?s).*\\S.*";

}
