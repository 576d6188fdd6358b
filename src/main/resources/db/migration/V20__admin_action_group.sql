-- Admin actions on a group (an admin appointing or removing a group's leader without leading it): the group's id.
alter table admin_actions add column group_id char(36);
