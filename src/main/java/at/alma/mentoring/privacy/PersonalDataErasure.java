package at.alma.mentoring.privacy;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The erasure step of an account deletion (GDPR article 17): every module erases what it
 * holds about the member from its own tables, in the deletion's transaction, in the order
 * of their {@link PersonalData#erasurePhase() phases} (the account itself last). Called
 * by the member module once the member's open business has ended; docs/api.md ("Deleting
 * an account") describes the whole order.
 */
@Service
public class PersonalDataErasure {

	private final List<PersonalData> contributions;

	PersonalDataErasure(List<PersonalData> contributions) {
		this.contributions = contributions.stream()
			.sorted(Comparator.comparingInt(PersonalData::erasurePhase))
			.toList();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void erase(UUID memberId) {
		for (PersonalData contribution : this.contributions) {
			contribution.erase(memberId);
		}
	}

}
