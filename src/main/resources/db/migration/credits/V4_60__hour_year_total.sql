-- One row per member and training year beside hour_total (issue 11's speed targets): the year's
-- hours per category side by side and its ethics hours, so that the hours lists compute counted
-- hours and compliance in SQL with one row per member and year instead of grouping hour_total's
-- rows (CountedHours). Still raw sums of the entries, kept by the same insert trigger in the same
-- transaction; the rules are applied when read, never stored.
create table hour_year_total (
    member_no       varchar(12)   not null,
    year            int           not null,
    training_hours  numeric(9, 1) not null,
    output_hours    numeric(9, 1) not null,
    external_hours  numeric(9, 1) not null,
    ethics_hours    numeric(9, 1) not null,
    primary key (member_no, year)
);

insert into hour_year_total (member_no, year, training_hours, output_hours, external_hours, ethics_hours)
select member_no, year,
       coalesce(sum(hours) filter (where category = 'TRAINING'), 0),
       coalesce(sum(hours) filter (where category = 'OUTPUT'), 0),
       coalesce(sum(hours) filter (where category = 'EXTERNAL'), 0),
       sum(ethics_hours)
  from hour_total group by member_no, year;

-- The year's row first: every insert of a member's year then takes the same first lock.
create or replace function hour_entry_add_to_total() returns trigger language plpgsql as $$
begin
    insert into hour_year_total as y (member_no, year, training_hours, output_hours,
        external_hours, ethics_hours)
    values (new.member_no, new.year,
            case when new.category = 'TRAINING' then new.hours else 0 end,
            case when new.category = 'OUTPUT' then new.hours else 0 end,
            case when new.category = 'EXTERNAL' then new.hours else 0 end,
            new.ethics_hours)
    on conflict (member_no, year) do update
        set training_hours = y.training_hours + excluded.training_hours,
            output_hours = y.output_hours + excluded.output_hours,
            external_hours = y.external_hours + excluded.external_hours,
            ethics_hours = y.ethics_hours + excluded.ethics_hours;
    insert into hour_total as t (member_no, year, category, hours, ethics_hours)
    values (new.member_no, new.year, new.category, new.hours, new.ethics_hours)
    on conflict (member_no, year, category) do update
        set hours = t.hours + excluded.hours, ethics_hours = t.ethics_hours + excluded.ethics_hours;
    return null;
end $$;
