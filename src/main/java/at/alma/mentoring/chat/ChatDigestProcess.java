package at.alma.mentoring.chat;

/**
 * Names of {@code bpmn/chat-digest.bpmn}: a timer start event every 15 minutes starts an
 * instance whose only step, an async job, sends the due digests. The timer is the one
 * periodic trigger of the cluster (one job, run by one engine); the claim in
 * {@link ReadStates#claim} keeps even two overlapping runs from mailing twice.
 */
final class ChatDigestProcess {

	static final String KEY = "chat-digest";

	static final String START = "Start_Every15Minutes";

	static final String SEND_DIGESTS = "Task_SendChatDigests";

	private ChatDigestProcess() {
	}

}
