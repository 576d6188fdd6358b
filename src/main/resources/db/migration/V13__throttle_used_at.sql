-- When a throttle bucket was last used: a bucket untouched for longer than the longest refill window is full again,
-- the same as no row, and ThrottleCleanup deletes it. Rows from before this column have none and go at the first
-- cleanup (at worst a partly used allowance starts full again).
alter table sign_in_throttle add column used_at datetime(6);
create index ix_sign_in_throttle_used on sign_in_throttle (used_at);
