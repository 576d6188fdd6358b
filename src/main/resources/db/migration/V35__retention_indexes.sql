-- The retention jobs (docs/privacy.md, "How long") find ended mentorships by their end and old mails by their sending
-- on an index, not by scanning the tables.
create index ix_mentorships_ended on mentorships (ended_at, id);
create index ix_sent_mails_sent on sent_mails (sent_at);
