-- The Erfolge: one row per member, kind and source (the database refuses a second), and the profile switch that lets
-- the public profile name the other side of a mentorship. The same script runs on H2 (MySQL mode) and MySQL/MariaDB.
alter table members add column show_mentoring_partners boolean default false not null;

create table achievements (
    id           char(36)     not null,
    member_id    char(36)     not null,
    kind         varchar(32)  not null,
    source_type  varchar(32)  not null,
    source_id    char(36)     not null,
    -- for mentorship activity (agreement, meeting, completion): the member's side (MENTEE, MENTOR) and the other side
    member_role  varchar(8),
    partner_id   char(36),
    achieved_at  datetime(6)  not null,
    constraint pk_achievements primary key (id),
    -- exactly once: a replayed event or a second node finds the row; also serves totals and engagement counts
    constraint uk_achievements_source unique (member_id, kind, source_id),
    constraint fk_achievements_member foreign key (member_id) references members (id)
);
create index ix_achievements_recent on achievements (member_id, achieved_at);
