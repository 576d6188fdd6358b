package at.alma.mentoring.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the failure texts the engine keeps of process instances: the exception messages
 * and stack traces of their jobs, job log entries and incidents. A mail step that failed
 * quotes the SMTP server's answer, which names the recipient's address; when a member
 * deletes their account, the instances of their business keys (their mentorships, their
 * account mails) keep the failures, without the texts.
 *
 * The engine has no API for this (a job's exception message is written by the job
 * executor only; historic job logs and incidents are deleted as a whole with the
 * instance's history, which would take the other side's record with it), so this updates
 * the engine's tables directly, in the caller's transaction: the message columns become
 * null, the stack trace byte arrays keep their rows (the foreign keys of the jobs point
 * at them) but their content becomes a fixed text. Variables carry ids only (docs
 * /processes.md), business keys are ids: nothing else of a member is in the engine.
 */
@Service
public class WorkflowTraces {

	static final byte[] ERASED = "(erased: the member deleted their account)".getBytes(StandardCharsets.UTF_8);

	private static final String INSTANCES = """
			select PROC_INST_ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ in (:keys)""";

	private final NamedParameterJdbcTemplate jdbc;

	WorkflowTraces(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Erases the failure texts of every instance with one of these business keys. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void eraseFailureTexts(Collection<String> businessKeys) {
		if (businessKeys.isEmpty()) {
			return;
		}
		MapSqlParameterSource keys = new MapSqlParameterSource("keys", List.copyOf(businessKeys)).addValue("erased",
				ERASED);
		this.jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = :erased where ID_ in (select EXCEPTION_STACK_ID_"
				+ " from ACT_RU_JOB where PROCESS_INSTANCE_ID_ in (" + INSTANCES + "))", keys);
		this.jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = :erased where ID_ in (select JOB_EXCEPTION_STACK_ID_"
				+ " from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ in (" + INSTANCES + "))", keys);
		this.jdbc.update("update ACT_RU_JOB set EXCEPTION_MSG_ = null where EXCEPTION_MSG_ is not null"
				+ " and PROCESS_INSTANCE_ID_ in (" + INSTANCES + ")", keys);
		this.jdbc.update("update ACT_HI_JOB_LOG set JOB_EXCEPTION_MSG_ = null where JOB_EXCEPTION_MSG_ is not null"
				+ " and PROCESS_INSTANCE_ID_ in (" + INSTANCES + ")", keys);
		this.jdbc.update("update ACT_RU_INCIDENT set INCIDENT_MSG_ = null where INCIDENT_MSG_ is not null"
				+ " and PROC_INST_ID_ in (" + INSTANCES + ")", keys);
		this.jdbc.update("update ACT_HI_INCIDENT set INCIDENT_MSG_ = null where INCIDENT_MSG_ is not null"
				+ " and PROC_INST_ID_ in (" + INSTANCES + ")", keys);
	}

}
