package at.alma.mentoring.member;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import at.alma.mentoring.platform.InvalidInputException;

/**
 * The directory's free-text search (docs/api.md, "Search"): the words of the search text,
 * a filter (a mentor matches when any word matches one of their terms) and a relevance
 * (more matched words first, then the weight of where they matched, an exact term twice a
 * prefix), both as subqueries of the directory's one query. Every word is a bound
 * parameter; a LIKE pattern escapes its wildcards.
 */
record DirectorySearch(List<SearchText.Word> words) {

	static final int MAX_LENGTH = 200;

	static final int MAX_WORDS = 8;

	/** Per matched word, so that one more matched word outweighs any weights. */
	private static final int MATCHED_WORD = 100;

	/**
	 * The search of a text; null for no search (absent, empty or blank). A text without a
	 * searchable word (only operators, single letters) finds nobody.
	 */
	static DirectorySearch of(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			throw new InvalidInputException("search", "SEARCH_TOO_LONG",
					"The search text may have at most " + MAX_LENGTH + " characters");
		}
		List<SearchText.Word> words = SearchText.words(text);
		if (words.size() > MAX_WORDS) {
			throw new InvalidInputException("search", "SEARCH_TOO_MANY_WORDS",
					"The search text may have at most " + MAX_WORDS + " words");
		}
		return new DirectorySearch(words);
	}

	boolean findsNobody() {
		return this.words.isEmpty();
	}

	/** The member has a term that any of the words matches. */
	Predicate matches(Expression<UUID> memberId, AbstractQuery<?> query, CriteriaBuilder cb) {
		Subquery<UUID> matching = query.subquery(UUID.class);
		Root<SearchTerm> term = matching.from(SearchTerm.class);
		List<Predicate> any = new ArrayList<>();
		this.words.forEach((word) -> any.add(matches(word, term.get("term"), cb)));
		matching.select(term.get("memberId")).where(cb.or(any.toArray(Predicate[]::new)));
		return memberId.in(matching);
	}

	/**
	 * For each word, the best of the member's terms it matches (100 plus the weight,
	 * twice for an exact term), summed: more matched words first, then stronger matches.
	 */
	Expression<Integer> relevance(Expression<UUID> memberId, AbstractQuery<?> query, CriteriaBuilder cb) {
		Expression<Integer> sum = cb.literal(0);
		for (SearchText.Word word : this.words) {
			Subquery<Integer> best = query.subquery(Integer.class);
			Root<SearchTerm> term = best.from(SearchTerm.class);
			Expression<Integer> weight = term.get("weight");
			Expression<Integer> factor = cb.<Integer>selectCase()
				.when(term.get("term").in(word.forms()), cb.literal(2))
				.otherwise(cb.literal(1));
			best.select(cb.max(cb.sum(cb.literal(MATCHED_WORD), cb.prod(weight, factor))))
				.where(cb.equal(term.get("memberId"), memberId), matches(word, term.get("term"), cb));
			sum = cb.sum(sum, cb.coalesce(best, cb.literal(0)));
		}
		return sum;
	}

	private static Predicate matches(SearchText.Word word, Expression<String> term, CriteriaBuilder cb) {
		List<Predicate> any = new ArrayList<>();
		any.add(term.in(word.forms()));
		if (word.prefix()) {
			word.likePatterns().forEach((pattern) -> any.add(cb.like(term, pattern, '!')));
		}
		return cb.or(any.toArray(Predicate[]::new));
	}

}
