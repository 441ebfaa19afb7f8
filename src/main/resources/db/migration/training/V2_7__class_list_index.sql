-- The class list pages by (registration_start desc, id). With the columns its usual filters read
-- (visibility, institute, year) in the index, a page's ids and the list's total are found by an
-- index-only scan, and only the page's rows are read whole (PERFORMANCE.md, session 3).
drop index training_class_list_idx;
create index training_class_list_idx on training_class (registration_start desc, id)
    include (published, institute_code, year);
