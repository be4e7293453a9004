-- The study page's progress grid, read from two indexes instead of the tables.

-- Transcript lengths without the text. H2 keeps a transcript's text inside its row, so reading body_length from the
-- table decodes the whole transcript: the study page, which needs the length of every case's transcript, read the
-- text of all of them on every view.
create index ix_transcript_case_length on transcript (case_id, body_length);

-- Consensus codings counted per case and domain (CodingRepository.consensusTotals): the index holds every column the
-- count needs, in the order of its GROUP BY, so groups come off it one after another, without a sort.
create index ix_coding_study_totals on coding (study_id, layer, case_id, domain_id, start_offset, end_offset);
