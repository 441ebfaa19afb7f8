-- The staff home's chart counts the registrations of the last 30 days (F6.4).
create index registration_registered_at_idx on registration (registered_at);
