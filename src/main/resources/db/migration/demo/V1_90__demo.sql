-- Marks that the demo data set was loaded, so that it is loaded once and never twice.
create table demo_data_load (
    id        int         primary key check (id = 1),
    loaded_at timestamptz not null default now()
);
