import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every row the benchmark writes into the app's tables with SQL, outside the timed parts: the rows the engine-only
 * lifecycles need, the read phase's 10,000 mentorships and the program office's two years. When the schema changes,
 * this is the file to change.
 */
final class Seed {

	static final String[] TOPICS = { "Karriere", "Gründung", "Führung", "Forschung", "Lehre", "Finanzen",
			"Recht", "Medizin", "IT", "Design", "Marketing", "Vertrieb", "Personal", "Ausland", "Promotion",
			"Wiedereinstieg", "Work-Life-Balance", "Netzwerken", "Bewerbung", "Selbstständigkeit" };

	private Seed() {
	}

	/**
	 * Domain rows for the engine-only lifecycles, so that the process's delegates and mail steps find what they look
	 * up, as they do in the app's lifecycle: the two members, a mentorship that is already COMPLETED, its approved
	 * agreement version 1 (the agreement mails) and a scheduled meeting with its slot (the meeting mails and the
	 * invitation). Without them, every mail job of the engine's lifecycle failed and was retried, which the engine's
	 * numbers paid for. Outside the timed part.
	 */
	static List<String[]> engineRows(int count) throws Exception {
		List<String[]> rows = new ArrayList<>();
		try (Connection c = Db.root(Settings.DB)) {
			c.setAutoCommit(false);
			PreparedStatement m = memberInsert(c);
			PreparedStatement ms = mentorshipInsert(c);
			PreparedStatement av = c.prepareStatement("insert into agreement_versions (id, mentorship_id, "
					+ "version_number, status, period_start, period_end, meeting_count, contact_kinds, "
					+ "contact_frequency, submissions, saved_at, submitted_at, approved_at, approved_by, version) "
					+ "values (?, ?, 1, 'APPROVED', ?, ?, 6, 'VIDEO,CHAT', 'every two weeks', 1, ?, ?, ?, ?, 0)");
			PreparedStatement at = c.prepareStatement(
					"insert into agreement_topics (agreement_version_id, position, topic) values (?, 0, 'Career')");
			PreparedStatement mt = c.prepareStatement("insert into meetings (id, mentorship_id, mentee_id, mentor_id, "
					+ "status, final_meeting, starts_at, duration_minutes, kind, link, proposal_round, "
					+ "invitation_sequence, proposed_at, version) "
					+ "values (?, ?, ?, ?, 'SCHEDULED', false, ?, 60, 'VIDEO', 'https://meet.bench.test/a', 1, 0, ?, 0)");
			PreparedStatement sl = c.prepareStatement("insert into meeting_slots (meeting_id, position, starts_at, "
					+ "duration_minutes, kind, link) values (?, 0, ?, 60, 'VIDEO', 'https://meet.bench.test/a')");
			Instant now = Instant.now();
			Timestamp nowTs = Timestamp.from(now);
			// step 5 schedules the meeting "a minute ago", so that its timer is due at once
			Timestamp meetingTs = Timestamp.from(now.minusSeconds(60));
			for (int i = 0; i < count; i++) {
				String mentee = UUID.randomUUID().toString();
				String mentor = UUID.randomUUID().toString();
				addMember(m, mentee, "Engine", "Mentee" + i);
				addMember(m, mentor, "Engine", "Mentor" + i);
				String id = UUID.randomUUID().toString();
				addMentorship(ms, id, mentee, mentor, "COMPLETED", now.minus(2, ChronoUnit.DAYS), now);
				String version = UUID.randomUUID().toString();
				addRow(av, version, id, Date.valueOf(LocalDate.now()),
						Date.valueOf(LocalDate.now().plusMonths(6)), nowTs, nowTs, nowTs, mentor);
				addRow(at, version);
				String meeting = UUID.randomUUID().toString();
				addRow(mt, meeting, id, mentee, mentor, meetingTs, nowTs);
				addRow(sl, meeting, meetingTs);
				rows.add(new String[] { id, mentee, mentor, meeting });
			}
			m.executeBatch();
			ms.executeBatch();
			av.executeBatch();
			at.executeBatch();
			mt.executeBatch();
			sl.executeBatch();
			c.commit();
		}
		return rows;
	}

	/** Binds the values to the statement's parameters in order and adds the row to its batch. */
	static void addRow(PreparedStatement statement, Object... values) throws Exception {
		for (int i = 0; i < values.length; i++) {
			statement.setObject(i + 1, values[i]);
		}
		statement.addBatch();
	}

	/**
	 * Marks a member's address verified, as following the link of the sign-up mail would: the benchmark signs up
	 * thousands of members and does not read their mails (the SMTP sink forgets them). Seeding, outside the timed
	 * part (docs/performance.md).
	 */
	static void verified(App.Account account) {
		try (Connection c = Db.root(Settings.DB);
				PreparedStatement v = c.prepareStatement(
						"update members set email_verified_at = created_at where id = ? and email_verified_at is null")) {
			v.setString(1, account.id());
			v.executeUpdate();
		}
		catch (Exception ex) {
			throw new IllegalStateException("marking " + account.email() + " verified", ex);
		}
	}

	static PreparedStatement memberInsert(Connection c) throws Exception {
		return c.prepareStatement("insert into members (id, email, password_hash, first_name, last_name, language, "
				+ "time_zone, mentor_available, mentor_capacity, created_at, email_verified_at, version) values (?, ?, "
				+ "'{noop}not-for-sign-in', ?, ?, 'EN', 'Europe/Vienna', true, 1, ?, ?, 0)");
	}

	static void addMember(PreparedStatement m, String id, String first, String last) throws Exception {
		m.setString(1, id);
		m.setString(2, id + "@seed.bench.test");
		m.setString(3, first);
		m.setString(4, last);
		m.setTimestamp(5, Timestamp.from(Instant.now()));
		m.setTimestamp(6, Timestamp.from(Instant.now()));
		m.addBatch();
	}

