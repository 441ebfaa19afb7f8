-- Hours certificates (F5.7): what a 学时证明 stated when it was issued, under a verification code
-- anyone may check on /verify/{code}. The stated hours never change; a certificate is superseded
-- when a later one of the same member and year exists, or when the member's statement now counts
-- fewer hours than it states (a reversal took hours back), which the verification page computes.
create table hours_certificate (
    id             bigint generated always as identity primary key,
    code           varchar(16)   not null,
    member_no      varchar(12)   not null,
    member_name    varchar(100)  not null,
    year           int           not null check (year between 2000 and 2100),
    hours          numeric(7, 1) not null,
    institute_code varchar(20)   not null,
    institute_name varchar(200)  not null,
    issued_on      date          not null,
    issued_at      timestamptz   not null default now(),
    issued_by      varchar(100)  not null
);
create unique index hours_certificate_code_uq on hours_certificate (code);
create index hours_certificate_member_year_idx on hours_certificate (member_no, year, id);

-- One row per month in which the hours reminders (F5.6) ran: the instance whose insert wins sends
-- them, so that several instances on one database never send twice. A claim left without
-- completed_at for an hour (its instance died) may be taken over; the messages' source keys keep
-- whoever finishes the run from telling anyone twice.
create table hours_reminder_run (
    period       varchar(7)   primary key,
    claimed_at   timestamptz  not null default now(),
    claimed_by   varchar(200) not null,
    completed_at timestamptz,
    members_told int,
    firms_told   int
);
