-- Token revocation: every bearer token carries the member's token version (claim "tv"); a password change, a reset,
-- a suspension or a deletion raises it, and a token with an older version is refused (platform.TokenRevocation).
-- Existing members start at 0, the version a token without the claim counts as, so tokens issued before this
-- version stay valid until they expire or the version is raised.
alter table members add column token_version bigint default 0 not null;
