-- Account deletion (docs/api.md, "Deleting an account").

-- The member a mail went to: the export finds mails to earlier addresses too, and the deletion clears the
-- recipient of each. Mails recorded before this column are matched by the address in force now.
alter table sent_mails add column member_id char(36);
update sent_mails set member_id = (select m.id from members m where m.email = sent_mails.recipient);
create index ix_sent_mails_member on sent_mails (member_id);

-- A deleted member stays as a pseudonymous tombstone: the id, so that the other side's records keep their
-- references; everything personal is gone.
alter table members add column deleted_at datetime(6);

-- A deleted member's chat messages stay as markers: the text is removed, the row kept.
alter table chat_messages add column deleted boolean default false not null;

-- A deleted member's own certificates verify as revoked.
alter table certificates add column revoked_at datetime(6);
