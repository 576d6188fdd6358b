package at.alma.mentoring.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the processes of the top-level {@code bpmn/} folder (on the classpath under
 * {@code bpmn/}). Resource names are the path under {@code bpmn/}
 * ("bpmn/mentorship-lifecycle.bpmn"), the same on every machine, and only the files that
 * changed are deployed, so a restart without changes deploys nothing and a change to one
 * process leaves the others on their version.
 * <p>
 * Every process carries a {@code versionTag}, and call activities bind by it: a changed
 * model must come with a new tag. A start refuses a changed file that keeps the tag of a
 * deployed version (two definitions with one tag break the call activities bound to it),
 * and a file that returns to an older version's tag.
 */
@Component
public class BpmnDeployer implements SmartInitializingSingleton {

	static final String DEPLOYMENT_NAME = "alma-mentoring";

	static final String LOCATION = "bpmn/";

	private static final Logger logger = LoggerFactory.getLogger(BpmnDeployer.class);

	private final RepositoryService repositoryService;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	BpmnDeployer(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	@Override
	public void afterSingletonsInstantiated() {
		deploy();
	}

	/**
	 * Deploys the process files that differ from their deployed version; returns the new
	 * deployment, or {@code null} when nothing changed.
	 */
	public Deployment deploy() {
		return deploy(processFiles());
	}

	/** Deploys the given files (resource name → content) that changed. */
	Deployment deploy(Map<String, byte[]> files) {
		if (files.isEmpty()) {
			logger.warn("No process files under bpmn/ on the classpath; nothing deployed");
			return null;
		}
		DeploymentBuilder builder = this.repositoryService.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(LOCATION)
			.enableDuplicateFiltering(true);
		files.forEach((name, content) -> {
			checkVersionTag(name, content);
			builder.addInputStream(name, new ByteArrayInputStream(content));
		});
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions();
		if (definitions == null || definitions.isEmpty()) {
			logger.info("Processes unchanged: {}", files.keySet());
			return null;
		}
		var deployed = definitions.stream()
			.map((definition) -> definition.getKey() + " " + definition.getVersionTag() + " (version "
					+ definition.getVersion() + ")")
			.toList();
		logger.info("Processes deployed: {} (deployment {})", deployed, deployment.getId());
		return deployment;
	}

	/**
	 * A file whose tag is already deployed must be that deployed resource, and the newest
	 * version of its process.
	 */
	private void checkVersionTag(String name, byte[] content) {
		Process process = Bpmn.readModelFromStream(new ByteArrayInputStream(content))
			.getModelElementsByType(Process.class)
			.iterator()
			.next();
		String tag = process.getCamundaVersionTag();
		if (tag == null || tag.isBlank()) {
			throw new IllegalStateException(name + " has no camunda:versionTag: every process carries one (see "
					+ "docs/processes.md, Versions)");
		}
		var sameTag = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(process.getId())
			.versionTag(tag)
			.orderByProcessDefinitionVersion()
			.desc()
			.list();
		if (sameTag.isEmpty()) {
			return;
		}
		ProcessDefinition tagged = sameTag.get(0);
		if (!Arrays.equals(content, deployedResource(tagged))) {
			throw new IllegalStateException(name + " differs from the deployed version " + tagged.getVersion()
					+ " with the same versionTag \"" + tag + "\": a changed model needs a new versionTag (see "
					+ "docs/processes.md, Versions)");
		}
		ProcessDefinition latest = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(process.getId())
			.latestVersion()
			.singleResult();
		if (!latest.getId().equals(tagged.getId())) {
			throw new IllegalStateException(name + " is the older version \"" + tag + "\" of " + process.getId()
					+ "; version \"" + latest.getVersionTag() + "\" is deployed. Going back to an older model "
					+ "means shipping it under a new versionTag");
		}
	}

	private byte[] deployedResource(ProcessDefinition definition) {
		try (InputStream in = this.repositoryService.getResourceAsStream(definition.getDeploymentId(),
				definition.getResourceName())) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Map<String, byte[]> processFiles() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try {
			Resource[] resources = this.resolver.getResources("classpath*:" + LOCATION + "**/*.bpmn");
			Arrays.sort(resources, Comparator.comparing(BpmnDeployer::resourceName));
			for (Resource resource : resources) {
				try (InputStream in = resource.getInputStream()) {
					files.put(resourceName(resource), in.readAllBytes());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the process files under bpmn/", ex);
		}
		return files;
	}

	/**
	 * "…/classes/bpmn/sub/x.bpmn" or "jar:…!/BOOT-INF/classes!/bpmn/x.bpmn" →
	 * "bpmn/sub/x.bpmn".
	 */
	static String resourceName(Resource resource) {
		try {
			String url = resource.getURL().toString();
			int index = url.lastIndexOf("/" + LOCATION);
			return url.substring(index + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
