-- Sign-in throttling: one Bucket4j token bucket per account and per client address, shared by every app instance.
-- The key is the SHA-256 (hex) of "account:<e-mail>" or "address:<ip>", so the table holds no e-mail addresses;
-- state is Bucket4j's serialized bucket (null for the moment between insert and first update).
create table sign_in_throttle (
    bucket_key  char(64)  not null,
    state       blob,
    constraint pk_sign_in_throttle primary key (bucket_key)
);
