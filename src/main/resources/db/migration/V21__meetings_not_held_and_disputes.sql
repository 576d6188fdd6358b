-- A meeting that did not take place (NOT_HELD), a contradicted confirmation (DISPUTED) and one nobody confirmed or
-- resolved in time (UNCONFIRMED): who said what and when, and how an admin settled a dispute (issue 23). The status
-- column (varchar(16)) already holds the new names.
alter table meetings add column not_held_reported_by char(36);
alter table meetings add column not_held_reported_at datetime(6);
alter table meetings add column not_held_reason varchar(500);
alter table meetings add column confirmation_withdrawn_at datetime(6);
alter table meetings add column withdrawal_reason varchar(500);
alter table meetings add column dispute_resolved_by char(36);
alter table meetings add column dispute_resolved_at datetime(6);
alter table meetings add column dispute_resolution varchar(16);
alter table meetings add column dispute_resolution_reason varchar(500);
alter table meetings add column unconfirmed_at datetime(6);
-- admins list the disputed meetings oldest report first
create index ix_meetings_disputed on meetings (status, not_held_reported_at, id);
