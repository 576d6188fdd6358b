-- The member's export reads the conversations of a member and the mails sent to their address on an index each,
-- not by scanning the tables.
create index ix_conversations_mentee on conversations (mentee_id);
create index ix_conversations_mentor on conversations (mentor_id);
create index ix_sent_mails_recipient on sent_mails (recipient);
