-- What a message was sent about (e.g. registration:42:CONFIRMED), so that a notification is
-- stored once per account and source even when its event is handled twice or a scheduled job
-- runs on several instances: the second insert finds the key and does nothing (F4.9).
alter table message add column source_key varchar(200);
alter table message add constraint message_source_key_uq unique (account_id, source_key);
