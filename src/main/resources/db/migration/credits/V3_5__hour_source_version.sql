-- The latest change of a source the ledger has applied (for REGISTRATION: the registration's
-- attendance_version). A delivery of an older change, late or repeated, posts nothing (ADR 0018).
create table hour_source_version (
    source     varchar(12) not null,
    source_id  bigint      not null,
    version    bigint      not null,
    primary key (source, source_id)
);
