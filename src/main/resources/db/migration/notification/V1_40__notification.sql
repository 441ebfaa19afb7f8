-- The in-app message centre (F4.9).
create table message (
    id         bigint generated always as identity primary key,
    account_id bigint        not null,
    subject    varchar(200)  not null,
    body       text          not null,
    created_at timestamptz   not null default now(),
    read_at    timestamptz
);
create index message_account_idx on message (account_id, created_at desc);
