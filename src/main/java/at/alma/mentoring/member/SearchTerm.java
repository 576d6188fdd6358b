package at.alma.mentoring.member;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One normalised term of a member's public profile, with the weight of the strongest
 * source it came from. Read by the directory's search (as subqueries of its one query);
 * written by {@link SearchIndex} only.
 */
@Entity
@Immutable
@IdClass(SearchTerm.Key.class)
@Table(name = "member_search_terms")
class SearchTerm {

	@Id
	private UUID memberId;

	@Id
	private String term;

	private String source;

	private short weight;

	protected SearchTerm() {
	}

	static class Key implements Serializable {

		private UUID memberId;

		private String term;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && Objects.equals(this.memberId, key.memberId)
					&& Objects.equals(this.term, key.term);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.memberId, this.term);
		}

	}

}
