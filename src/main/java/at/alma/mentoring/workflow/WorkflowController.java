package at.alma.mentoring.workflow;

import java.util.List;

import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.Paging;

import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class WorkflowController {

	private final WorkflowTasks tasks;

	private final CurrentMember currentMember;

	WorkflowController(WorkflowTasks tasks, CurrentMember currentMember) {
		this.tasks = tasks;
		this.currentMember = currentMember;
	}

	@QueryMapping
	Window<WorkflowTask> myTasks(ScrollSubrange subrange) {
		int limit = Paging.limit(subrange).max();
		ScrollPosition position = Paging.position(subrange);
		int offset = (position instanceof OffsetScrollPosition offsetPosition && !offsetPosition.isInitial())
				? (int) offsetPosition.getOffset() + 1 : 0;
		List<WorkflowTask> page = this.tasks.tasksOf(this.currentMember.id(), offset, limit + 1);
		boolean hasNext = page.size() > limit;
		List<WorkflowTask> content = hasNext ? page.subList(0, limit) : page;
		return Window.from(content, (index) -> ScrollPosition.offset(offset + index), hasNext);
	}

}
