-- Verified e-mail addresses (verifyEmail, changeEmail). email_verified_at is null until the member followed the link
-- of a verification mail; members who existed before count as verified (since they signed up). pending_email is the
-- address a changeEmail waits to have verified; the old address stays in force until then.
alter table members add column email_verified_at datetime(6);
alter table members add column pending_email varchar(254);
update members set email_verified_at = created_at;

-- One verification link: the token in the mail is the id signed with the server's key (HMAC-SHA256); token_hash is the
-- SHA-256 (hex) of the whole token. kind SIGN_UP verifies the address signed up with, CHANGE the new address of a
-- changeEmail (previous_email: the address in force when it was asked for, which gets a notice). Used once, expires.
create table email_verifications (
    id              char(36)      not null,
    member_id       char(36)      not null,
    kind            varchar(16)   not null,
    email           varchar(254)  not null,
    previous_email  varchar(254),
    token_hash      varchar(64)   not null,
    created_at      datetime(6)   not null,
    expires_at      datetime(6)   not null,
    used_at         datetime(6),
    constraint pk_email_verifications primary key (id),
    constraint fk_email_verifications_member foreign key (member_id) references members (id)
);
create index ix_email_verifications_member on email_verifications (member_id);
create index ix_email_verifications_email on email_verifications (email);
create index ix_email_verifications_previous on email_verifications (previous_email);
