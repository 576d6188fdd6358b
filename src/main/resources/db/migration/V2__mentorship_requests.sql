-- The mentorship aggregate (request stage), mentors' decline texts, the sent-mail ledger and chat conversations.
create table mentorships (
    id                   char(36)      not null,
    mentee_id            char(36)      not null,
    mentor_id            char(36)      not null,
    status               varchar(16)   not null,
    -- "menteeId:mentorId" while requested/accepted/active, else null: one open mentorship per pair
    open_pair_key        varchar(80),
    request_message      varchar(2000),
    decline_message      varchar(4000),
    process_instance_id  varchar(64),
    requested_at         datetime(6)   not null,
    decided_at           datetime(6),
    ended_at             datetime(6),
    version              bigint        not null,
    constraint pk_mentorships primary key (id),
    constraint uk_mentorships_open_pair unique (open_pair_key),
    constraint fk_mentorships_mentee foreign key (mentee_id) references members (id),
    constraint fk_mentorships_mentor foreign key (mentor_id) references members (id)
);
create index ix_mentorships_mentee on mentorships (mentee_id, status);
create index ix_mentorships_mentor on mentorships (mentor_id, status);

create table decline_templates (
    mentor_id   char(36)       not null,
    body        varchar(4000)  not null,
    updated_at  datetime(6)    not null,
    constraint pk_decline_templates primary key (mentor_id),
    constraint fk_decline_templates_mentor foreign key (mentor_id) references members (id)
);

-- one row per mail key: a key is sent at most once
create table sent_mails (
    mail_key   varchar(200)  not null,
    recipient  varchar(254)  not null,
    template   varchar(80)   not null,
    sent_at    datetime(6)   not null,
    constraint pk_sent_mails primary key (mail_key)
);

create table conversations (
    mentorship_id  char(36)     not null,
    mentee_id      char(36)     not null,
    mentor_id      char(36)     not null,
    opened_at      datetime(6)  not null,
    constraint pk_conversations primary key (mentorship_id)
);
