package at.alma.mentoring.notification;

import java.util.List;
import java.util.Locale;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders mails from the classpath templates {@code mail/<name>.html} and
 * {@code mail/<name>.txt}, with subjects and texts from the bundle {@code mail/messages}.
 * Only these templates are ever parsed; model values (including anything members typed)
 * are inserted with {@code th:text}/{@code [[…]]} and never evaluated.
 */
@Component
class MailRenderer {

	private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

	private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

	private final MessageSource messages = messageSource();

	private final MailSettings settings;

	MailRenderer(MailSettings settings) {
		this.settings = settings;
	}

	Rendered render(Mail mail) {
		Locale locale = mail.to().locale();
		var context = new Context(locale);
		String formerMember = this.messages.getMessage("former-member.in-mail", null, locale);
		mail.model().forEach((name, value) -> context.setVariable(name, named(value, formerMember)));
		context.setVariable("recipientName", named(mail.to().name(), formerMember));
		context.setVariable("frontendUrl", this.settings.frontendUrl());
		context.setVariable("zone", mail.to().zone());
		String subject = this.messages.getMessage(mail.template() + ".subject",
				mail.subjectArguments().stream().map((argument) -> named(argument, formerMember)).toArray(), locale);
		return new Rendered(subject, this.text.process(mail.template(), context),
				this.html.process(mail.template(), context));
	}

	/**
	 * A deleted member's name placeholder ({@link FormerMember}) in words, also in the
	 * elements of a list (a digest's quotes).
	 */
	private static Object named(Object value, String formerMember) {
		if (value instanceof List<?> list) {
			return list.stream().map((element) -> named(element, formerMember)).toList();
		}
		return (value instanceof String text && text.contains(FormerMember.PLACEHOLDER))
				? text.replace(FormerMember.PLACEHOLDER, formerMember) : value;
	}

	private static TemplateEngine engine(TemplateMode mode, String suffix) {
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		var engine = new org.thymeleaf.spring6.SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messageSource());
		return engine;
	}

	static MessageSource messageSource() {
		var source = new ResourceBundleMessageSource();
		source.setBasename("mail/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	record Rendered(String subject, String text, String html) {
	}

}
