-- A reset link's token gets an id, so that an event can name the token without its secret
-- (docs/adr/0015-module-graph.md); existing rows are numbered as the column is added.
alter table password_reset_token add column id bigint generated always as identity unique;
