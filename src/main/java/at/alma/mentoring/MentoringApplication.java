package at.alma.mentoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The alma mentoring backend: GraphQL API, Camunda 7 processes and the domain modules.
 * Scheduling is on for the work every node does by itself (the cleanups of
 * Idempotency-Key records and throttle buckets, the chat's look for messages of other
 * nodes); periodic work of the cluster is a Camunda timer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MentoringApplication {

	public static void main(String[] args) {
		SpringApplication.run(MentoringApplication.class, args);
	}

}