	static PreparedStatement mentorshipInsert(Connection c) throws Exception {
		return c.prepareStatement("insert into mentorships (id, mentee_id, mentor_id, status, open_pair_key, "
				+ "request_message, requested_at, decided_at, ended_at, activated_at, request_expires_at, "
				+ "last_activity_at, version, closure_round) values (?, ?, ?, ?, ?, 'seeded', ?, ?, ?, ?, ?, ?, 0, 0)");
	}

	static void addMentorship(PreparedStatement ms, String id, String mentee, String mentor, String status,
			Instant requested, Instant ended) throws Exception {
		boolean open = status.equals("REQUESTED") || status.equals("ACCEPTED") || status.equals("ACTIVE");
		boolean activated = status.equals("ACTIVE") || status.equals("COMPLETED") || status.equals("TERMINATED");
		ms.setString(1, id);
		ms.setString(2, mentee);
		ms.setString(3, mentor);
		ms.setString(4, status);
		ms.setString(5, open ? mentee + ":" + mentor : null);
		ms.setTimestamp(6, Timestamp.from(requested));
		ms.setTimestamp(7, status.equals("REQUESTED") ? null : Timestamp.from(requested.plusSeconds(3600)));
		ms.setTimestamp(8, open ? null : Timestamp.from(ended));
		ms.setTimestamp(9, activated ? Timestamp.from(requested.plusSeconds(7200)) : null);
		ms.setTimestamp(10, Timestamp.from(requested.plus(14, ChronoUnit.DAYS)));
		ms.setTimestamp(11, activated ? Timestamp.from(requested.plusSeconds(7200)) : null);
		ms.addBatch();
	}

