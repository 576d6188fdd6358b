package at.alma.mentoring.member;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * The one GraphQL DataLoader for {@link Participant}s: every resolver that shows a member
 * (a mentorship's mentee and mentor, an agreement's approver, a wiki author, a chat
 * sender) takes a {@code DataLoader<UUID, Participant>} argument and loads by member id,
 * so all members of one response level come from one query.
 */
@Component
class ParticipantLoader {

	ParticipantLoader(BatchLoaderRegistry loaders, MemberDirectory members) {
		loaders.forTypePair(UUID.class, Participant.class)
			.registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> members.participants(ids)));
	}

}
