-- Personal information (F2.1, F2.3) and its history. A member's platform-owned fields change only
-- through MemberChanges (the supervision sync, the Excel import); its local fields (mobile, email,
-- address) through its own page. sync_version is the newest supervision-platform version applied
-- (0: none yet); events of an older or equal version are ignored (API.md, sync).
alter table member add column address varchar(200) not null default '';
alter table member add column sync_version bigint not null default 0 check (sync_version >= 0);
alter table firm add column sync_version bigint not null default 0 check (sync_version >= 0);

-- Every applied change of one field, newest last; ID numbers are stored masked here.
create table member_history (
    id         bigint generated always as identity primary key,
    member_id  bigint       not null references member (id),
    changed_at timestamptz  not null default now(),
    changed_by varchar(200) not null,
    field      varchar(30)  not null,
    old_value  varchar(200),
    new_value  varchar(200)
);
create index member_history_member_idx on member_history (member_id, id);
