-- Password reset requests. The token in the mail's link is the id signed with the server's key (HMAC-SHA256), so the
-- table holds no usable token: token_hash is the SHA-256 (hex) of the whole token, compared at use. A request is
-- used once (used_at) and expires (expires_at, mentoring.password-reset.token-lifetime).
create table password_resets (
    id          char(36)     not null,
    member_id   char(36)     not null,
    token_hash  varchar(64)  not null,
    created_at  datetime(6)  not null,
    expires_at  datetime(6)  not null,
    used_at     datetime(6),
    constraint pk_password_resets primary key (id),
    constraint fk_password_resets_member foreign key (member_id) references members (id)
);
create index ix_password_resets_member on password_resets (member_id);
