-- The notification listeners find the account of every registrant and of its firm
-- (AccountContacts: login_type and member_no, or login_type and firm_no). Without these indexes
-- each lookup read the whole account table: 2.2-2.4 ms a lookup in bench/rush, about half of
-- PostgreSQL's time per rush request, and it grows with the national roster
-- (docs/PERFORMANCE.md, session 9). The id last lets the "order by id limit 1" of a generic
-- prepared plan read the index in order instead of walking the primary key.
create index account_member_contact_idx on account (login_type, member_no, id);
create index account_firm_contact_idx on account (login_type, firm_no, id);
