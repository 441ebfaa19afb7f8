-- An institute's support contacts (F1.6, F6.1): besides its phone and mailbox, the name of the
-- department that answers them (e.g. 考试培训部), shown in the sign-in footer, the help page and the
-- password-reset pages. Administrators change them on 协会管理.
alter table institute add column training_department varchar(100) not null default '';
