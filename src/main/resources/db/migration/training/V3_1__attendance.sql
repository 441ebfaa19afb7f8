-- Attendance and self check-in (F5.1, ADR 0016). Attendance itself lives on registration
-- (attendance, hours_granted); these tables hold the check-in sessions staff open per training day,
-- the members' check-ins and the wrong codes counted per member and session.

create table check_in_session (
    id                  bigint generated always as identity primary key,
    class_id            bigint       not null references training_class (id),
    day                 date         not null,
    code                char(6)      not null check (code ~ '^[0-9]{6}$'),
    token               varchar(64)  not null unique check (length(token) >= 20),
    opens_at            timestamptz  not null,
    closes_at           timestamptz  not null,
    late_after_minutes  integer      not null check (late_after_minutes >= 0),
    created_by          varchar(64)  not null,
    created_at          timestamptz  not null default now(),
    check (closes_at > opens_at)
);

-- A code is looked up among the sessions open now; uniqueness among open sessions is kept by the
-- application under an advisory lock when a session opens (a partial index cannot name now()).
create index check_in_session_code_idx on check_in_session (code, closes_at);
create index check_in_session_class_idx on check_in_session (class_id, day);

create table check_in (
    id               bigint generated always as identity primary key,
    session_id       bigint       not null references check_in_session (id),
    registration_id  bigint       not null references registration (id),
    day              date         not null,
    checked_in_at    timestamptz  not null,
    late             boolean      not null,
    -- a member checks in once per training day of a registration
    unique (registration_id, day)
);

create index check_in_session_idx on check_in (session_id);

-- Wrong codes of a member while sessions of its classes are open: at most 10 per session, counted
-- here so that every app instance sees the same count.
create table check_in_attempt (
    session_id  bigint       not null references check_in_session (id),
    member_no   varchar(12)  not null,
    failures    integer      not null check (failures >= 0),
    last_at     timestamptz  not null,
    primary key (session_id, member_no)
);
