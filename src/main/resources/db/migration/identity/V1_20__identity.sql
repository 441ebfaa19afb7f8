-- Accounts, sign-in counters, password-reset and API tokens (F1). Secrets are stored hashed.
create table account (
    id                   bigint generated always as identity primary key,
    login_type           varchar(10)  not null check (login_type in ('FIRM', 'MEMBER', 'STAFF')),
    role                 varchar(10)  not null check (role in ('FIRM', 'MEMBER', 'STAFF', 'ADMIN')),
    account              varchar(50)  not null,
    password_hash        varchar(200) not null,
    display_name         varchar(100) not null,
    institute_code       varchar(10),
    firm_no              varchar(8),
    member_no            varchar(12),
    email                varchar(100) not null default '',
    mobile               varchar(11)  not null default '',
    must_change_password boolean      not null default false,
    enabled              boolean      not null default true,
    created_at           timestamptz  not null default now(),
    password_changed_at  timestamptz  not null default now(),
    unique (login_type, account)
);

-- Failures in a row per user type and account, whether the account exists or not.
create table login_failure (
    login_type      varchar(10) not null,
    account         varchar(50) not null,
    failures        int         not null,
    locked_until    timestamptz,
    last_failure_at timestamptz not null,
    primary key (login_type, account)
);

-- Failures per client address in a fixed one-minute window.
create table address_failure (
    address      varchar(64) primary key,
    window_start timestamptz not null,
    failures     int         not null
);

create table password_reset_token (
    token_hash char(64)    primary key,
    account_id bigint      not null references account (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create table api_token (
    token_hash char(64)    primary key,
    account_id bigint      not null references account (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index api_token_account_idx on api_token (account_id);
