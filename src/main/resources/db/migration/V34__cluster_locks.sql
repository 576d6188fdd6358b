-- ShedLock's lock rows: one per job that must run on one node at a time (platform.ClusterJob, the retention jobs).
-- A node takes a job's row by setting lock_until to the database's clock plus the job's lockAtMostFor and frees it
-- when the job ends; a node that finds lock_until in the future skips its turn.
create table shedlock (
    name        varchar(64)   not null,
    lock_until  datetime(3)   not null,
    locked_at   datetime(3)   not null,
    locked_by   varchar(255)  not null,
    constraint pk_shedlock primary key (name)
);
