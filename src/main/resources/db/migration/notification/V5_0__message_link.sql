-- What a message is about, as a path of this site (e.g. /classes/42, /claims/7), set by the module
-- that tells (ADR 0035). Older messages have none and show no link.
alter table message add column link varchar(300);
