-- What mentees seek and mentors offer (issue 28): goals (free text), meeting kinds (IN_PERSON, VIDEO, PHONE as a
-- comma-separated set; empty = not said), fields (industries, like topics), and the compared form of topics,
-- fields and languages (case and accents folded, kept by the application) that recommendations look up.
alter table members add column goals varchar(1000);
alter table members add column meeting_kinds varchar(40) not null default '';

create table member_fields (
    member_id  char(36)     not null,
    position   integer      not null,
    field      varchar(60)  not null,
    constraint pk_member_fields primary key (member_id, position),
    constraint fk_member_fields_member foreign key (member_id) references members (id)
);
create index ix_member_fields_field on member_fields (field);

-- derived from member_topics, member_fields and member_languages (V29 fills it for existing profiles)
create table member_match_keys (
    member_id  char(36)      not null,
    position   integer       not null,
    kind       varchar(8)    not null,
    match_key  varchar(120)  not null,
    label      varchar(60)   not null,
    constraint pk_member_match_keys primary key (member_id, position),
    constraint fk_member_match_keys_member foreign key (member_id) references members (id)
);
create index ix_member_match_keys_key on member_match_keys (match_key, kind, member_id);
