-- Meetings (proposals, the scheduled time, both confirmations), calendar feeds, feedback requests, and the
-- activity columns the inactivity timer reads.
alter table mentorships add column last_activity_at datetime(6);
alter table mentorships add column inactivity_notice_at datetime(6);

create table meetings (
    id                    char(36)      not null,
    mentorship_id         char(36)      not null,
    mentee_id             char(36)      not null,
    mentor_id             char(36)      not null,
    status                varchar(16)   not null,
    final_meeting         boolean       not null,
    starts_at             datetime(6),
    duration_minutes      integer,
    kind                  varchar(16),
    place                 varchar(300),
    link                  varchar(500),
    proposal_round        integer       not null,
    invitation_sequence   integer       not null,
    decline_message       varchar(2000),
    cancel_reason         varchar(2000),
    cancelled_by          char(36),
    mentee_confirmed_at   datetime(6),
    mentor_confirmed_at   datetime(6),
    process_instance_id   varchar(64),
    proposed_at           datetime(6)   not null,
    version               bigint        not null,
    constraint pk_meetings primary key (id),
    constraint fk_meetings_mentorship foreign key (mentorship_id) references mentorships (id)
);
create index ix_meetings_mentorship on meetings (mentorship_id);
create index ix_meetings_mentee on meetings (mentee_id, starts_at);
create index ix_meetings_mentor on meetings (mentor_id, starts_at);

create table meeting_slots (
    meeting_id        char(36)      not null,
    position          integer       not null,
    starts_at         datetime(6)   not null,
    duration_minutes  integer       not null,
    kind              varchar(16)   not null,
    place             varchar(300),
    link              varchar(500),
    constraint pk_meeting_slots primary key (meeting_id, position),
    constraint fk_meeting_slots_meeting foreign key (meeting_id) references meetings (id)
);

create table calendar_feeds (
    member_id   char(36)     not null,
    token       varchar(64)  not null,
    created_at  datetime(6)  not null,
    constraint pk_calendar_feeds primary key (member_id),
    constraint uk_calendar_feeds_token unique (token)
);

create table feedback_requests (
    id             char(36)       not null,
    member_id      char(36)       not null,
    mentorship_id  char(36)       not null,
    occasion       varchar(16)    not null,
    source_key     varchar(120)   not null,
    requested_at   datetime(6)    not null,
    answered_at    datetime(6),
    rating         integer,
    answer         varchar(4000),
    version        bigint         not null,
    constraint pk_feedback_requests primary key (id),
    constraint uk_feedback_requests_occasion unique (member_id, occasion, source_key)
);
create index ix_feedback_requests_mentorship on feedback_requests (mentorship_id, occasion);
