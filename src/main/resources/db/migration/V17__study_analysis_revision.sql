-- A number that moves with every change the change log records for a study (domains, consensus codings, core ideas,
-- categories and placements), in the same transaction as the change. Figures that take long to work out from those
-- items, such as the case counts behind the results tables, are kept per study together with the revision they were
-- worked out at, and worked out again once it has moved: on any instance, since the number lives in the database.
alter table study add column analysis_revision bigint default 0 not null;
