package at.alma.mentoring.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

import org.springframework.core.io.ClassPathResource;

/**
 * A JasperReports template from the classpath, compiled once on first use (compiling
 * costs about a second, so not at every start), then shared by every thread.
 */
public final class CompiledReport {

	private final String template;

	private volatile JasperReport report;

	public CompiledReport(String template) {
		this.template = template;
	}

	public JasperReport get() {
		JasperReport compiled = this.report;
		if (compiled == null) {
			synchronized (this) {
				compiled = this.report;
				if (compiled == null) {
					try (InputStream in = new ClassPathResource(this.template).getInputStream()) {
						compiled = JasperCompileManager.compileReport(in);
						this.report = compiled;
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					catch (JRException ex) {
						throw new IllegalStateException("Cannot compile " + this.template, ex);
					}
				}
			}
		}
		return compiled;
	}

}
