-- The role of an institute's staff account (F6.1, ADR 0024): TRAINING_OFFICER (培训专员) may do
-- everything staff do; REVIEWER (审核员) reviews (registrations, reset applications) and reads, but
-- does not create or change classes, notices, attendance or hours. NULL on a staff account counts as
-- TRAINING_OFFICER (the accounts made before roles existed); other roles have none.
alter table account add column staff_role varchar(20)
    check (staff_role in ('TRAINING_OFFICER', 'REVIEWER'));
alter table account add constraint account_staff_role_only_staff
    check (staff_role is null or role = 'STAFF');
update account set staff_role = 'TRAINING_OFFICER' where role = 'STAFF' and staff_role is null;
