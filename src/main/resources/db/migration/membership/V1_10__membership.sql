-- Institutes, firms and members (F2.1, F2.2). Numbers are kept as text: they are identifiers.
create table institute (
    code    varchar(10)  primary key,
    name    varchar(100) not null,
    phone   varchar(50)  not null default '',
    email   varchar(100) not null default ''
);

create table firm (
    id             bigint generated always as identity primary key,
    firm_no        varchar(8)   not null unique check (firm_no ~ '^[0-9]{8}$'),
    name           varchar(200) not null,
    credit_code    varchar(18)  unique check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    institute_code varchar(10)  not null references institute (code),
    address        varchar(200) not null default '',
    contact_person varchar(50)  not null default '',
    contact_mobile varchar(11)  not null default '',
    contact_email  varchar(100) not null default ''
);
create index firm_institute_idx on firm (institute_code);

create table member (
    id             bigint generated always as identity primary key,
    member_no      varchar(12)  not null unique
        check (member_no ~ '^([0-9]{12}|[A-Za-z]{2}[0-9]{9}|P[0-9]{8})$'),
    name           varchar(50)  not null,
    gender         char(1)      not null check (gender in ('M', 'F')),
    birth_date     date,
    id_number      varchar(18),
    mobile         varchar(11)  not null default '',
    email          varchar(100) not null default '',
    position       varchar(20)  not null default '',
    partner        boolean      not null default false,
    category       varchar(20)  not null
        check (category in ('PRACTISING_CPA', 'NON_PRACTISING', 'PRACTITIONER')),
    firm_id        bigint references firm (id),
    institute_code varchar(10)  not null references institute (code),
    active         boolean      not null default true,
    check (category = 'NON_PRACTISING' or firm_id is not null)
);
create index member_firm_idx on member (firm_id, member_no);
create index member_institute_idx on member (institute_code, member_no);
