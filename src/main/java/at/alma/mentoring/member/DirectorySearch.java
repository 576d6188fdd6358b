package at.alma.mentoring.member;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import at.alma.mentoring.platform.InvalidInputException;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaCteCriteria;
import org.hibernate.query.criteria.JpaJoinedFrom;
import org.hibernate.query.criteria.JpaRoot;

/**
 * The directory's free-text search (docs/api.md, "Search"): the words of the search text,
 * a filter (a mentor matches when any word matches one of their terms) and a relevance
 * (more matched words first, then the weight of where they matched, an exact term twice a
 * prefix), both parts of the directory's one query. Every word is a bound parameter; a
 * LIKE pattern escapes its wildcards.
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
	 * Joins the members to their relevance, which also keeps only the members any word
	 * matches: one pass over the matching term rows, grouped by member (a common table
	 * expression; Hibernate writes a derived table with a column list, which MariaDB
	 * 10.11 does not read), for each word the best of the member's terms it matches (100
	 * plus the weight, twice for an exact term), summed: more matched words first, then
	 * stronger matches. A correlated subquery per word in the ORDER BY made common words
	 * three to five times slower on MariaDB (bench/results, 2026-12-05: its sort
	 * evaluated the subqueries again and again).
	 */
	Expression<Integer> joinRelevance(Root<Member> member, CriteriaQuery<?> query, CriteriaBuilder cb) {
		JpaCriteriaQuery<Tuple> scores = ((HibernateCriteriaBuilder) cb).createTupleQuery();
		Root<SearchTerm> term = scores.from(SearchTerm.class);
		Expression<String> text = term.get("term");
		Expression<Integer> weight = term.get("weight");
		Expression<Integer> sum = cb.literal(0);
		List<Predicate> any = new ArrayList<>();
		for (SearchText.Word word : this.words) {
			Predicate matches = matches(word, text, cb);
			any.add(matches);
			Expression<Integer> factor = cb.<Integer>selectCase()
				.when(text.in(word.forms()), cb.literal(2))
				.otherwise(cb.literal(1));
			Expression<Integer> match = cb.<Integer>selectCase()
				.when(matches, cb.sum(cb.literal(MATCHED_WORD), cb.prod(weight, factor)))
				.otherwise(cb.literal(0));
			sum = cb.sum(sum, cb.max(match));
		}
		scores.multiselect(term.get("memberId").alias("memberId"), sum.alias("score"))
			.where(cb.or(any.toArray(Predicate[]::new)))
			.groupBy(term.get("memberId"));
		JpaCteCriteria<Tuple> table = ((JpaCriteriaQuery<?>) query).with(scores);
		JpaJoinedFrom<?, Tuple> relevance = ((JpaRoot<Member>) member).join(table);
		relevance.on(cb.equal(relevance.get("memberId"), member.get("id")));
		return relevance.get("score");
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
