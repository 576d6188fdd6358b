-- Idempotency-Key on POST /graphql: one row per caller and key, shared by every app instance. The primary key is the
-- cross-node lock: whoever inserts the row runs the mutation (IN_PROGRESS), then stores the response (COMPLETED).
-- claim_id names the current claim, so only its owner completes or releases it and only one request takes over an
-- abandoned one. The key is compared byte for byte (ascii_bin on MySQL/MariaDB; H2 is case-sensitive anyway).
-- Rows older than mentoring.idempotency.retention are deleted by a scheduled cleanup.
create table idempotent_requests (
    -- the member id, or 'anonymous' for callers without a token
    scope         varchar(36)   not null,
    idem_key      varchar(255)  character set ascii collate ascii_bin not null,
    -- SHA-256 (hex) of the document, operation name and variables
    fingerprint   char(64)      not null,
    state         varchar(16)   not null,
    claim_id      char(36)      not null,
    -- the GraphQL response as JSON (data and errors), once COMPLETED
    response      longtext,
    created_at    datetime(6)   not null,
    lease_until   datetime(6)   not null,
    completed_at  datetime(6),
    constraint pk_idempotent_requests primary key (scope, idem_key)
);
create index ix_idempotent_requests_created on idempotent_requests (created_at);
