-- A group left without members by an account deletion is closed: no longer listed, nobody joins it.
alter table member_groups add column closed_at datetime(6);
