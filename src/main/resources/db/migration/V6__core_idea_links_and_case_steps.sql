-- A core idea points to the consensus codings whose raw data it abstracts.
create table core_idea_coding (
    core_idea_id bigint not null references core_idea (id) on delete cascade,
    coding_id    bigint not null references coding (id) on delete cascade,
    primary key (core_idea_id, coding_id)
);

create index ix_core_idea_coding_coding on core_idea_coding (coding_id);

-- Where each case stands in the method: the team marks a step done; auditing marks the last.
create table case_step (
    case_id bigint      not null references study_case (id) on delete cascade,
    step    varchar(24) not null,
    done_at timestamp(6) with time zone not null,
    done_by bigint      references user_account (id),
    primary key (case_id, step)
);
