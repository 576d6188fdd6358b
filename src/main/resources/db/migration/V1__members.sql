-- Members and their profile ("Meine Daten"). Ids are UUIDs as char(36), instants are UTC datetime(6); the same
-- script runs on H2 (MySQL mode) and MySQL/MariaDB.
create table members (
    id                char(36)      not null,
    email             varchar(254)  not null,
    password_hash     varchar(100)  not null,
    first_name        varchar(100)  not null,
    last_name         varchar(100)  not null,
    language          varchar(2)    not null,
    time_zone         varchar(64)   not null,
    bio               varchar(4000),
    location          varchar(200),
    mentor_available  boolean       not null,
    mentor_capacity   integer       not null,
    created_at        datetime(6)   not null,
    version           bigint        not null,
    constraint pk_members primary key (id),
    constraint uk_members_email unique (email)
);

create table member_roles (
    member_id  char(36)     not null,
    role       varchar(16)  not null,
    constraint pk_member_roles primary key (member_id, role),
    constraint fk_member_roles_member foreign key (member_id) references members (id)
);

create table member_topics (
    member_id  char(36)     not null,
    position   integer      not null,
    topic      varchar(60)  not null,
    constraint pk_member_topics primary key (member_id, position),
    constraint fk_member_topics_member foreign key (member_id) references members (id)
);
create index ix_member_topics_topic on member_topics (topic);

create table member_languages (
    member_id  char(36)     not null,
    position   integer      not null,
    language   varchar(40)  not null,
    constraint pk_member_languages primary key (member_id, position),
    constraint fk_member_languages_member foreign key (member_id) references members (id)
);
