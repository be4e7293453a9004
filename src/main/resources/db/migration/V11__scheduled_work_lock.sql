-- Scheduled work, such as the nightly backup, runs on one instance only when several share the database: the
-- instance that takes a job's row (until lock_until) runs it. The layout is the one ShedLock reads and writes.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    primary key (name)
);
