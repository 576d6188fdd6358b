package at.alma.mentoring.mentorship.decline;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.member.Role;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decline message a mentee receives: the mentor's edited text, else their stored
 * template, else the default in the <em>mentor's</em> language — with the placeholders
 * filled in by plain replacement. One rule: the message is the mentor's words, so the
 * mentor sees in {@code Me.declineTemplate} exactly the text a decline without a message
 * sends (the mail around it is in the mentee's language; docs/api.md, "Mentorship
 * request").
 */
@Component
public class DeclineTexts {

	/** The longest decline text, a template or an edited message. */
	public static final int MAX_LENGTH = 4000;

	private final ResourceBundleMessageSource defaults = new ResourceBundleMessageSource();

	private final DeclineTemplates templates;

	DeclineTexts(DeclineTemplates templates) {
		this.templates = templates;
		this.defaults.setBasename("mentorship/messages");
		this.defaults.setDefaultEncoding("UTF-8");
		this.defaults.setFallbackToSystemLocale(false);
	}

	/** The mentor's template, or the default text in {@code locale}. */
	@Transactional(readOnly = true)
	public String templateOf(UUID mentorId, Locale locale) {
		return this.templates.findById(mentorId).map(DeclineTemplate::getText).orElseGet(() -> defaultText(locale));
	}

	String defaultText(Locale locale) {
		return this.defaults.getMessage("decline.default", null, locale);
	}

	/** Stores the mentor's own template; a blank text goes back to the default. */
	@Transactional
	public String store(MemberSummary mentor, String text, Instant now) {
		if (!mentor.hasRole(Role.MENTOR)) {
			throw DomainException.refused("NOT_A_MENTOR", "Only mentors decline requests");
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidInputException("input.text", "The text may have at most " + MAX_LENGTH + " characters");
		}
		if (text.isBlank()) {
			this.templates.deleteById(mentor.id());
			return defaultText(mentor.language().locale());
		}
		this.templates.findById(mentor.id())
			.ifPresentOrElse((template) -> template.change(text, now),
					() -> this.templates.save(new DeclineTemplate(mentor.id(), text, now)));
		return text;
	}

	/**
	 * The text a declined mentee receives: {@code edited} if the mentor wrote one, else
	 * the template.
	 */
	public String compose(String edited, MemberSummary mentor, MemberSummary mentee) {
		String text = (edited != null && !edited.isBlank()) ? edited
				: templateOf(mentor.id(), mentor.language().locale());
		return fill(text, Map.of("{menteeFirstName}", mentee.firstName(), "{menteeName}", mentee.fullName(),
				"{mentorFirstName}", mentor.firstName(), "{mentorName}", mentor.fullName()));
	}

	private static String fill(String text, Map<String, String> values) {
		String result = text;
		for (var entry : values.entrySet()) {
			result = result.replace(entry.getKey(), entry.getValue());
		}
		return result;
	}

}
