-- The sign-in captcha lives in a signed cookie (ADR 0012): the key that signs it, shared by every
-- instance, and the tickets already answered, kept only until they would have expired anyway.
create table captcha_key (
    id     smallint primary key check (id = 1),
    secret bytea    not null
);

create table captcha_spent (
    nonce      text        primary key,
    expires_at timestamptz not null
);
create index captcha_spent_expires on captcha_spent (expires_at);
