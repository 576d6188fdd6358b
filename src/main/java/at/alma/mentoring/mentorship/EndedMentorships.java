package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mentorships that ended before a cutoff, in pages in the order of their end
 * ({@code ix_mentorships_ended}): the retention jobs of the other modules remove their
 * data page by page.
 */
@Component
class EndedMentorships {

	private static final String FIRST = """
			select id, ended_at from mentorships where ended_at < :cutoff
			order by ended_at, id limit %d""";

	private static final String NEXT = """
			select id, ended_at from mentorships where ended_at < :cutoff
			  and (ended_at > :ended or (ended_at = :ended and id > :id))
			order by ended_at, id limit %d""";

	private final NamedParameterJdbcTemplate jdbc;

	EndedMentorships(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void forEachPage(Instant cutoff, int pageSize, Consumer<List<UUID>> page) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("cutoff",
				LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
		String sql = FIRST.formatted(pageSize);
		while (true) {
			List<UUID> ids = new ArrayList<>();
			Object[] last = new Object[2];
			this.jdbc.query(sql, parameters, (rs) -> {
				last[0] = rs.getString("id");
				last[1] = rs.getObject("ended_at", LocalDateTime.class);
				ids.add(UUID.fromString((String) last[0]));
			});
			if (ids.isEmpty()) {
				return;
			}
			page.accept(ids);
			if (ids.size() < pageSize) {
				return;
			}
			parameters.addValue("id", last[0]).addValue("ended", last[1]);
			sql = NEXT.formatted(pageSize);
		}
	}

}
