-- The firm's roster of 从业人员 (F2.5, ADR 0028). A practitioner's person number is P and 8 digits
-- from this sequence; it starts above every number the demo data and the tests' firms use
-- (P00001001 … P03999999), and a number already taken (e.g. imported) is skipped by the roster.
create sequence practitioner_no_seq as bigint start with 10000001 minvalue 1 maxvalue 99999999 no cycle;

-- A person's ID number is unique among active 从业人员: a second active practitioner with the same
-- number is refused by the database too, so two firms adding the same person at once cannot both win.
create unique index member_active_practitioner_id_number_idx on member (id_number)
    where active and category = 'PRACTITIONER' and id_number is not null;
