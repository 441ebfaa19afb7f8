-- How many times a registration's attendance changed: each change adds one, in the update that
-- makes it, and AttendanceRecorded carries the new figure, so that the ledger applies the latest
-- change whatever order the deliveries come in (ADR 0016, 0018).
alter table registration add column attendance_version int not null default 0;