	/**
	 * The read phase's data: {@code BENCH_SEED_MENTORSHIPS} mentorships between 2,000 members (SQL), of which the hot
	 * mentor has 300 and the hot mentee 50; {@code BENCH_SEED_TASKS} of them REQUESTED, each with its review task
	 * started through /engine-rest; the hot mentor's achievements.
	 */
	static void readPhase(App app, App.Account hotMentor, App.Account hotMentee) throws Exception {
		Run.log("seeding " + Settings.SEED_MENTORSHIPS + " mentorships (SQL) and " + Settings.SEED_TASKS + " review tasks (/engine-rest)");
		long t0 = System.nanoTime();
		int members = Math.max(200, Settings.SEED_MENTORSHIPS / 5);
		List<String> mentees = new ArrayList<>();
		List<String> mentors = new ArrayList<>();
		List<String[]> requested = new ArrayList<>();
		List<String[]> hotAchievements = new ArrayList<>();
		Random random = new Random(42);
		int hotMentorships = 300;
		try (Connection c = Db.root(Settings.DB)) {
			c.setAutoCommit(false);
			PreparedStatement m = memberInsert(c);
			PreparedStatement roles = c.prepareStatement("insert into member_roles (member_id, role) values (?, ?)");
			for (int i = 0; i < members; i++) {
				String id = UUID.randomUUID().toString();
				boolean mentor = i % 2 == 1;
				addMember(m, id, "Seed", (mentor ? "Mentor" : "Mentee") + i);
				roles.setString(1, id);
				roles.setString(2, mentor ? "MENTOR" : "MENTEE");
				roles.addBatch();
				(mentor ? mentors : mentees).add(id);
			}
			m.executeBatch();
			roles.executeBatch();
			PreparedStatement ms = mentorshipInsert(c);
			String[] closed = { "COMPLETED", "DECLINED", "WITHDRAWN", "EXPIRED", "TERMINATED" };
			Instant now = Instant.now();
			int total = 0;
			// the hot mentor: 300 mentorships, the first 150 of them REQUESTED (each gets a review task)
			for (int i = 0; i < hotMentorships; i++, total++) {
				String id = UUID.randomUUID().toString();
				String mentee = mentees.get(i % mentees.size());
				String status = i < Settings.SEED_TASKS * 3 / 8 ? "REQUESTED" : closed[i % closed.length];
				addMentorship(ms, id, mentee, hotMentor.id(), status, now.minus(300 - i, ChronoUnit.HOURS), now);
				if (status.equals("REQUESTED")) {
					requested.add(new String[] { id, mentee, hotMentor.id() });
				}
				if (status.equals("COMPLETED") || status.equals("TERMINATED")) {
					hotAchievements.add(new String[] { id, mentee, status });
				}
			}
			// the hot mentee: 50 mentorships
			for (int i = 0; i < 50; i++, total++) {
				addMentorship(ms, UUID.randomUUID().toString(), hotMentee.id(), mentors.get(i), closed[i % closed.length],
						now.minus(100 - i, ChronoUnit.HOURS), now);
			}
			for (; total < Settings.SEED_MENTORSHIPS; total++) {
				String mentee = mentees.get(random.nextInt(mentees.size()));
				String mentor = mentors.get(random.nextInt(mentors.size()));
				boolean openOne = requested.size() < Settings.SEED_TASKS && total % 40 == 0;
				String status = openOne ? "REQUESTED" : closed[random.nextInt(closed.length)];
				String id = UUID.randomUUID().toString();
				addMentorship(ms, id, mentee, mentor, status, now.minus(random.nextInt(5000), ChronoUnit.HOURS), now);
				if (openOne) {
					requested.add(new String[] { id, mentee, mentor });
				}
				if (total % 2000 == 0) {
					ms.executeBatch();
				}
			}
			ms.executeBatch();
			// the hot mentor's Erfolge: an agreement for each activated mentorship, a completion for each completed
			PreparedStatement ach = c.prepareStatement("insert into achievements (id, member_id, kind, source_type, "
					+ "source_id, member_role, partner_id, achieved_at) values (?, ?, ?, 'MENTORSHIP', ?, 'MENTOR', ?, ?)");
			int hours = 0;
			for (String[] a : hotAchievements) {
				for (String kind : a[2].equals("COMPLETED") ? List.of("AGREEMENT_CONCLUDED", "MENTORSHIP_COMPLETED")
						: List.of("AGREEMENT_CONCLUDED")) {
					ach.setString(1, UUID.randomUUID().toString());
					ach.setString(2, hotMentor.id());
					ach.setString(3, kind);
					ach.setString(4, a[0]);
					ach.setString(5, a[1]);
					ach.setTimestamp(6, Timestamp.from(now.minus(++hours, ChronoUnit.HOURS)));
					ach.addBatch();
				}
			}
			ach.executeBatch();
			c.commit();
		}
		// review tasks through the engine (what the app's request would have started); 4 threads
		AtomicInteger next = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			Thread th = new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < requested.size()) {
					String[] r = requested.get(i);
					app.startLifecycle(r[0], r[1], r[2]);
				}
			});
			th.start();
			threads.add(th);
		}
		for (Thread th : threads) {
			th.join();
		}
		try (Connection c = Db.root(Settings.DB); Statement st = c.createStatement()) {
			st.execute("update mentorships m join ACT_RU_EXECUTION e on e.BUSINESS_KEY_ = m.id and e.PARENT_ID_ is null "
					+ "set m.process_instance_id = e.ID_ where m.process_instance_id is null and m.status = 'REQUESTED'");
			Run.FACTS.put("read phase: mentorships rows", Db.count(st, "select count(*) from mentorships"));
			Run.FACTS.put("read phase: members rows", Db.count(st, "select count(*) from members"));
			Run.FACTS.put("read phase: open tasks (ACT_RU_TASK)", Db.count(st, "select count(*) from ACT_RU_TASK"));
			Run.FACTS.put("read phase: hot mentor's open tasks",
					Db.count(st, "select count(*) from ACT_RU_TASK where ASSIGNEE_ = '" + hotMentor.id() + "'"));
			Run.FACTS.put("read phase: hot mentor's mentorships",
					Db.count(st, "select count(*) from mentorships where mentor_id = '" + hotMentor.id() + "'"));
			st.execute("analyze table mentorships, members, ACT_RU_TASK, ACT_RU_EXECUTION");
		}
		Run.FACTS.put("seeding time (not measured)", Math.round((System.nanoTime() - t0) / 1e9) + " s");

	}

	/**
	 * The program office's data: {@code BENCH_SEED_MENTORSHIPS} mentorships over the last two years in fixed shares
	 * of their statuses, with the timestamps the figures read (decision, activation, end), an approved agreement per
	 * activated mentorship, held meetings with their feedback requests, and mentors' topics.
	 */
	static void programOffice() throws Exception {
		long t0 = System.nanoTime();
		Random random = new Random(26);
		int members = Math.max(200, Settings.SEED_MENTORSHIPS / 5);
		List<String> mentees = new ArrayList<>();
		List<String> mentors = new ArrayList<>();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long meetings = 0;
		long feedback = 0;
		try (Connection c = Db.root(Settings.DB)) {
			c.setAutoCommit(false);
			PreparedStatement m = c.prepareStatement("insert into members (id, email, password_hash, first_name, "
					+ "last_name, language, time_zone, mentor_available, mentor_capacity, created_at, email_verified_at, "
					+ "version) values (?, ?, '{noop}not-for-sign-in', 'Seed', ?, 'DE', 'Europe/Vienna', ?, ?, ?, ?, 0)");
			PreparedStatement roles = c.prepareStatement("insert into member_roles (member_id, role) values (?, ?)");
			PreparedStatement topics = c
				.prepareStatement("insert into member_topics (member_id, position, topic) values (?, ?, ?)");
			for (int i = 0; i < members; i++) {
				String id = UUID.randomUUID().toString();
				boolean mentor = i % 2 == 1;
				m.setString(1, id);
				m.setString(2, id + "@seed.bench.test");
				m.setString(3, (mentor ? "Mentor" : "Mentee") + i);
				m.setBoolean(4, random.nextInt(10) < 8);
				m.setInt(5, 1 + random.nextInt(3));
				m.setTimestamp(6, Timestamp.from(now.minus(800, ChronoUnit.DAYS)));
				m.setTimestamp(7, Timestamp.from(now.minus(800, ChronoUnit.DAYS)));
				m.addBatch();
				roles.setString(1, id);
				roles.setString(2, mentor ? "MENTOR" : "MENTEE");
				roles.addBatch();
				if (mentor) {
					int n = 1 + random.nextInt(3);
					for (int t = 0; t < n; t++) {
						topics.setString(1, id);
						topics.setInt(2, t);
						topics.setString(3, TOPICS[(i + t * 7 + random.nextInt(4)) % TOPICS.length]);
						topics.addBatch();
					}
				}
				(mentor ? mentors : mentees).add(id);
			}
			m.executeBatch();
			roles.executeBatch();
			topics.executeBatch();
			PreparedStatement ms = c.prepareStatement("insert into mentorships (id, mentee_id, mentor_id, status, "
					+ "requested_at, decided_at, activated_at, ended_at, version, closure_round) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)");
			PreparedStatement agreement = c.prepareStatement("insert into agreement_versions (id, mentorship_id, "
					+ "version_number, status, period_start, period_end, meeting_count, contact_kinds, "
					+ "contact_frequency, submissions, saved_at, submitted_at, approved_at, version) "
					+ "values (?, ?, 1, 'APPROVED', ?, ?, ?, 'VIDEO', 'monthly', 1, ?, ?, ?, 0)");
			PreparedStatement meeting = c.prepareStatement("insert into meetings (id, mentorship_id, mentee_id, "
					+ "mentor_id, status, final_meeting, starts_at, duration_minutes, kind, proposal_round, "
					+ "invitation_sequence, proposed_at, mentee_confirmed_at, mentor_confirmed_at, version) "
					+ "values (?, ?, ?, ?, 'HELD', false, ?, 60, 'VIDEO', 1, 0, ?, ?, ?, 0)");
			PreparedStatement asked = c.prepareStatement("insert into feedback_requests (id, member_id, "
					+ "mentorship_id, occasion, source_key, requested_at, answered_at, rating, version) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, 0)");
			String[] statuses = { "REQUESTED", "DECLINED", "WITHDRAWN", "EXPIRED", "ACCEPTED", "ACTIVE",
					"COMPLETED", "TERMINATED" };
			int[] weights = { 3, 15, 5, 7, 5, 20, 35, 10 };
			for (int i = 0; i < Settings.SEED_MENTORSHIPS; i++) {
				String id = UUID.randomUUID().toString();
				String mentee = mentees.get(random.nextInt(mentees.size()));
				String mentor = mentors.get(random.nextInt(mentors.size()));
				int pick = random.nextInt(100);
				int k = 0;
				while (pick >= weights[k]) {
					pick -= weights[k++];
				}
				String status = statuses[k];
				Instant requested = now.minus(random.nextInt(730 * 24), ChronoUnit.HOURS);
				Instant decided = switch (status) {
					case "REQUESTED", "WITHDRAWN", "EXPIRED" -> null;
					default -> requested.plus(1 + random.nextInt(240), ChronoUnit.HOURS);
				};
				boolean activated = status.equals("ACTIVE") || status.equals("COMPLETED")
						|| (status.equals("TERMINATED") && random.nextBoolean());
				Instant active = activated ? decided.plus(1 + random.nextInt(480), ChronoUnit.HOURS) : null;
				Instant ended = switch (status) {
					case "DECLINED" -> decided;
					case "WITHDRAWN" -> requested.plus(1 + random.nextInt(100), ChronoUnit.HOURS);
					case "EXPIRED" -> requested.plus(14, ChronoUnit.DAYS);
					case "COMPLETED", "TERMINATED" ->
						(activated ? active : decided).plus(30 + random.nextInt(210), ChronoUnit.DAYS);
					default -> null;
				};
				if (ended != null && ended.isAfter(now)) {
					ended = now;
				}
				if (active != null && active.isAfter(now)) {
					active = now;
				}
				ms.setString(1, id);
				ms.setString(2, mentee);
				ms.setString(3, mentor);
				ms.setString(4, status);
				ms.setTimestamp(5, Timestamp.from(requested));
				ms.setTimestamp(6, (decided != null) ? Timestamp.from(decided) : null);
				ms.setTimestamp(7, (active != null) ? Timestamp.from(active) : null);
				ms.setTimestamp(8, (ended != null) ? Timestamp.from(ended) : null);
				ms.addBatch();
				if (active == null) {
					continue;
				}
				LocalDate start = LocalDate.ofInstant(active, ZoneOffset.UTC);
				agreement.setString(1, UUID.randomUUID().toString());
				agreement.setString(2, id);
				agreement.setDate(3, Date.valueOf(start));
				agreement.setDate(4, Date.valueOf(start.plusMonths(8)));
				agreement.setInt(5, 4 + random.nextInt(7));
				agreement.setTimestamp(6, Timestamp.from(active.minus(2, ChronoUnit.DAYS)));
				agreement.setTimestamp(7, Timestamp.from(active.minus(1, ChronoUnit.DAYS)));
				agreement.setTimestamp(8, Timestamp.from(active));
				agreement.addBatch();
				Instant last = (ended != null) ? ended : now;
				int held = random.nextInt(9);
				for (int h = 0; h < held; h++) {
					Instant at = active.plus(3 + h * 20L + random.nextInt(10), ChronoUnit.DAYS);
					if (at.isAfter(last)) {
						break;
					}
					String meetingId = UUID.randomUUID().toString();
					meeting.setString(1, meetingId);
					meeting.setString(2, id);
					meeting.setString(3, mentee);
					meeting.setString(4, mentor);
					meeting.setTimestamp(5, Timestamp.from(at));
					meeting.setTimestamp(6, Timestamp.from(at.minus(5, ChronoUnit.DAYS)));
					meeting.setTimestamp(7, Timestamp.from(at.plus(2, ChronoUnit.HOURS)));
					meeting.setTimestamp(8, Timestamp.from(at.plus(5, ChronoUnit.HOURS)));
					meeting.addBatch();
					meetings++;
					boolean answered = random.nextInt(10) < 6;
					asked.setString(1, UUID.randomUUID().toString());
					asked.setString(2, mentee);
					asked.setString(3, id);
					asked.setString(4, "MEETING");
					asked.setString(5, meetingId);
					asked.setTimestamp(6, Timestamp.from(at.plus(5, ChronoUnit.HOURS)));
					asked.setTimestamp(7, answered ? Timestamp.from(at.plus(30, ChronoUnit.HOURS)) : null);
					if (answered) {
						asked.setInt(8, 1 + random.nextInt(5));
					}
					else {
						asked.setNull(8, Types.INTEGER);
					}
					asked.addBatch();
					feedback++;
				}
				if (i % 1000 == 999) {
					ms.executeBatch();
					agreement.executeBatch();
					meeting.executeBatch();
					asked.executeBatch();
				}
			}
			ms.executeBatch();
			agreement.executeBatch();
			meeting.executeBatch();
			asked.executeBatch();
			c.commit();
			try (Statement st = c.createStatement()) {
				st.execute("analyze table mentorships, members, member_roles, member_topics, agreement_versions, "
						+ "meetings, feedback_requests");
			}
		}
		Run.FACTS.put("seeded", Settings.SEED_MENTORSHIPS + " mentorships over 730 days, " + members + " members, " + meetings
				+ " held meetings, " + feedback + " feedback requests");
		Run.FACTS.put("seeding time (not measured)", Math.round((System.nanoTime() - t0) / 1e9) + " s");
	}


	/**
	 * The export scenario's member: {@code count} completed mentorships with other (seeded) members, each with an
	 * approved agreement (3 topics), 4 held meetings (2 proposed slots each), a conversation of 20 messages (both
	 * sides), 5 answered feedback requests of the member and 5 of the other side, 6 achievements, a certificate with a
	 * 40 KB document (the size of a rendered Urkunde) and 10 sent mails to the member's address. Outside the timed
	 * part.
	 */
	static void export(String memberId, String email, int count) throws Exception {
		long t0 = System.nanoTime();
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(400, ChronoUnit.DAYS);
		byte[] document = new byte[40_000];
		new Random(25).nextBytes(document);
		System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, document, 0, 9);
		try (Connection c = Db.root(Settings.DB)) {
			c.setAutoCommit(false);
			PreparedStatement members = memberInsert(c);
			PreparedStatement roles = c.prepareStatement("insert into member_roles (member_id, role) values (?, 'MENTOR')");
			PreparedStatement mentorships = c.prepareStatement("insert into mentorships (id, mentee_id, mentor_id, "
					+ "status, request_message, requested_at, decided_at, activated_at, ended_at, version, closure_round) "
					+ "values (?, ?, ?, 'COMPLETED', 'Hallo, ich suche Begleitung', ?, ?, ?, ?, 0, 0)");
			PreparedStatement agreements = c.prepareStatement("insert into agreement_versions (id, mentorship_id, "
					+ "version_number, status, period_start, period_end, meeting_count, contact_kinds, "
					+ "contact_frequency, submissions, saved_at, submitted_at, approved_at, version) "
					+ "values (?, ?, 1, 'APPROVED', ?, ?, 4, 'VIDEO,PHONE', 'monthly', 1, ?, ?, ?, 0)");
			PreparedStatement topics = c.prepareStatement(
					"insert into agreement_topics (agreement_version_id, position, topic) values (?, ?, ?)");
			PreparedStatement meetings = c.prepareStatement("insert into meetings (id, mentorship_id, mentee_id, "
					+ "mentor_id, status, final_meeting, starts_at, duration_minutes, kind, proposal_round, "
					+ "invitation_sequence, proposed_at, mentee_confirmed_at, mentor_confirmed_at, version) "
					+ "values (?, ?, ?, ?, 'HELD', ?, ?, 60, 'VIDEO', 1, 0, ?, ?, ?, 0)");
			PreparedStatement slots = c.prepareStatement("insert into meeting_slots (meeting_id, position, starts_at, "
					+ "duration_minutes, kind) values (?, ?, ?, 60, 'VIDEO')");
			PreparedStatement conversations = c.prepareStatement(
					"insert into conversations (mentorship_id, mentee_id, mentor_id, opened_at) values (?, ?, ?, ?)");
			PreparedStatement messages = c.prepareStatement(
					"insert into chat_messages (mentorship_id, sender_id, body, sent_at) values (?, ?, ?, ?)");
			PreparedStatement feedback = c.prepareStatement("insert into feedback_requests (id, member_id, "
					+ "mentorship_id, occasion, source_key, requested_at, answered_at, rating, answer, version) "
					+ "values (?, ?, ?, ?, ?, ?, ?, 4, 'Hilfreiches Gespräch, klare nächste Schritte', 0)");
			PreparedStatement achievements = c.prepareStatement("insert into achievements (id, member_id, kind, "
					+ "source_type, source_id, member_role, partner_id, achieved_at) values (?, ?, ?, ?, ?, 'MENTEE', ?, ?)");
			PreparedStatement certificates = c.prepareStatement("insert into certificates (id, mentorship_id, "
					+ "member_id, role, verification_code, holder_name, other_name, period_start, period_end, "
					+ "meetings_held, issued_on, language, created_at) values (?, ?, ?, 'MENTEE', ?, 'Bench Mentee', ?, "
					+ "?, ?, 4, ?, 'DE', ?)");
			PreparedStatement documents = c
				.prepareStatement("insert into certificate_documents (certificate_id, content) values (?, ?)");
			PreparedStatement mails = c.prepareStatement(
					"insert into sent_mails (mail_key, recipient, template, sent_at) values (?, ?, 'feedback-request', ?)");
			for (int i = 0; i < count; i++) {
				String partner = UUID.randomUUID().toString();
				String mentorship = UUID.randomUUID().toString();
				Instant at = start.plus(i * 7L, ChronoUnit.DAYS);
				Timestamp t = Timestamp.from(at);
				addMember(members, partner, "Mentor" + i, "Export");
				addRow(roles, partner);
				addRow(mentorships, mentorship, memberId, partner, t, t, t, Timestamp.from(at.plus(120, ChronoUnit.DAYS)));
				String agreement = UUID.randomUUID().toString();
				LocalDate from = LocalDate.ofInstant(at, ZoneOffset.UTC);
				addRow(agreements, agreement, mentorship, Date.valueOf(from), Date.valueOf(from.plusDays(120)), t, t, t);
				for (int k = 0; k < 3; k++) {
					addRow(topics, agreement, k, TOPICS[(i + k) % TOPICS.length]);
				}
				addRow(conversations, mentorship, memberId, partner, t);
				for (int k = 0; k < 20; k++) {
					addRow(messages, mentorship, (k % 2 == 0) ? memberId : partner,
							"Nachricht " + k + " im Austausch " + i + ": wie geht es mit dem nächsten Schritt weiter?",
							Timestamp.from(at.plus(k, ChronoUnit.HOURS)));
				}
				for (int k = 0; k < 4; k++) {
					String meeting = UUID.randomUUID().toString();
					Timestamp when = Timestamp.from(at.plus(10L + k * 25, ChronoUnit.DAYS));
					Timestamp confirmed = Timestamp.from(at.plus(11L + k * 25, ChronoUnit.DAYS));
					addRow(meetings, meeting, mentorship, memberId, partner, k == 3, when, t, confirmed, confirmed);
					addRow(slots, meeting, 0, when);
					addRow(slots, meeting, 1, Timestamp.from(at.plus(12L + k * 25, ChronoUnit.DAYS)));
					for (String side : new String[] { memberId, partner }) {
						addRow(feedback, UUID.randomUUID().toString(), side, mentorship, "MEETING", meeting, confirmed,
								confirmed);
					}
					addRow(achievements, UUID.randomUUID().toString(), memberId, "MEETING_HELD", "MEETING", meeting,
							partner, confirmed);
				}
				Timestamp ended = Timestamp.from(at.plus(120, ChronoUnit.DAYS));
				for (String side : new String[] { memberId, partner }) {
					addRow(feedback, UUID.randomUUID().toString(), side, mentorship, "CLOSURE", mentorship, ended,
							ended);
				}
				addRow(achievements, UUID.randomUUID().toString(), memberId, "AGREEMENT_CONCLUDED", "MENTORSHIP",
						mentorship, partner, t);
				addRow(achievements, UUID.randomUUID().toString(), memberId, "MENTORSHIP_COMPLETED", "MENTORSHIP",
						mentorship, partner, ended);
				String certificate = UUID.randomUUID().toString();
				addRow(certificates, certificate, mentorship, memberId, certificate.substring(0, 20).toUpperCase(),
						"Mentor" + i + " Export", Date.valueOf(from), Date.valueOf(from.plusDays(120)),
						Date.valueOf(from.plusDays(121)), ended);
				addRow(documents, certificate, document);
				for (int k = 0; k < 10; k++) {
					addRow(mails, "<export-" + mentorship + "-" + k + "@bench.test>", email,
							Timestamp.from(at.plus(k, ChronoUnit.DAYS)));
				}
			}
			for (PreparedStatement batch : new PreparedStatement[] { members, roles, mentorships, agreements, topics,
					conversations, messages, meetings, slots, feedback, achievements, certificates, documents, mails }) {
				batch.executeBatch();
			}
			c.commit();
		}
		Run.FACTS.put("export member", count + " completed mentorships, each with 4 held meetings, 20 chat messages,"
				+ " 5 answered feedback requests, 6 achievements, a 40 KB certificate document and 10 mails");
		Run.FACTS.put("export seeding time (not measured)", Math.round((System.nanoTime() - t0) / 1e9) + " s");
	}


	static final String[] FIELDS = { "Bildung", "Gesundheit", "Informatik", "Maschinenbau", "Öffentlicher Dienst",
			"Kunst & Kultur", "Éducation", "Finanzwesen", "Recht", "Medien", "Handel", "Forschung", "Energie",
			"Tourismus", "Soziales" };

	static final String[] LANGUAGES = { "Deutsch", "English", "Français", "Español", "Italiano", "Türkçe", "Polski",
			"Hrvatski" };

	static final String[] ZONES = { "Europe/Vienna", "Europe/Vienna", "Europe/Vienna", "Europe/Vienna",
			"Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata", "Asia/Tokyo", "America/Sao_Paulo",
			"Australia/Sydney" };

	static final String[] MEETING_KINDS = { "IN_PERSON", "VIDEO", "PHONE" };

	/**
	 * The matching scenario's members ({@code BENCH_ONLY=matching}): {@code members} members of whom {@code mentors}
	 * mentors, each with 1-4 topics, 0-2 fields, 1-2 languages (written in several spellings: "Führung", "fuhrung",
	 * "FÜHRUNG"), a time zone and meeting kinds, and the compared forms the app keeps ({@link #matchKey}); mentors
	 * mostly available, with capacities of 1-3, some of them full (accepted and active mentorships), some suspended or
	 * unverified; meetings held as mentor for a third of them (achievements).
	 */
	static void matching(int members, int mentors) throws Exception {
		long t0 = System.nanoTime();
		Random random = new Random(28);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<String> mentorIds = new ArrayList<>();
		List<String> menteeIds = new ArrayList<>();
		try (Connection c = Db.root(Settings.DB)) {
			c.setAutoCommit(false);
			PreparedStatement m = c.prepareStatement("insert into members (id, email, password_hash, first_name, "
					+ "last_name, language, time_zone, mentor_available, mentor_capacity, created_at, email_verified_at, "
					+ "suspended_at, meeting_kinds, version) "
					+ "values (?, ?, '{noop}not-for-sign-in', 'Seed', ?, 'DE', ?, ?, ?, ?, ?, ?, ?, 0)");
			PreparedStatement roles = c.prepareStatement("insert into member_roles (member_id, role) values (?, ?)");
			PreparedStatement topics = c
				.prepareStatement("insert into member_topics (member_id, position, topic) values (?, ?, ?)");
			PreparedStatement fields = c
				.prepareStatement("insert into member_fields (member_id, position, field) values (?, ?, ?)");
			PreparedStatement languages = c
				.prepareStatement("insert into member_languages (member_id, position, language) values (?, ?, ?)");
			PreparedStatement keys = c.prepareStatement(
					"insert into member_match_keys (member_id, position, kind, match_key, label) values (?, ?, ?, ?, ?)");
			for (int i = 0; i < members; i++) {
				String id = UUID.randomUUID().toString();
				boolean mentor = i < mentors;
				(mentor ? mentorIds : menteeIds).add(id);
				boolean unverified = mentor && random.nextInt(100) < 3;
				boolean suspended = mentor && random.nextInt(100) < 1;
				StringBuilder kinds = new StringBuilder();
				for (String kind : MEETING_KINDS) {
					if (random.nextInt(100) < 55) {
						kinds.append(kinds.isEmpty() ? "" : ",").append(kind);
					}
				}
				addRow(m, id, id + "@seed.bench.test", (mentor ? "Mentor" : "Mentee") + i,
						ZONES[random.nextInt(ZONES.length)], mentor && random.nextInt(100) < 85,
						1 + random.nextInt(3), Timestamp.from(now), unverified ? null : Timestamp.from(now),
						suspended ? Timestamp.from(now) : null, kinds.toString());
				addRow(roles, id, mentor ? "MENTOR" : "MENTEE");
				if (mentor && random.nextInt(10) == 0) {
					addRow(roles, id, "MENTEE");
				}
				int key = 0;
				key = words(topics, keys, id, "TOPIC", TOPICS, 1 + random.nextInt(4), key, random);
				key = words(fields, keys, id, "FIELD", FIELDS, random.nextInt(3), key, random);
				words(languages, keys, id, "LANGUAGE", LANGUAGES, 1 + random.nextInt(2), key, random);
			}
			m.executeBatch();
			roles.executeBatch();
			topics.executeBatch();
			fields.executeBatch();
			languages.executeBatch();
			keys.executeBatch();
			c.commit();
			// places taken: about a third of the mentors' places; open pairs once each
			PreparedStatement ms = mentorshipInsert(c);
			java.util.Set<String> pairs = new java.util.HashSet<>();
			int mentorships = 0;
			for (int i = 0; i < mentors * 2; i++) {
				String mentee = menteeIds.get(random.nextInt(menteeIds.size()));
				String mentor = mentorIds.get(random.nextInt(mentorIds.size()));
				String status = (i % 2 == 0) ? "ACTIVE" : (i % 4 == 1) ? "ACCEPTED" : "COMPLETED";
				if (!status.equals("COMPLETED") && !pairs.add(mentee + ":" + mentor)) {
					continue;
				}
				addMentorship(ms, UUID.randomUUID().toString(), mentee, mentor, status,
						now.minus(30 + random.nextInt(300), ChronoUnit.DAYS), now.minus(random.nextInt(30), ChronoUnit.DAYS));
				mentorships++;
			}
			ms.executeBatch();
			PreparedStatement held = c.prepareStatement("insert into achievements (id, member_id, kind, source_type, "
					+ "source_id, member_role, achieved_at) values (?, ?, 'MEETING_HELD', 'MEETING', ?, 'MENTOR', ?)");
			int achievements = 0;
			for (int i = 0; i < mentors; i += 3) {
				for (int n = random.nextInt(30); n > 0; n--) {
					addRow(held, UUID.randomUUID().toString(), mentorIds.get(i), UUID.randomUUID().toString(),
							Timestamp.from(now.minus(random.nextInt(400), ChronoUnit.DAYS)));
					achievements++;
				}
			}
			held.executeBatch();
			c.commit();
			Run.FACTS.put("seeded (matching)", members + " members (" + mentors + " mentors), " + mentorships
					+ " mentorships, " + achievements + " meetings held as mentor, in "
					+ Math.round((System.nanoTime() - t0) / 1e9) + " s");
		}
	}

	/** {@code count} distinct words of {@code pool} in a random spelling, with their compared forms. */
	private static int words(PreparedStatement rows, PreparedStatement keys, String id, String kind, String[] pool,
			int count, int key, Random random) throws Exception {
		java.util.Set<String> taken = new java.util.HashSet<>();
		for (int position = 0; taken.size() < count;) {
			String word = pool[random.nextInt(pool.length)];
			if (!taken.add(word)) {
				continue;
			}
			String spelled = switch (random.nextInt(5)) {
				case 0 -> matchKey(word);
				case 1 -> word.toUpperCase(java.util.Locale.ROOT);
				default -> word;
			};
			addRow(rows, id, position++, spelled);
			addRow(keys, id, key++, kind, matchKey(spelled), spelled);
		}
		return key;
	}

	/** The app's compared form of a profile word (member.MatchKeys): accents and case folded, spaces collapsed. */
	static String matchKey(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.replace("ß", "ss")
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("\\s+", " ")
			.strip();
	}

	/** First names for the search (ASCII and German; the search indexes the first name). */
	static final String[] FIRST_NAMES = { "Anna", "Jürgen", "Lena", "Lukas", "Sophie", "Maximilian", "Marie", "Paul",
			"Hannah", "Felix", "Emma", "Jonas", "Mia", "Elias", "Lea", "Noah", "Sara", "David", "Julia", "Tobias",
			"Özlem", "Chloé", "Zoë", "Ida" };

	/** Locations for the search. */
	static final String[] LOCATIONS = { "Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "München", "Berlin",
			"Zürich", "Klagenfurt", "St. Pölten", "Bregenz", "Remote" };

	/** The words bios are made of: common ones first, a long tail, two-letter ones among them. */
	static final String[] BIO_WORDS = ("Erfahrung Projekte Team Unternehmen Beratung Studium Universität Leitung "
			+ "Entwicklung Software Daten Analyse Strategie Kommunikation Coaching Mentoring Kunden Produkt Innovation "
			+ "Nachhaltigkeit Energie Gesundheit Pflege Bildung Schule Forschung Labor Chemie Physik Mathematik "
			+ "Informatik Cloud Sicherheit Recht Steuern Finanzen Bank Versicherung Handel Logistik Produktion Qualität "
			+ "Agile Scrum Design UX UI HR IT KI AI Marketing Vertrieb Medien Journalismus Kunst Kultur Musik Sport "
			+ "Tourismus Gastronomie Architektur Bau Immobilien Verwaltung Politik International Export Startup "
			+ "Gründerin Familie Teilzeit Wiedereinstieg Promotion Habilitation Stipendium Ausland Netzwerk Führung "
			+ "Verhandlung Präsentation Rhetorik Konflikt Resilienz Zeitmanagement Karriereplanung Bewerbung Lebenslauf "
			+ "Résumé Portfolio Freelance Selbstständigkeit Förderung Ehrenamt Verein Gemeinde Region Europa").split(" ");

	/**
	 * What the directory's search reads, for every member {@link #matching} seeded: a first name, a location and a bio
	 * of 12 to 30 words ({@link #BIO_WORDS}, skewed towards the first ones), and the member's rows in
	 * {@code member_search_terms} from first name, topics, fields, location and bio as the app writes them
	 * ({@link #searchTerms}). Outside the timed part.
	 */
	static void searchText() throws Exception {
		long t0 = System.nanoTime();
		Random random = new Random(30);
		long terms = 0;
		try (Connection c = Db.root(Settings.DB)) {
			c.setAutoCommit(false);
			java.util.Map<String, List<String>> words = new java.util.HashMap<>();
			for (String table : new String[] { "member_topics", "member_fields" }) {
				String column = table.equals("member_topics") ? "topic" : "field";
				try (Statement st = c.createStatement();
						java.sql.ResultSet rs = st.executeQuery("select member_id, " + column + " from " + table)) {
					while (rs.next()) {
						words.computeIfAbsent(rs.getString(1) + "|" + table, (k) -> new ArrayList<>()).add(rs.getString(2));
					}
				}
			}
			List<String> ids = new ArrayList<>();
			try (Statement st = c.createStatement();
					java.sql.ResultSet rs = st.executeQuery("select id from members order by id")) {
				while (rs.next()) {
					ids.add(rs.getString(1));
				}
			}
			PreparedStatement update = c
				.prepareStatement("update members set first_name = ?, location = ?, bio = ? where id = ?");
			PreparedStatement index = c.prepareStatement(
					"insert into member_search_terms (member_id, term, source, weight) values (?, ?, ?, ?)");
			try (Statement st = c.createStatement()) {
				st.execute("delete from member_search_terms");
			}
			int n = 0;
			for (String id : ids) {
				String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
				String location = LOCATIONS[random.nextInt(LOCATIONS.length)];
				StringBuilder bio = new StringBuilder();
				for (int w = 12 + random.nextInt(19); w > 0; w--) {
					int k = (int) Math.floor(BIO_WORDS.length * Math.pow(random.nextDouble(), 1.6));
					bio.append(BIO_WORDS[k]).append(w > 1 ? " " : ".");
				}
				addRow(update, first, location, bio.toString(), id);
				java.util.Map<String, String[]> rows = new java.util.TreeMap<>();
				searchTerms(rows, first, "NAME", 3);
				words.getOrDefault(id + "|member_topics", List.of()).forEach((t) -> searchTerms(rows, t, "TOPIC", 4));
				words.getOrDefault(id + "|member_fields", List.of()).forEach((f) -> searchTerms(rows, f, "FIELD", 4));
				searchTerms(rows, location, "LOCATION", 2);
				searchTerms(rows, bio.toString(), "BIO", 1);
				for (var row : rows.entrySet()) {
					addRow(index, id, row.getKey(), row.getValue()[0], Integer.parseInt(row.getValue()[1]));
					terms++;
				}
				if (++n % 500 == 0) {
					update.executeBatch();
					index.executeBatch();
					c.commit();
				}
			}
			update.executeBatch();
			index.executeBatch();
			c.commit();
			try (Statement st = c.createStatement()) {
				st.execute("analyze table members, member_topics, member_fields, member_search_terms");
			}
			Run.FACTS.put("seeded (search)", ids.size() + " members with first name, location and bio, " + terms
					+ " search terms, in " + Math.round((System.nanoTime() - t0) / 1e9) + " s");
		}
	}

	/**
	 * The terms the app's {@code member.SearchText} makes of a seeded text, with the strongest source: lower case
	 * without accents, an umlaut in both spellings, {@code ß} as {@code ss}, split at everything but letters and
	 * digits, no words of one letter. Enough for the seed's vocabulary (no function words, nothing over 40
	 * characters); the searches of {@link Matching} must find mentors.
	 */
	static void searchTerms(java.util.Map<String, String[]> rows, String text, String source, int weight) {
		for (String word : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.codePointCount(0, word.length()) < 2) {
				continue;
			}
			List<String> forms = new ArrayList<>(List.of(plain(word)));
			if (word.matches(".*[äöü].*")) {
				forms.add(plain(word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")));
			}
			for (String form : forms) {
				String[] old = rows.get(form);
				if (old == null || Integer.parseInt(old[1]) < weight) {
					rows.put(form, new String[] { source, Integer.toString(weight) });
				}
			}
		}
	}

	private static String plain(String word) {
		return java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.replace("ß", "ss");
	}

}
