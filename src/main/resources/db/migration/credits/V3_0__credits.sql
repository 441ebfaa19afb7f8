-- The hours ledger (F5.2): append-only entries, per member and training year. A correction is a
-- reversal entry (the opposite hours, reverses = the entry it takes back), never an edit: a trigger
-- refuses UPDATE and DELETE (and TRUNCATE) of hour_entry. hour_total is the sum of the entries per
-- member, year and category, kept by the insert trigger in the same transaction, so a statement
-- read from it always equals the sum of its entries, whoever inserted them.
create table hour_entry (
    id            bigint generated always as identity primary key,
    member_no     varchar(12)   not null,
    year          int           not null check (year between 2000 and 2100),
    entry_date    date          not null,
    hours         numeric(6, 1) not null check (hours <> 0 and hours between -200 and 200
                                               and hours * 2 = trunc(hours * 2)),
    ethics_hours  numeric(6, 1) not null default 0 check (abs(ethics_hours) <= abs(hours)
                                               and ethics_hours * hours >= 0),
    category      varchar(10)   not null check (category in ('TRAINING', 'OUTPUT', 'EXTERNAL')),
    source        varchar(12)   not null check (source in ('REGISTRATION', 'MANUAL', 'CLAIM')),
    source_id     bigint,
    note          varchar(500)  not null default '',
    reverses      bigint references hour_entry (id),
    created_by    varchar(100)  not null,
    created_at    timestamptz   not null default now(),
    check (reverses is null or reverses <> id),
    check (source = 'MANUAL' or source_id is not null)
);
create index hour_entry_member_year_idx on hour_entry (member_no, year, entry_date, id);
create index hour_entry_source_idx on hour_entry (source, source_id);
-- An entry is reversed at most once.
create unique index hour_entry_reversal_idx on hour_entry (reverses) where reverses is not null;

create table hour_total (
    member_no     varchar(12)   not null,
    year          int           not null,
    category      varchar(10)   not null,
    hours         numeric(9, 1) not null,
    ethics_hours  numeric(9, 1) not null,
    primary key (member_no, year, category)
);
create index hour_total_year_idx on hour_total (year, member_no);

create function hour_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'hour_entry is append-only: post a reversal entry instead of %', tg_op
        using errcode = 'P0001';
end $$;

create trigger hour_entry_no_update before update or delete on hour_entry
    for each row execute function hour_entry_append_only();
create trigger hour_entry_no_truncate before truncate on hour_entry
    for each statement execute function hour_entry_append_only();

create function hour_entry_add_to_total() returns trigger language plpgsql as $$
begin
    insert into hour_total as t (member_no, year, category, hours, ethics_hours)
    values (new.member_no, new.year, new.category, new.hours, new.ethics_hours)
    on conflict (member_no, year, category) do update
        set hours = t.hours + excluded.hours, ethics_hours = t.ethics_hours + excluded.ethics_hours;
    return null;
end $$;

create trigger hour_entry_total after insert on hour_entry
    for each row execute function hour_entry_add_to_total();

-- Compliance rules (F5.6) per training year and member category. A year without a row of its own
-- follows the latest earlier year's row, else the built-in defaults (ComplianceRule.defaults).
create table compliance_rule (
    year                  int           not null check (year between 2000 and 2100),
    category              varchar(20)   not null
        check (category in ('PRACTISING_CPA', 'NON_PRACTISING', 'PRACTITIONER')),
    required_hours        numeric(5, 1) not null check (required_hours between 0 and 200),
    required_ethics_hours numeric(5, 1) not null check (required_ethics_hours between 0 and required_hours),
    output_cap            numeric(5, 1) check (output_cap between 0 and 200),
    input_minimum         numeric(5, 1) check (input_minimum between 0 and 200),
    carry_over_cap        numeric(5, 1) check (carry_over_cap between 0 and 200),
    cycle_years           int           check (cycle_years between 2 and 5),
    cycle_hours           numeric(6, 1) check (cycle_hours between 0 and 1000),
    updated_by            varchar(100)  not null,
    updated_at            timestamptz   not null default now(),
    primary key (year, category),
    check ((cycle_years is null) = (cycle_hours is null)),
    check (carry_over_cap is null or input_minimum is not null)
);
