package at.alma.mentoring.member;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One of a member's topics, fields or languages in its compared form ({@link MatchKeys}),
 * with the member's own spelling: kept by {@link Member} whenever those lists change, so
 * that recommendations find shared ones with an index instead of reading every profile.
 */
@Embeddable
class MatchKey {

	enum Kind {

		TOPIC, FIELD, LANGUAGE

	}

	@Enumerated(EnumType.STRING)
	private Kind kind;

	@Column(name = "match_key")
	private String key;

	private String label;

	protected MatchKey() {
	}

	MatchKey(Kind kind, String key, String label) {
		this.kind = kind;
		this.key = key;
		this.label = label;
	}

	Kind getKind() {
		return this.kind;
	}

	String getKey() {
		return this.key;
	}

	String getLabel() {
		return this.label;
	}

}
