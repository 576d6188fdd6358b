package at.alma.mentoring.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperReport;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
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

	private volatile JasperReport report;

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
			return JasperExportManager
				.exportReportToPdf(JasperFillManager.fillReport(report(), parameters, new JREmptyDataSource(1)));
		}
		catch (JRException ex) {
			throw new IllegalStateException("Cannot render certificate " + certificate.getId(), ex);
		}
	}

	private JasperReport report() {
		JasperReport compiled = this.report;
		if (compiled == null) {
			synchronized (this) {
				compiled = this.report;
				if (compiled == null) {
					try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
						compiled = JasperCompileManager.compileReport(in);
						this.report = compiled;
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					catch (JRException ex) {
						throw new IllegalStateException("Cannot compile " + TEMPLATE, ex);
					}
				}
			}
		}
		return compiled;
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.texts.getMessage(key, arguments, locale);
	}

}
