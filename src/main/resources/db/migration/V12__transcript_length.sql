-- The length of each transcript in UTF-16 code units, as the codings' offsets count, kept beside the text: pages that
-- show how much of each transcript is coded then need not read every transcript. The application keeps it up to
-- date; here it is filled in once (on PostgreSQL, length() counts characters, which differs only for emoji and
-- other characters outside the Basic Multilingual Plane).
alter table transcript add column body_length integer;
update transcript set body_length = length(body);
alter table transcript alter column body_length set not null;
