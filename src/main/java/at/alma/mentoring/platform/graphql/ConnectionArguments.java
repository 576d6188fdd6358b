package at.alma.mentoring.platform.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;

import at.alma.mentoring.platform.Paging;

import org.springframework.stereotype.Component;

/**
 * Checks a {@code first} below 1 of every connection field as the client sent it, before
 * the field's resolver runs. Spring for GraphQL turns a negative {@code first} into "no
 * page size" (the default page) before a controller sees it; the API refuses it like any
 * other size outside 1 to 100, with {@code INVALID_INPUT} on {@code first}. A size above
 * 100 reaches the controller and is refused there ({@link Paging#limit}), after the
 * controller has checked who is asking: a member asking for an admin's list learns
 * {@code FORBIDDEN} first.
 */
@Component
class ConnectionArguments extends SimplePerformantInstrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		var field = parameters.getExecutionStepInfo().getFieldDefinition();
		if (!((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName().endsWith("Connection")
				|| field.getArgument("first") == null) {
			return dataFetcher;
		}
		return (environment) -> {
			if (environment.getArgument("first") instanceof Integer first && first < 1) {
				Paging.checkFirst(first);
			}
			return dataFetcher.get(environment);
		};
	}

}
