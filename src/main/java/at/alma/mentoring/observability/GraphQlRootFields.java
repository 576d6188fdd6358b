package at.alma.mentoring.observability;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.slf4j.MDC;

import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Names the root field of a GraphQL operation: as the {@code graphql.root.field} tag of
 * Spring for GraphQL's {@code graphql.request} observation (timings per root field and
 * outcome) and in the log context ({@code graphqlField}, and {@code mentorshipId} when
 * the root field's arguments name one). The tag's values come from the schema: the
 * operation only runs once the document is valid, and the name of a field, never its
 * alias or the client's operation name, is used; several root fields are
 * {@code multiple}, an operation that never ran {@code none}.
 */
@Component
class GraphQlRootFields extends SimplePerformantInstrumentation {

	static final String TAG = "graphql.root.field";

	static final String FIELD_LOG_KEY = "graphqlField";

	static final String MENTORSHIP_LOG_KEY = "mentorshipId";

	private static final String CONTEXT_KEY = GraphQlRootFields.class.getName();

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		String rootField = rootField(parameters.getExecutionContext().getOperationDefinition());
		parameters.getExecutionContext().getGraphQLContext().put(CONTEXT_KEY, rootField);
		MDC.remove(MENTORSHIP_LOG_KEY);
		MDC.put(FIELD_LOG_KEY, rootField);
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
			MDC.remove(FIELD_LOG_KEY);
			MDC.remove(MENTORSHIP_LOG_KEY);
		});
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
			return dataFetcher;
		}
		return (environment) -> {
			String mentorshipId = mentorshipId(environment);
			if (mentorshipId != null) {
				MDC.put(MENTORSHIP_LOG_KEY, mentorshipId);
			}
			return dataFetcher.get(environment);
		};
	}

	private static String rootField(OperationDefinition operation) {
		List<String> names = operation.getSelectionSet()
			.getSelectionsOfType(Field.class)
			.stream()
			.map(Field::getName)
			.distinct()
			.collect(Collectors.toList());
		return switch (names.size()) {
			case 0 -> "none";
			case 1 -> names.get(0);
			default -> "multiple";
		};
	}

	/**
	 * {@code mentorshipId} of the field or of its {@code input}, {@code id} of
	 * {@code mentorship}.
	 */
	private static String mentorshipId(DataFetchingEnvironment environment) {
		Object id = environment.getArgument("mentorshipId");
		if (id == null && environment.getArgument("input") instanceof Map<?, ?> input) {
			id = input.get("mentorshipId");
		}
		if (id == null && "mentorship".equals(environment.getField().getName())) {
			id = environment.getArgument("id");
		}
		return (id != null) ? id.toString() : null;
	}

	static String rootFieldOf(ExecutionInput input) {
		return input.getGraphQLContext().getOrDefault(CONTEXT_KEY, "none");
	}

	/** Spring for GraphQL's tags plus the root field. */
	@Component
	static class ObservationConvention extends DefaultExecutionRequestObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
			return super.getLowCardinalityKeyValues(context)
				.and(KeyValue.of(TAG, rootFieldOf(context.getExecutionInput())));
		}

	}

}
