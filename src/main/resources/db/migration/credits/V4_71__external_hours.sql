-- External hours imported from a spreadsheet (F5.8, ISSUE 14; ADR 0032): one row per member,
-- source and date (the key that makes a second import of the same file post nothing), each
-- posted to the ledger as an EXTERNAL entry of source IMPORT whose source_id is this row's id.
create table external_hour (
    id             bigint generated always as identity primary key,
    member_no      varchar(12)   not null,
    source         varchar(100)  not null,
    entry_date     date          not null,
    hours          numeric(6, 1) not null,
    ethics_hours   numeric(6, 1) not null default 0,
    kind           varchar(50)   not null default '',
    note           varchar(500)  not null default '',
    imported_by    varchar(100)  not null,
    imported_at    timestamptz   not null default now()
);
create unique index external_hour_key_uq on external_hour (member_no, source, entry_date);

alter table hour_entry drop constraint hour_entry_source_check;
alter table hour_entry add constraint hour_entry_source_check
    check (source in ('REGISTRATION', 'MANUAL', 'CLAIM', 'IMPORT'));
