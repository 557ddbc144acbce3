-- Covering indexes for the statistics form and the dashboard: the counting queries read only these
-- columns, so PostgreSQL can answer them with index-only scans instead of reading wide case rows.
CREATE INDEX IF NOT EXISTS cases_stats_decided_idx ON cases (organisation_id, decided_on)
  INCLUDE (decided_outcome, status, party_choice, decided_by, matter_code);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS cases_cancelled_idx ON cases (id) WHERE status = 'cancelled';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS measures_stats_counted_idx ON measures (organisation_id, carried_out_on)
  INCLUDE (method, persons, document_id, case_id)
  WHERE NOT cancelled AND (document_id IS NOT NULL OR btrim(coalesce(written_record, '')) <> '');
