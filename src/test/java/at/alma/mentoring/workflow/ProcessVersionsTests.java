package at.alma.mentoring.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import at.alma.mentoring.ApiTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Process versions (docs/processes.md, "Versions"): every model in {@code bpmn/} is the
 * released model of its {@code versionTag}, kept in {@code process-releases/<process>/}
 * beside every earlier release, and what any released version names — beans, messages —
 * still exists while instances may run on it.
 */
class ProcessVersionsTests extends ApiTest {

	static final Path RELEASES = Path.of("src/test/resources/process-releases");

	static final Path BPMN = Path.of("bpmn");

	/**
	 * A delegate or expression attribute's bean:
	 * {@code camunda:delegateExpression="${postMail}"}.
	 */
	private static final Pattern BEAN = Pattern
		.compile("camunda:(?:delegateExpression|expression)=\"[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	BpmnDeployer deployer;

	@Autowired
	ProcessMigration migration;

	@Autowired
	ApplicationContext context;

	@Test
	void everyModelIsTheReleasedModelOfItsVersionTag() throws IOException {
		for (Path file : files(BPMN)) {
			String key = process(read(file)).getId();
			String tag = process(read(file)).getCamundaVersionTag();
			assertThat(tag).as("versionTag of %s", file).isNotBlank();
			Path released = RELEASES.resolve(key).resolve(tag + ".bpmn");
			assertThat(released).as("""
					%s carries versionTag "%s", but %s does not exist: a changed model is released under a new \
					versionTag, and its file is copied to %s""", file, tag, released, released).exists();
			assertThat(Files.readAllBytes(file)).as("""
					%s differs from the released model of versionTag "%s" (%s): a change to a model needs a new \
					versionTag (docs/processes.md, Versions)""", file, tag, released)
				.isEqualTo(Files.readAllBytes(released));
		}
	}

	@Test
	void callActivitiesBindByVersionTagToTheStagesShippedWithThem() throws IOException {
		Map<String, String> tags = new LinkedHashMap<>();
		for (Path file : files(BPMN)) {
			Process process = process(read(file));
			tags.put(process.getId(), process.getCamundaVersionTag());
		}
		for (Path file : files(BPMN)) {
			for (CallActivity call : read(file).getModelElementsByType(CallActivity.class)) {
				assertThat(call.getCamundaCalledElementBinding()).as(call.getId()).isEqualTo("versionTag");
				assertThat(call.getCamundaCalledElementVersionTag()).as(call.getId())
					.isEqualTo(tags.get(call.getCalledElement()));
			}
		}
	}

	@Test
	void everyBeanThatAReleasedVersionNamesExists() throws IOException {
		Set<String> named = new TreeSet<>();
		for (Path file : files(RELEASES)) {
			Matcher matcher = BEAN.matcher(Files.readString(file, StandardCharsets.UTF_8));
			while (matcher.find()) {
				named.add(matcher.group(1));
			}
		}
		assertThat(named).contains("postMail", "sendMail", "meetingFeedback", "closingFeedback");
		assertThat(named).allSatisfy((bean) -> assertThat(this.context.containsBean(bean))
			.as("bean ${%s} named by a released process version", bean)
			.isTrue());
	}

	@Test
	void everyMessageAReleasedVersionWaitsForIsStillSentToTheNewestModels() throws IOException {
		Set<String> newest = messages(BPMN);
		assertThat(messages(RELEASES)).isSubsetOf(newest);
	}

	@Test
	void everyProcessHasAnUpgradeDecision() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Path file : files(BPMN)) {
			keys.add(process(read(file)).getId());
		}
		assertThat(this.migration.upgrades().keySet()).containsExactlyInAnyOrderElementsOf(keys);
	}

	@Test
	void aChangedModelThatKeepsItsVersionTagIsNotDeployed() {
		Map<String, byte[]> files = this.deployer.processFiles();
		String name = "bpmn/mentorship-lifecycle.bpmn";
		String changed = new String(files.get(name), StandardCharsets.UTF_8).replace("name=\"Mentorship lifecycle\"",
				"name=\"Mentorship lifecycle (changed)\"");
		files.put(name, changed.getBytes(StandardCharsets.UTF_8));
		long definitions = this.repositoryService.createProcessDefinitionQuery().count();

		assertThatIllegalStateException().isThrownBy(() -> this.deployer.deploy(files))
			.withMessageContaining("needs a new versionTag");
		assertThat(this.repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
	}

	private static Set<String> messages(Path root) throws IOException {
		Set<String> names = new TreeSet<>();
		for (Path file : files(root)) {
			read(file).getModelElementsByType(Message.class).forEach((message) -> names.add(message.getName()));
		}
		return names;
	}

	static Set<Path> files(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.toString().endsWith(".bpmn"))
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	static BpmnModelInstance read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return Bpmn.readModelFromStream(in);
		}
	}

	static Process process(BpmnModelInstance model) {
		return model.getModelElementsByType(Process.class).iterator().next();
	}

}
