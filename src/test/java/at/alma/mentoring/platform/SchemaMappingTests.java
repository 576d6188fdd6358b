package at.alma.mentoring.platform;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import graphql.schema.FieldCoordinates;
import org.junit.jupiter.api.Test;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.SchemaMappingReport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring for GraphQL's schema mapping inspection over the real schema and controllers:
 * every schema field has a controller method or a property to read, every controller
 * mapping and argument names a field and an argument of the schema. The app does not run
 * the inspection at startup (application.yml); this test does.
 */
class SchemaMappingTests extends ApiTest {

	/**
	 * Fields the inspection cannot see, though they are served: their types are
	 * package-private classes whose getters are package-private too. The inspection looks
	 * for public bean properties only; graphql-java's property fetcher reads the
	 * package-private getters (the API tests read each of these fields).
	 */
	static final Map<String, List<String>> READ_THROUGH_PACKAGE_PRIVATE_GETTERS = Map.of("FeedbackRequest",
			List.of("id", "occasion", "mentorshipId", "requestedAt", "answeredAt", "rating", "answer"), "Mentorship",
			List.of("status", "requestMessage", "declineMessage", "requestedAt", "decidedAt", "endedAt",
					"closureDeclineMessage", "terminationReason"),
			"Message", List.of("id", "mentorshipId", "text", "deleted", "sentAt"));

	@Autowired
	SchemaMappingReport report;

	@Test
	void everyControllerMappingAndArgumentNamesTheSchema() {
		assertThat(this.report.get().unmappedRegistrations()).as("controller mappings of no schema field").isEmpty();
		assertThat(this.report.get().unmappedArguments()).as("@Argument names of no schema argument").isEmpty();
	}

	@Test
	void everySchemaFieldHasSomethingToReadItFrom() {
		Map<String, List<String>> unmapped = this.report.get()
			.unmappedFields()
			.stream()
			.collect(Collectors.groupingBy(FieldCoordinates::getTypeName, TreeMap::new,
					Collectors.mapping(FieldCoordinates::getFieldName, Collectors.toList())));
		assertThat(unmapped).as("schema fields without a controller method or a property")
			.isEqualTo(new TreeMap<>(READ_THROUGH_PACKAGE_PRIVATE_GETTERS));
	}

}
