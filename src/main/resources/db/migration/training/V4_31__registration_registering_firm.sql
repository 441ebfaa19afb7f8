-- Transfers (转所, ADR 0025): a registration's firm_no is the firm its member is in now, kept in
-- step when the member moves (training's MemberMoves); registering_firm_no is the firm it was in
-- when the registration was made, set once the member has moved since (null while firm_no still is
-- that firm). That firm keeps a read-only view of what it registered; the current firm sees and
-- acts on it.
alter table registration add column registering_firm_no varchar(8);
create index registration_registering_firm_idx on registration (registering_firm_no, class_id)
    where registering_firm_no is not null;
