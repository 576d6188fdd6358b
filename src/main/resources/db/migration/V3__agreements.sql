-- The mentoring agreement: every version kept; the newest approved one is in force.
alter table mentorships add column activated_at datetime(6);
alter table mentorships add column request_expires_at datetime(6);

create table agreement_versions (
    id                    char(36)       not null,
    mentorship_id         char(36)       not null,
    version_number        integer        not null,
    status                varchar(20)    not null,
    period_start          date           not null,
    period_end            date           not null,
    meeting_count         integer        not null,
    contact_kinds         varchar(100)   not null,
    contact_frequency     varchar(200)   not null,
    submissions           integer        not null,
    saved_at              datetime(6)    not null,
    submitted_at          datetime(6),
    approved_at           datetime(6),
    approved_by           char(36),
    changes_requested_at  datetime(6),
    changes_comment       varchar(2000),
    version               bigint         not null,
    constraint pk_agreement_versions primary key (id),
    constraint uk_agreement_versions_number unique (mentorship_id, version_number),
    constraint fk_agreement_versions_mentorship foreign key (mentorship_id) references mentorships (id)
);

create table agreement_topics (
    agreement_version_id  char(36)      not null,
    position              integer       not null,
    topic                 varchar(200)  not null,
    constraint pk_agreement_topics primary key (agreement_version_id, position),
    constraint fk_agreement_topics_version foreign key (agreement_version_id) references agreement_versions (id)
);
