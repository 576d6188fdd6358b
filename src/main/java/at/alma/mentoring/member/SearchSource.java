package at.alma.mentoring.member;

/**
 * Where on the public profile a search term was found, and how much a match there weighs
 * (docs/api.md, "Search"). A term found in several places counts with its strongest.
 * Changing a weight needs a migration that indexes every profile again.
 */
enum SearchSource {

	TOPIC(4), FIELD(4), NAME(3), LOCATION(2), BIO(1);

	private final int weight;

	SearchSource(int weight) {
		this.weight = weight;
	}

	int weight() {
		return this.weight;
	}

}
