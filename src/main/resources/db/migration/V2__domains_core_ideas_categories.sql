-- The analysis itself: the domain list, core ideas, and the cross-analysis categories that hold them.
-- These tables take their ids from sequences so that large imports can insert in batches.

create sequence domain_seq start with 1 increment by 50;
create sequence core_idea_seq start with 1 increment by 50;
create sequence category_seq start with 1 increment by 50;

create table domain (
    id         bigint        primary key,
    study_id   bigint        not null references study (id) on delete cascade,
    parent_id  bigint        references domain (id),
    name       varchar(200)  not null,
    definition varchar(4000),
    sort_order integer       not null,
    version    bigint        not null default 0
);

create table core_idea (
    id           bigint        primary key,
    study_id     bigint        not null references study (id) on delete cascade,
    case_id      bigint        not null references study_case (id) on delete cascade,
    subsample_id bigint        not null references subsample (id),
    domain_id    bigint        not null references domain (id),
    body         varchar(4000) not null,
    sort_order   integer       not null,
    version      bigint        not null default 0
);

create table category (
    id          bigint        primary key,
    study_id    bigint        not null references study (id) on delete cascade,
    domain_id   bigint        not null references domain (id),
    parent_id   bigint        references category (id),
    name        varchar(500)  not null,
    description varchar(4000),
    sort_order  integer       not null,
    version     bigint        not null default 0
);

-- A core idea may sit in several categories.
create table category_core_idea (
    category_id  bigint not null references category (id) on delete cascade,
    core_idea_id bigint not null references core_idea (id) on delete cascade,
    primary key (category_id, core_idea_id)
);

create index ix_domain_study on domain (study_id);
create index ix_core_idea_domain on core_idea (study_id, domain_id, subsample_id);
create index ix_core_idea_case on core_idea (case_id);
create index ix_category_domain on category (study_id, domain_id);
create index ix_category_core_idea_idea on category_core_idea (core_idea_id);
