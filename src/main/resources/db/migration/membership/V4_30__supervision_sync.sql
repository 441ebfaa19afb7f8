-- The supervision-platform sync (F2.4, ADR 0026). One row per signed batch received; one per
-- event of it (its outcome, kept for the sync log); and the ids of the events applied or ignored,
-- so that a repeated event id is ignored. A rejected event's id is not kept there: it may be
-- sent again, corrected.
create table supervision_batch (
    id          bigint generated always as identity primary key,
    received_at timestamptz not null default now(),
    event_count int         not null check (event_count between 1 and 1000),
    accepted    int         not null default 0,
    ignored     int         not null default 0,
    rejected    int         not null default 0
);
create index supervision_batch_received_idx on supervision_batch (received_at desc, id desc);

-- institutes: the institutes of the members and firms the event is about, before and after it
-- (a transfer from SZ to BJ is both's); staff see the events of their institute.
create table supervision_event_log (
    batch_id    bigint        not null references supervision_batch (id),
    seq         int           not null,
    event_id    varchar(100),
    type        varchar(20),
    entity_no   varchar(20),
    version     bigint,
    outcome     varchar(10)   not null check (outcome in ('ACCEPTED', 'IGNORED', 'REJECTED')),
    code        varchar(30),
    message     varchar(1000),
    institutes  varchar(10)[] not null default '{}',
    primary key (batch_id, seq)
);
create index supervision_event_log_event_idx on supervision_event_log (event_id);
create index supervision_event_log_entity_idx on supervision_event_log (entity_no);
create index supervision_event_log_institutes_idx on supervision_event_log using gin (institutes);

create table supervision_applied_event (
    event_id   varchar(100) primary key,
    batch_id   bigint       not null references supervision_batch (id),
    applied_at timestamptz  not null default now()
);
