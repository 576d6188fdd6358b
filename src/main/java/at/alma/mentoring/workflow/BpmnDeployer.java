package at.alma.mentoring.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the processes of the top-level {@code bpmn/} folder (on the classpath under
 * {@code bpmn/}) as one deployment. Resource names are the path under {@code bpmn/}
 * ("bpmn/mentorship-lifecycle.bpmn"), the same on every machine, so duplicate filtering
 * makes a restart without changes deploy nothing.
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
	 * Deploys when any process file changed; returns the new deployment, or the one in
	 * force.
	 */
	public Deployment deploy() {
		DeploymentBuilder builder = this.repositoryService.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source("bpmn/")
			.enableDuplicateFiltering(false);
		try {
			Resource[] resources = this.resolver.getResources("classpath*:" + LOCATION + "**/*.bpmn");
			Arrays.sort(resources, Comparator.comparing(BpmnDeployer::resourceName));
			for (Resource resource : resources) {
				try (InputStream in = resource.getInputStream()) {
					builder.addInputStream(resourceName(resource), new ByteArrayInputStream(in.readAllBytes()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the process files under bpmn/", ex);
		}
		if (builder.getResourceNames().isEmpty()) {
			logger.warn("No process files under bpmn/ on the classpath; nothing deployed");
			return null;
		}
		Deployment deployment = builder.deployWithResult();
		logger.info("Processes deployed: {} (deployment {})", builder.getResourceNames(), deployment.getId());
		return deployment;
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
