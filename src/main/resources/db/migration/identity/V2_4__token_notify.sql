-- Every instance caches the answer of an API token check for a few seconds (ADR 0010). A change
-- that can end a token — its revocation or expiry, or a change of its account — is told to every
-- instance on commit through the channel cmis_token, whoever made it (the application or SQL).
create function notify_api_token_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('cmis_token', 'token:' || old.token_hash);
    return null;
end $$;

create trigger api_token_changed
    after update or delete on api_token
    for each row execute function notify_api_token_changed();

create function notify_account_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('cmis_token', 'account:' || old.id);
    return null;
end $$;

create trigger account_changed
    after update of role, account, display_name, institute_code, firm_no, member_no, enabled,
        password_hash or delete on account
    for each row execute function notify_account_changed();
