-- Manual password-reset applications (F1.3, seed section 四) and their three scans. The account is
-- resolved when the application is submitted: account_id and institute_code stay null for an
-- account that does not exist (ADR 0022), and the applicant is answered the same either way.
create table reset_application (
    id               bigint generated always as identity primary key,
    tracking_number  char(20)     not null unique,
    login_type       varchar(10)  not null check (login_type in ('FIRM', 'MEMBER')),
    account          varchar(50)  not null,
    account_id       bigint references account (id),
    institute_code   varchar(10),
    applicant        varchar(50)  not null,
    mobile           varchar(11)  not null,
    application_date date         not null,
    reason           varchar(500) not null,
    remark           varchar(500) not null default '',
    status           varchar(10)  not null default 'SUBMITTED'
                     check (status in ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'RETURNED')),
    return_reason    varchar(500),
    client_address   varchar(64)  not null,
    submitted_at     timestamptz  not null,
    opened_at        timestamptz,
    opened_by        varchar(50),
    decided_at       timestamptz,
    decided_by       varchar(50),
    check ((status = 'RETURNED') = (return_reason is not null))
);
-- The throttles: open applications per account, applications per client address and day.
create index reset_application_account_idx on reset_application (login_type, account)
    where status in ('SUBMITTED', 'IN_REVIEW');
create index reset_application_address_idx on reset_application (client_address, submitted_at);
-- The review queues: per institute (null: accounts that do not exist) and status.
create index reset_application_queue_idx on reset_application (institute_code, status, submitted_at);

create table reset_application_file (
    application_id bigint       not null references reset_application (id) on delete cascade,
    kind           varchar(12)  not null check (kind in ('SIGNED_FORM', 'CERTIFICATE', 'ID_CARD')),
    filename       varchar(200) not null,
    file_type      varchar(10)  not null check (file_type in ('PDF', 'JPG', 'PNG')),
    size_bytes     int          not null,
    content        bytea        not null,
    primary key (application_id, kind)
);
