package at.alma.mentoring.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar alma-mentoring.jar --mentoring.migrate=dry-run} (or {@code =run}): the
 * operator's command after deploying a release with changed processes. The server starts
 * as usual (Flyway, the engine's schema update, the new process versions), runs
 * {@link ProcessMigration}, prints the report as JSON (also to
 * {@code --mentoring.migrate.report-file=…}) and exits: 0 when every instance on an older
 * version migrates (or continues by decision), 1 when any was refused or failed, 2 for an
 * unknown mode. {@link MigrationMode} keeps the job executor off meanwhile.
 */
@Component
@ConditionalOnProperty(MigrationMode.PROPERTY)
class MigrationCommand implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(MigrationCommand.class);

	private final ProcessMigration migration;

	private final ObjectMapper json;

	private final Environment environment;

	private final ConfigurableApplicationContext context;

	MigrationCommand(ProcessMigration migration, ObjectMapper json, Environment environment,
			ConfigurableApplicationContext context) {
		this.migration = migration;
		this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
		this.environment = environment;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		String mode = this.environment.getProperty(MigrationMode.PROPERTY, "");
		MigrationReport report = switch (mode) {
			case "dry-run" -> this.migration.dryRun();
			case "run" -> this.migration.run();
			default -> null;
		};
		int status;
		if (report == null) {
			logger.error("--{}={} is not a mode: use dry-run or run", MigrationMode.PROPERTY, mode);
			status = 2;
		}
		else {
			String text = this.json.writeValueAsString(report);
			String file = this.environment.getProperty(MigrationMode.PROPERTY + ".report-file");
			if (file != null && !file.isBlank()) {
				write(Path.of(file), text);
			}
			System.out.println(text);
			status = report.refusedAny() ? 1 : 0;
			logger.info("Process migration ({}): {} instance(s) on older versions, exit status {}", mode,
					report.instances().size(), status);
		}
		int exit = SpringApplication.exit(this.context, () -> status);
		System.exit(exit);
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the migration report to " + file, ex);
		}
	}

}
