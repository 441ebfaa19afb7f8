-- Training classes and registrations (F3, F4). The invariants of registration are guarded here:
-- every change of a class's counters happens under that class's row lock, taken first in each
-- transaction, and the check constraints below refuse anything that would break them.
create table training_class (
    id                    bigint generated always as identity primary key,
    code                  varchar(40)   not null,
    name                  varchar(200)  not null,
    year                  int           not null,
    institute_code        varchar(10)   not null references institute (code),
    audiences             text[]        not null,
    restriction           varchar(20)   not null default 'NONE'
        check (restriction in ('NONE', 'PARTNERS_ONLY', 'NAMED_FIRMS')),
    restricted_firms      text[]        not null default '{}',
    mode                  varchar(10)   not null default 'ON_SITE'
        check (mode in ('ON_SITE', 'LIVE', 'ONLINE')),
    location              varchar(200)  not null default '',
    teachers              varchar(200)  not null default '',
    description           text          not null default '',
    hours                 numeric(5, 1) not null check (hours >= 0.5 and hours <= 200),
    ethics_hours          numeric(5, 1) not null default 0 check (ethics_hours >= 0 and ethics_hours <= hours),
    fee                   numeric(10, 2) not null default 0 check (fee >= 0),
    registration_start    date          not null,
    registration_end      date          not null,
    training_start        date          not null,
    training_end          date          not null,
    cancellation_deadline date          not null,
    capacity              int           not null check (capacity between 1 and 100000),
    max_registrations     int           not null check (max_registrations between 1 and 100000),
    registered_count      int           not null default 0,
    confirmed_count       int           not null default 0,
    waitlisted_count      int           not null default 0,
    confirmation_mode     varchar(10)   not null default 'MANUAL' check (confirmation_mode in ('MANUAL', 'AUTO')),
    waitlist_enabled      boolean       not null default false,
    external              boolean       not null default false,
    external_url          varchar(500),
    published             boolean       not null default false,
    cancelled             boolean       not null default false,
    cancel_reason         varchar(500),
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    unique (institute_code, code),
    check (capacity <= max_registrations),
    check (registered_count >= 0 and registered_count <= max_registrations),
    check (confirmed_count >= 0 and confirmed_count <= capacity and confirmed_count <= registered_count),
    check (waitlisted_count >= 0),
    check (registration_start <= registration_end and registration_end <= training_end),
    check (registration_start <= training_start and training_start <= training_end),
    check (cancellation_deadline <= training_start),
    check (not external or external_url is not null)
);
create index training_class_list_idx on training_class (registration_start desc, id);
create index training_class_institute_idx on training_class (institute_code, year);

create table registration (
    id                     bigint generated always as identity primary key,
    class_id               bigint       not null references training_class (id),
    member_no              varchar(12)  not null,
    name                   varchar(50)  not null,
    firm_no                varchar(8),
    status                 varchar(12)  not null
        check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'WAITLISTED')),
    channel                varchar(5)   not null check (channel in ('SELF', 'FIRM', 'STAFF')),
    mobile                 varchar(11)  not null,
    email                  varchar(100) not null,
    registered_at          timestamptz  not null,
    decided_at             timestamptz,
    reason                 varchar(500),
    non_attendance_reason  varchar(500),
    non_attendance_at      timestamptz,
    attendance             varchar(8) check (attendance in ('ATTENDED', 'ABSENT')),
    hours_granted          numeric(5, 1),
    created_by             varchar(100) not null
);
-- One active or waitlisted registration per member and class.
create unique index registration_one_live_idx on registration (class_id, member_no)
    where status in ('PENDING', 'CONFIRMED', 'WAITLISTED');
create index registration_class_order_idx on registration (class_id, status, registered_at, id);
create index registration_member_idx on registration (member_no, class_id);
create index registration_firm_idx on registration (firm_no, class_id);

-- Answers of POST requests that carried an Idempotency-Key, kept 24 hours.
create table idempotency_record (
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
create index idempotency_record_created_idx on idempotency_record (created_at);
