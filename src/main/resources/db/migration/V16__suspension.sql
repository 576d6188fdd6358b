-- Suspension by an admin (suspendMember, reactivateMember): a suspended member cannot sign in, their tokens are
-- refused, they are not in the mentor directory. Mails to them end without sending and are recorded as skipped
-- (sent_mails.skipped: why; null for a mail that was sent).
alter table members add column suspended_at datetime(6);
alter table members add column suspension_reason varchar(500);
alter table sent_mails add column skipped varchar(40);
