package at.alma.mentoring.certificate;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import at.alma.mentoring.platform.CompiledReport;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a certificate as a one-page A4 PDF from {@code certificate/certificate.jrxml},
 * compiled once on first use. Everything members typed (names) goes in as a parameter
 * value, printed as text and never evaluated as a report expression; the fonts are the
 * embedded DejaVu family of {@code jasperreports-fonts}.
 */
@Component
class CertificateRenderer {

	static final String TEMPLATE = "certificate/certificate.jrxml";

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	private final CompiledReport report = new CompiledReport(TEMPLATE);

	CertificateRenderer() {
		this.texts.setBasename("certificate/messages");
		this.texts.setDefaultEncoding("UTF-8");
		this.texts.setFallbackToSystemLocale(false);
	}

	byte[] render(Certificate certificate) {
		Locale locale = certificate.getLanguage().locale();
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		String role = certificate.getRole().name().toLowerCase(Locale.ROOT);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("TITLE", text("title", locale));
		parameters.put("ORGANISATION", text("organisation", locale));
		parameters.put("INTRO", text("intro", locale));
		parameters.put("HOLDER_NAME", certificate.getHolderName());
		parameters.put("ROLE_TEXT", text("role." + role, locale));
		parameters.put("OTHER_NAME", certificate.getOtherName());
		parameters.put("PERIOD_TEXT", text("period", locale, dates.format(certificate.getPeriodStart()),
				dates.format(certificate.getPeriodEnd())));
		parameters.put("MEETINGS_TEXT", text("meetings", locale, certificate.getMeetingsHeld()));
		parameters.put("ISSUED_TEXT", text("issued", locale, dates.format(certificate.getIssuedOn())));
		parameters.put("CODE_TEXT", text("code", locale, certificate.getVerificationCode()));
		parameters.put("VERIFY_TEXT", text("verify", locale));
		try {
			return JasperExportManager.exportReportToPdf(
					JasperFillManager.fillReport(this.report.get(), parameters, new JREmptyDataSource(1)));
		}
		catch (JRException ex) {
			throw new IllegalStateException("Cannot render certificate " + certificate.getId(), ex);
		}
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.texts.getMessage(key, arguments, locale);
	}

}
