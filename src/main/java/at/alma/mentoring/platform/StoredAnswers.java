package at.alma.mentoring.platform;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers stored for mutations repeated with an {@code Idempotency-Key}
 * ({@code platform.idempotency}), as far as the other modules need them: a member who
 * deletes their account takes their stored answers with them (they may quote names,
 * texts). A claim still in progress (the deletion's own request) is left to complete.
 */
@Service
public class StoredAnswers {

	private final JdbcClient jdbc;

	StoredAnswers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(UUID memberId) {
		this.jdbc.sql("delete from idempotent_requests where scope = :scope and state = 'COMPLETED'")
			.param("scope", memberId.toString())
			.update();
	}

}
