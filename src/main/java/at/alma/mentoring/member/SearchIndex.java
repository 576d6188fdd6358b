package at.alma.mentoring.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.springframework.stereotype.Component;

/**
 * Keeps a member's search terms ({@code member_search_terms}) in step with their public
 * profile, in the transaction that changes it: the first name (never the last name or the
 * e-mail), topics, fields, location and bio. Whether the member shows in the directory at
 * all (role, verified address, suspension) is the directory's filter, not the index's.
 */
@Component
class SearchIndex {

	/** Rows per insert statement. */
	static final int ROWS_PER_INSERT = 200;

	private final EntityManager entityManager;

	SearchIndex(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Writes the member's terms again (the member's row is written and locked by the
	 * caller's flush before); rows in key order, so that two writers meet in the same
	 * order.
	 */
	void index(Member member) {
		String id = member.getId().toString();
		this.entityManager.createNativeQuery("delete from member_search_terms where member_id = ?")
			.setParameter(1, id)
			.executeUpdate();
		List<Map.Entry<String, SearchSource>> rows = new ArrayList<>(terms(member).entrySet());
		for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
			List<Map.Entry<String, SearchSource>> chunk = rows.subList(from,
					Math.min(rows.size(), from + ROWS_PER_INSERT));
			Query insert = this.entityManager.createNativeQuery(insertStatement(chunk.size()));
			int parameter = 1;
			for (Map.Entry<String, SearchSource> row : chunk) {
				insert.setParameter(parameter++, id);
				insert.setParameter(parameter++, row.getKey());
				insert.setParameter(parameter++, row.getValue().name());
				insert.setParameter(parameter++, row.getValue().weight());
			}
			insert.executeUpdate();
		}
	}

	static Map<String, SearchSource> terms(Member member) {
		return terms(member.getFirstName(), member.getTopics(), member.getFields(), member.getLocation(),
				member.getBio());
	}

	/**
	 * Each distinct term of a profile with its strongest source, sorted by term (the key
	 * order of the table).
	 */
	static Map<String, SearchSource> terms(String firstName, List<String> topics, List<String> fields, String location,
			String bio) {
		Map<String, SearchSource> terms = new TreeMap<>();
		add(terms, firstName, SearchSource.NAME);
		topics.forEach((topic) -> add(terms, topic, SearchSource.TOPIC));
		fields.forEach((field) -> add(terms, field, SearchSource.FIELD));
		add(terms, location, SearchSource.LOCATION);
		add(terms, bio, SearchSource.BIO);
		return terms;
	}

	private static void add(Map<String, SearchSource> terms, String text, SearchSource source) {
		for (String term : SearchText.indexTerms(text)) {
			terms.merge(term, source, (one, other) -> (one.weight() >= other.weight()) ? one : other);
		}
	}

	/** A multi-row insert of {@code rows} rows, the same on H2, MariaDB and MySQL. */
	static String insertStatement(int rows) {
		StringBuilder sql = new StringBuilder(
				"insert into member_search_terms (member_id, term, source, weight) values ");
		for (int i = 0; i < rows; i++) {
			sql.append((i == 0) ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
		}
		return sql.toString();
	}

}
