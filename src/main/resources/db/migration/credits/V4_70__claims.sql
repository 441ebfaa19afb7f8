-- 产出法形式学时 (F5.5, ISSUE 14; ADR 0030, 0031). A claim type is data: its rule (how the hours
-- are computed, the most per claim, the yearly cap per member), the identifier it asks for, the
-- evidence it needs and its conditions (codes the one evaluator, ClaimRules, knows). Admin edits
-- them; nobody deletes one (a claim names its type), an unwanted type is made inactive.
create table claim_type (
    code              varchar(20)   primary key check (code ~ '^[A-Z][A-Z0-9_]{1,19}$'),
    name              varchar(50)   not null,
    mode              varchar(10)   not null check (mode in ('FIXED', 'PER_UNIT', 'CLAIMED')),
    hours_per_unit    numeric(5, 1) not null check (hours_per_unit between 0 and 200),
    unit_label        varchar(20)   not null default '',
    max_per_claim     numeric(5, 1) not null check (max_per_claim > 0 and max_per_claim <= 200),
    yearly_cap        numeric(5, 1) check (yearly_cap > 0 and yearly_cap <= 200),
    identifier_label  varchar(30)   not null default '',
    identifier_required boolean     not null default false,
    evidence_hint     varchar(300)  not null,
    min_evidence      int           not null default 1 check (min_evidence between 0 and 10),
    conditions        varchar(200)  not null default '',
    active            boolean       not null default true,
    sort_order        int           not null default 0,
    updated_by        varchar(100)  not null,
    updated_at        timestamptz   not null default now()
);

insert into claim_type (code, name, mode, hours_per_unit, unit_label, max_per_claim, yearly_cap,
                        identifier_label, identifier_required, evidence_hint, min_evidence,
                        conditions, sort_order, updated_by) values
('ARTICLE', '发表专业论文', 'FIXED', 8, '', 8, 16, '刊物名称及期号', true,
 '刊物封面、目录页及论文所在页', 1, 'PUBLISHED', 1, 'system'),
('BOOK', '出版专业著作', 'PER_UNIT', 2, '万字', 20, 20, 'ISBN', true,
 '著作封面、版权页及目录页', 1, 'PUBLISHED', 2, 'system'),
('RESEARCH', '承担专业课题研究', 'FIXED', 10, '', 10, 20, '课题编号', false,
 '课题立项文件及结题证明', 1, '', 3, 'system'),
('TEACHING', '授课', 'PER_UNIT', 2, '课程学时', 16, 24, '课程编号', true,
 '授课邀请函或授课任务书', 1, 'FIRST_DELIVERY', 4, 'system'),
('INSPECTION', '参与执业质量检查', 'PER_UNIT', 4, '天', 16, 16, '抽调通知文号', false,
 '协会抽调参加执业质量检查的通知', 1, '', 5, 'system'),
('OTHER', '其他', 'CLAIMED', 0, '', 8, 8, '', false,
 '能证明所申请学时的材料', 1, '', 6, 'system');

-- A member's claim. Who the member is (name, firm, institute) is copied when the claim is saved
-- and submitted, so that the queue filters on its own columns; authorisation reads the member's
-- present institute. title_key and identifier_key are the normalised forms duplicates are found by.
-- A decided claim (APPROVED, PARTIAL) is never edited; REVERSED is an approval taken back.
create table claim (
    id              bigint generated always as identity primary key,
    member_no       varchar(12)   not null,
    member_name     varchar(100)  not null,
    firm_no         varchar(20),
    institute_code  varchar(20)   not null,
    type_code       varchar(20)   not null references claim_type (code),
    title           varchar(200)  not null,
    title_key       varchar(200)  not null,
    work_date       date          not null,
    year            int           not null check (year between 2000 and 2100),
    description     varchar(2000) not null default '',
    identifier      varchar(100)  not null default '',
    identifier_key  varchar(100)  not null default '',
    units           numeric(6, 1),
    authors         int           not null default 1 check (authors between 1 and 50),
    hours_claimed   numeric(5, 1) not null check (hours_claimed > 0 and hours_claimed <= 200),
    hours_granted   numeric(5, 1) check (hours_granted >= 0),
    status          varchar(10)   not null
        check (status in ('DRAFT', 'PENDING', 'APPROVED', 'PARTIAL', 'RETURNED', 'WITHDRAWN', 'REVERSED')),
    reason          varchar(500)  not null default '',
    similar_to      bigint        references claim (id),
    entry_id        bigint,
    submitted_at    timestamptz,
    decided_at      timestamptz,
    decided_by      varchar(100),
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);
create index claim_member_idx on claim (member_no, year, id);
create index claim_queue_idx on claim (institute_code, status, id);
create index claim_firm_idx on claim (firm_no, id);

-- Evidence files, content-checked (PDF, JPG, PNG, ≤ 5 MB, ≤ 10 per claim), kept in the database
-- and served by id, never from a path (ADR 0031).
create table claim_evidence (
    id            bigint generated always as identity primary key,
    claim_id      bigint        not null references claim (id),
    filename      varchar(200)  not null,
    content_type  varchar(100)  not null,
    size_bytes    int           not null,
    content       bytea         not null,
    uploaded_at   timestamptz   not null default now()
);
create index claim_evidence_claim_idx on claim_evidence (claim_id, id);
