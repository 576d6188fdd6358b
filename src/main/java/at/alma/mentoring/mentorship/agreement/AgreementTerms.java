package at.alma.mentoring.mentorship.agreement;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import at.alma.mentoring.platform.InvalidInputException;

/**
 * What mentor and mentee agree on: the period, how many meetings, how and how often they
 * keep in touch, and a rough plan of topics. Validates itself on creation.
 */
record AgreementTerms(LocalDate periodStart, LocalDate periodEnd, int meetingCount, Set<ContactKind> contactKinds,
		String contactFrequency, List<String> topics) {

	static final Period MAX_PERIOD = Period.ofYears(2);

	static final int MAX_MEETINGS = 100;

	static final int MAX_TOPICS = 30;

	static final int MAX_TOPIC_LENGTH = 200;

	static final int MAX_FREQUENCY_LENGTH = 200;

	AgreementTerms {
		if (periodStart == null) {
			throw new InvalidInputException("input.periodStart", "periodStart is required");
		}
		if (periodEnd == null || !periodEnd.isAfter(periodStart)) {
			throw new InvalidInputException("input.periodEnd", "periodEnd must be after periodStart");
		}
		if (periodEnd.isAfter(periodStart.plus(MAX_PERIOD))) {
			throw new InvalidInputException("input.periodEnd", "A mentorship is agreed for at most two years");
		}
		if (meetingCount < 1 || meetingCount > MAX_MEETINGS) {
			throw new InvalidInputException("input.meetingCount", "meetingCount must be between 1 and " + MAX_MEETINGS);
		}
		if (contactKinds == null || contactKinds.isEmpty()) {
			throw new InvalidInputException("input.contactKinds", "Name at least one kind of contact");
		}
		if (contactFrequency == null || contactFrequency.isBlank()
				|| contactFrequency.length() > MAX_FREQUENCY_LENGTH) {
			throw new InvalidInputException("input.contactFrequency",
					"contactFrequency must be 1 to " + MAX_FREQUENCY_LENGTH + " characters");
		}
		List<String> plan = (topics != null) ? topics : List.of();
		if (plan.size() > MAX_TOPICS) {
			throw new InvalidInputException("input.topics", "At most " + MAX_TOPICS + " topics");
		}
		for (String topic : plan) {
			if (topic == null || topic.isBlank() || topic.length() > MAX_TOPIC_LENGTH) {
				throw new InvalidInputException("input.topics",
						"Each topic must be 1 to " + MAX_TOPIC_LENGTH + " characters");
			}
		}
		contactKinds = EnumSet.copyOf(contactKinds);
		contactFrequency = contactFrequency.strip();
		topics = List.copyOf(new ArrayList<>(new LinkedHashSet<>(plan.stream().map(String::strip).toList())));
	}

}
