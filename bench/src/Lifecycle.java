import java.util.List;

/**
 * One mentorship lifecycle in flight: who takes part, how far it is, and when its next step is due. The steps
 * themselves are {@link LoadPhase#appStep} (through /graphql) and {@link LoadPhase#engineStep} (through
 * /engine-rest). The names below are the operations as the result tables show them.
 */
final class Lifecycle {

	/** The GraphQL lifecycle's mutations, in the order a lifecycle sends them. */
	static final List<String> APP_MUTATIONS = List.of("signUp", "requestMentorship", "acceptMentorshipRequest",
			"saveAgreement", "submitAgreement", "approveAgreement", "proposeMeeting", "scheduleMeeting",
			"confirmMeetingHeld (mentee)", "confirmMeetingHeld (mentor)", "proposeClosure", "confirmClosure");

	/** The mutations that make a process step (sign-ups left out: BCrypt dominates them). */
	static final List<String> STEP_MUTATIONS = List.of("requestMentorship", "acceptMentorshipRequest",
			"saveAgreement", "submitAgreement", "approveAgreement", "proposeMeeting", "scheduleMeeting",
			"proposeClosure", "confirmClosure");

	/** Our mutation and the engine REST call that makes the same process step. */
	static final String[][] SAME_STEP = { { "requestMentorship", "engine: start process instance" },
			{ "acceptMentorshipRequest", "engine: complete Task_ReviewRequest" },
			{ "submitAgreement", "engine: complete Task_WriteAgreement" },
			{ "approveAgreement", "engine: complete Task_ApproveAgreement" },
			{ "proposeMeeting", "engine: correlate MeetingProposed" },
			{ "scheduleMeeting", "engine: complete Task_ScheduleMeeting" },
			{ "confirmMeetingHeld (mentee)", "engine: complete Task_ConfirmByMentee" },
			{ "confirmMeetingHeld (mentor)", "engine: complete Task_ConfirmByMentor" },
			{ "proposeClosure", "engine: correlate ClosureProposed" },
			{ "confirmClosure", "engine: complete Task_ConfirmClosure" } };

	App.Account mentee;

	App.Account mentor;

	String mentorshipId;

	String meetingId;

	String processInstanceId;

	String certificatePath;

	int step;

	long readyAt;

	long startedAt = System.nanoTime();

	long meetingTimeNanos;

	int tries;

	/** The operation the GraphQL lifecycle's step {@code step} sends. */
	static String stepName(int step) {
		return switch (step) {
			case 0 -> "signUp (mentee)";
			case 1 -> "signUp (mentor)";
			case 2 -> "requestMentorship";
			case 3 -> "acceptMentorshipRequest";
			case 4 -> "saveAgreement";
			case 5 -> "submitAgreement";
			case 6 -> "approveAgreement";
			case 7 -> "proposeMeeting";
			case 8 -> "scheduleMeeting";
			case 9 -> "confirmMeetingHeld (mentee)";
			case 10 -> "confirmMeetingHeld (mentor)";
			case 11 -> "proposeClosure";
			case 12 -> "confirmClosure";
			case 13 -> "me { certificates }";
			default -> "certificate download (GET)";
		};
	}

}
