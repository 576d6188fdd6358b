package at.alma.mentoring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.springframework.context.event.EventListener;

/**
 * Records the domain events the application publishes, on any thread (the server's
 * request threads included), so that tests can check what a module announced. Filter by
 * id: the log is shared by all tests of the context.
 */
public class DomainEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		if (event.getClass().getPackageName().startsWith("at.alma.mentoring")) {
			this.events.add(event);
		}
	}

	public <T> Stream<T> of(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast);
	}

}
