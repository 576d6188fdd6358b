-- The Mentoring-Wiki (articles, every revision, ratings) and groups (members, leaders). The same script runs on
-- H2 (MySQL mode) and MySQL/MariaDB. Bodies are up to 100,000 characters: mediumtext (16 MB) on MySQL, a CLOB on H2.

-- an article holds its current content (what lists and searches read); every revision is kept in wiki_revisions
create table wiki_articles (
    id                   char(36)      not null,
    author_id            char(36)      not null,
    title                varchar(200)  not null,
    body                 mediumtext    not null,
    revision_count       integer       not null,
    current_revision_id  char(36)      not null,
    created_at           datetime(6)   not null,
    revised_at           datetime(6)   not null,
    version              bigint        not null,
    constraint pk_wiki_articles primary key (id),
    constraint fk_wiki_articles_author foreign key (author_id) references members (id)
);
create index ix_wiki_articles_created on wiki_articles (created_at, id);

create table wiki_article_topics (
    article_id  char(36)     not null,
    position    integer      not null,
    topic       varchar(60)  not null,
    constraint pk_wiki_article_topics primary key (article_id, position),
    constraint fk_wiki_article_topics_article foreign key (article_id) references wiki_articles (id)
);
create index ix_wiki_article_topics_topic on wiki_article_topics (topic);

create table wiki_revisions (
    id               char(36)      not null,
    article_id       char(36)      not null,
    revision_number  integer       not null,
    author_id        char(36)      not null,
    title            varchar(200)  not null,
    body             mediumtext    not null,
    note             varchar(500),
    created_at       datetime(6)   not null,
    constraint pk_wiki_revisions primary key (id),
    constraint uk_wiki_revisions_number unique (article_id, revision_number),
    constraint fk_wiki_revisions_article foreign key (article_id) references wiki_articles (id),
    constraint fk_wiki_revisions_author foreign key (author_id) references members (id)
);

create table wiki_revision_topics (
    revision_id  char(36)     not null,
    position     integer      not null,
    topic        varchar(60)  not null,
    constraint pk_wiki_revision_topics primary key (revision_id, position),
    constraint fk_wiki_revision_topics_revision foreign key (revision_id) references wiki_revisions (id)
);

-- one rating per member and article; rating again changes the row
create table wiki_ratings (
    id          char(36)     not null,
    article_id  char(36)     not null,
    rater_id    char(36)     not null,
    stars       integer      not null,
    rated_at    datetime(6)  not null,
    constraint pk_wiki_ratings primary key (id),
    constraint uk_wiki_ratings_rater unique (article_id, rater_id),
    constraint fk_wiki_ratings_article foreign key (article_id) references wiki_articles (id),
    constraint fk_wiki_ratings_rater foreign key (rater_id) references members (id)
);

-- "group" is a reserved word in SQL: member_groups
create table member_groups (
    id            char(36)       not null,
    name          varchar(100)   not null,
    -- the name lower-cased: one group per name, whatever the database's collation
    name_key      varchar(100)   not null,
    description   varchar(2000),
    member_count  integer        not null,
    -- how many joins the group has seen: numbers its memberships in joining order
    joins         integer        not null,
    created_by    char(36)       not null,
    created_at    datetime(6)    not null,
    version       bigint         not null,
    constraint pk_member_groups primary key (id),
    constraint uk_member_groups_name unique (name_key),
    constraint fk_member_groups_creator foreign key (created_by) references members (id)
);

create table group_memberships (
    id           char(36)     not null,
    group_id     char(36)     not null,
    member_id    char(36)     not null,
    leader       boolean      not null,
    -- the order of joining (joined_at has whole seconds only on MySQL: sendFractionalSeconds=false)
    join_number  integer      not null,
    joined_at    datetime(6)  not null,
    constraint pk_group_memberships primary key (id),
    constraint uk_group_memberships_member unique (group_id, member_id),
    constraint uk_group_memberships_number unique (group_id, join_number),
    constraint fk_group_memberships_group foreign key (group_id) references member_groups (id),
    constraint fk_group_memberships_member foreign key (member_id) references members (id)
);
create index ix_group_memberships_member on group_memberships (member_id);

-- every member ever appointed leader of a group, once: GroupLeaderAppointed is published at most once per pair
create table group_leader_appointments (
    group_id   char(36)  not null,
    member_id  char(36)  not null,
    constraint pk_group_leader_appointments primary key (group_id, member_id),
    constraint fk_group_leader_appointments_group foreign key (group_id) references member_groups (id)
);
