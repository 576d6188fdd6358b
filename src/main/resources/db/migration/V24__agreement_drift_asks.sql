-- The agreement drift check (lifecycle version 3) asks for a decision once per condition and agreement version:
-- each ask is a row, claimed by its primary key (DriftCheck), so a retried job or a second node never asks twice.
create table agreement_drift_asks (
    mentorship_id      char(36)      not null,
    agreement_version  integer       not null,
    drift              varchar(16)   not null,
    asked_at           datetime(6)   not null,
    constraint pk_agreement_drift_asks primary key (mentorship_id, agreement_version, drift),
    constraint fk_agreement_drift_asks_mentorship foreign key (mentorship_id) references mentorships (id)
);
