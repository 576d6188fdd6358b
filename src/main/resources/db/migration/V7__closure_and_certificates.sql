-- The end of a mentorship (closure proposals, early termination) and the certificates with their PDFs.
alter table mentorships add column closure_proposed_by char(36);
alter table mentorships add column closure_proposed_at datetime(6);
alter table mentorships add column closure_round integer default 0 not null;
alter table mentorships add column closure_decline_message varchar(2000);
alter table mentorships add column terminated_by char(36);
alter table mentorships add column termination_reason varchar(2000);

create table certificates (
    id                 char(36)      not null,
    mentorship_id      char(36)      not null,
    member_id          char(36)      not null,
    role               varchar(16)   not null,
    verification_code  varchar(24)   not null,
    holder_name        varchar(210)  not null,
    other_name         varchar(210)  not null,
    period_start       date          not null,
    period_end         date          not null,
    meetings_held      integer       not null,
    issued_on          date          not null,
    language           varchar(2)    not null,
    created_at         datetime(6)   not null,
    constraint pk_certificates primary key (id),
    constraint uk_certificates_holder unique (mentorship_id, member_id),
    constraint uk_certificates_code unique (verification_code)
);
create index ix_certificates_member on certificates (member_id);

-- the PDFs, read and written with plain JDBC
create table certificate_documents (
    certificate_id  char(36)    not null,
    content         mediumblob  not null,
    constraint pk_certificate_documents primary key (certificate_id),
    constraint fk_certificate_documents_certificate foreign key (certificate_id) references certificates (id)
);
