package at.alma.mentoring.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Flow-node coverage of a process from the engine's history: which elements the given
 * process instances passed. Writes a report to
 * {@code target/process-test-coverage/<process>.md}.
 */
public final class ProcessCoverage {

	private final String processKey;

	private final Set<String> allNodes;

	private final Set<String> covered;

	private ProcessCoverage(String processKey, Set<String> allNodes, Set<String> covered) {
		this.processKey = processKey;
		this.allNodes = allNodes;
		this.covered = covered;
	}

	public static ProcessCoverage of(RepositoryService repository, HistoryService history, String processKey,
			Collection<String> processInstanceIds) {
		var definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
		Set<String> nodes = model.getModelElementsByType(FlowNode.class)
			.stream()
			.map(FlowNode::getId)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> covered = new TreeSet<>();
		for (String id : processInstanceIds) {
			history.createHistoricActivityInstanceQuery()
				.processInstanceId(id)
				.list()
				.stream()
				.map(HistoricActivityInstance::getActivityId)
				.forEach(covered::add);
		}
		covered.retainAll(nodes);
		return new ProcessCoverage(processKey, nodes, covered);
	}

	/** The flow nodes selected by {@code scope} that no instance passed. */
	public Set<String> missed(Predicate<String> scope) {
		return this.allNodes.stream()
			.filter(scope)
			.filter((node) -> !this.covered.contains(node))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	public ProcessCoverage writeReport() {
		StringBuilder report = new StringBuilder("# Flow-node coverage of " + this.processKey + "\n\n");
		report.append(String.format("%d of %d flow nodes covered (%.0f %%)%n%n", this.covered.size(),
				this.allNodes.size(), 100.0 * this.covered.size() / this.allNodes.size()));
		this.allNodes.forEach(
				(node) -> report.append(this.covered.contains(node) ? "- [x] " : "- [ ] ").append(node).append('\n'));
		try {
			Path dir = Path.of("target", "process-test-coverage");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(this.processKey + ".md"), report);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

}
