-- Training notices (培训通知, F3.5): a title, a Markdown body (rendered and sanitised when shown),
-- publish and expiry dates (calendar dates, Asia/Shanghai), attachments kept in the database, and
-- links to published classes.
create table notice (
    id             bigint generated always as identity primary key,
    institute_code varchar(10)  not null references institute (code),
    title          varchar(200) not null check (char_length(btrim(title)) between 1 and 200),
    body           text         not null default '' check (char_length(body) <= 20000),
    publish_date   date         not null,
    expiry_date    date,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    check (expiry_date is null or expiry_date >= publish_date)
);
create index notice_list_idx on notice (publish_date desc, id desc);
create index notice_institute_idx on notice (institute_code, publish_date desc);

-- Attachments: at most 10 MB each (the page takes at most 5 MB, the upload limit of the app).
create table notice_attachment (
    id           bigint generated always as identity primary key,
    notice_id    bigint       not null references notice (id) on delete cascade,
    filename     varchar(200) not null check (char_length(filename) between 1 and 200),
    content_type varchar(100) not null,
    size_bytes   int          not null check (size_bytes between 1 and 10485760),
    content      bytea        not null,
    created_at   timestamptz  not null default now(),
    check (octet_length(content) = size_bytes)
);
create index notice_attachment_notice_idx on notice_attachment (notice_id, id);

create table notice_class (
    notice_id bigint not null references notice (id) on delete cascade,
    class_id  bigint not null references training_class (id),
    position  int    not null,
    primary key (notice_id, class_id)
);
create index notice_class_class_idx on notice_class (class_id);
