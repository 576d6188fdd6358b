-- The directory's search (docs/api.md, "Search"): the normalised terms of what a member's public profile shows, one
-- row per member and term with its strongest source and that source's weight. Written in the transaction of the
-- profile change (SearchIndex); filled for existing members by V31. Binary collation: the terms are normalised
-- already, and H2, MariaDB and MySQL 8 must compare them alike (their default collations do not).
create table member_search_terms (
    member_id  char(36)     not null,
    term       varchar(40)  character set utf8mb4 collate utf8mb4_bin not null,
    source     varchar(10)  not null,
    weight     smallint     not null,
    constraint pk_member_search_terms primary key (member_id, term),
    constraint fk_member_search_terms_member foreign key (member_id) references members (id)
);
create index ix_member_search_terms_term on member_search_terms (term);
