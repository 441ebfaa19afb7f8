-- A TRUNCATE fires no row trigger: it tells every instance to forget every cached token check
-- (ADR 0010; TokenCache treats a change it does not know as "forget everything").
create function notify_tokens_truncated() returns trigger language plpgsql as $$
begin
    perform pg_notify('cmis_token', 'all');
    return null;
end $$;

create trigger api_token_truncated after truncate on api_token
    for each statement execute function notify_tokens_truncated();
create trigger account_truncated after truncate on account
    for each statement execute function notify_tokens_truncated();
