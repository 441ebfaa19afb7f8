-- The answers of POST requests that carried an Idempotency-Key, kept 24 hours, belong to web
-- (IdempotencyFilter). training's V2_0 created the table before web had migrations; migrations are
-- never edited, so this one takes it over (docs/adr/0015-module-graph.md): on every database the
-- table already exists and the statements below change nothing but its stated owner. From here on
-- only web's migrations change it.
create table if not exists idempotency_record (
    caller        varchar(100) not null,
    idem_key      varchar(200) not null,
    method        varchar(10)  not null,
    path          varchar(500) not null,
    body_hash     char(64)     not null,
    status        int,
    content_type  varchar(200),
    response_body bytea,
    location      varchar(500),
    created_at    timestamptz  not null default now(),
    primary key (caller, idem_key)
);
create index if not exists idempotency_record_created_idx on idempotency_record (created_at);
comment on table idempotency_record is
    'Owned by the web module (IdempotencyFilter); created first by training V2_0, taken over by web V2_11.';
