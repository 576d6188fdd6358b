package at.alma.mentoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The alma mentoring backend: GraphQL API, Camunda 7 processes and the domain modules.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MentoringApplication {

	public static void main(String[] args) {
		SpringApplication.run(MentoringApplication.class, args);
	}

}
