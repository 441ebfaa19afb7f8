-- The audit log (F6.2): append-only. Updates and deletes are refused by the database itself.
create table audit_entry (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null default now(),
    actor          varchar(100) not null,
    action         varchar(50)  not null,
    entity_type    varchar(50)  not null,
    entity_id      varchar(100) not null,
    client_address varchar(64)  not null default '',
    before_state   text,
    after_state    text
);
create index audit_entry_time_idx on audit_entry (occurred_at desc, id desc);
create index audit_entry_actor_idx on audit_entry (actor);
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
