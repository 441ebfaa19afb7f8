-- Settings an administrator changes at run time (F6.3). A key absent here keeps the default of the
-- application's configuration. Every instance reads the table, so a change holds everywhere at once.
create table setting (
    key        varchar(60)  primary key check (key ~ '^[a-z][a-z0-9.-]*$'),
    value      text         not null,
    updated_at timestamptz  not null default now(),
    updated_by varchar(100) not null
);
