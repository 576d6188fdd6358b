package at.alma.mentoring;

import org.springframework.graphql.execution.SchemaReport;

/**
 * Holds the report of Spring for GraphQL's schema mapping inspection of the test context.
 */
public class SchemaMappingReport {

	private volatile SchemaReport report;

	void set(SchemaReport report) {
		this.report = report;
	}

	public SchemaReport get() {
		if (this.report == null) {
			throw new IllegalStateException("The GraphQL schema was built without the mapping inspection");
		}
		return this.report;
	}

}
