-- Daily totals behind the statistics form and the dashboard (docs/statistics.md §10). The rows are
-- derived from cases, measures and case tasks by the functions below and kept exact by statement-level triggers,
-- in the same transaction as the write that changed them. The counting rules are those of
-- src/statistics/sql.ts and the domain's computeForm; statistics.db.test.ts and totals.db.test.ts
-- check that they agree.
CREATE TABLE "statistics_daily_totals" (
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"item" text NOT NULL,
	"value" numeric(18, 2) NOT NULL,
	CONSTRAINT "statistics_daily_totals_region_code_organisation_id_day_item_pk" PRIMARY KEY("region_code","organisation_id","day","item")
);
--> statement-breakpoint
CREATE INDEX "statistics_daily_totals_org_idx" ON "statistics_daily_totals" USING btree ("organisation_id","day","item") INCLUDE ("value");
--> statement-breakpoint
-- The covering indexes of migration 0006 also carry the record's id, so that the records behind a
-- number are listed (and paged) from the index alone; the details are joined for one page only.
DROP INDEX IF EXISTS measures_stats_counted_idx;
--> statement-breakpoint
CREATE INDEX measures_stats_counted_idx ON measures (organisation_id, carried_out_on)
  INCLUDE (method, persons, document_id, case_id, id)
  WHERE NOT cancelled AND (document_id IS NOT NULL OR btrim(coalesce(written_record, '')) <> '');
--> statement-breakpoint
DROP INDEX IF EXISTS cases_stats_decided_idx;
--> statement-breakpoint
CREATE INDEX cases_stats_decided_idx ON cases (organisation_id, decided_on)
  INCLUDE (decided_outcome, status, party_choice, decided_by, matter_code, id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS measures_document_idx ON measures (document_id, method) WHERE document_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS cases_org_correction_due_idx ON cases (organisation_id, correction_due) WHERE correction_due IS NOT NULL;
--> statement-breakpoint
-- The totals of the given (region, organisation, day) keys, computed from the records.
CREATE OR REPLACE FUNCTION statistics_totals_of(k_regions text[], k_orgs uuid[], k_days date[])
RETURNS TABLE (region_code text, organisation_id uuid, day date, item text, value numeric)
LANGUAGE sql STABLE AS $$
  WITH k AS (
    SELECT DISTINCT k.region_code, k.organisation_id, k.day FROM unnest(k_regions, k_orgs, k_days) AS k(region_code, organisation_id, day)
  ),
  decided AS (
    -- Decision columns: the case's final decision, confirmed by a named officer, not cancelled, not
    -- moved to the ordinary procedure; 可以不予 granted counts as 不予行政处罚.
    SELECT c.region_code, c.organisation_id, c.decided_on AS day,
      CASE c.decided_outcome WHEN 'may_waive' THEN 'no_penalty' ELSE c.decided_outcome END AS col,
      c.benchmark_fine_yuan AS bench, c.fine_yuan AS fine, c.matter_code
    FROM cases c JOIN k ON c.organisation_id = k.organisation_id AND c.decided_on = k.day AND c.region_code = k.region_code
    WHERE c.decided_outcome IN ('no_penalty', 'may_waive', 'mitigated', 'lighter', 'no_compulsion')
      AND c.status NOT IN ('cancelled', 'transferred')
      AND c.party_choice IS DISTINCT FROM 'ordinary_procedure'
      AND c.decided_by IS NOT NULL
  ),
  measured AS (
    SELECT m.region_code, m.organisation_id, m.carried_out_on AS day, m.method AS col,
      CASE WHEN m.method IN ('administrativeGuidance', 'administrativeReward', 'administrativeAdvice', 'administrativeReminder')
           THEN m.persons ELSE 1 END AS amount
    FROM measures m JOIN k ON m.organisation_id = k.organisation_id AND m.carried_out_on = k.day AND m.region_code = k.region_code
    -- A measure that may count: not cancelled, a soft method, a written record (a document or a
    -- non-blank text), persons ≥ 1 in the 人次 columns, and its case (if any) not cancelled.
    WHERE NOT m.cancelled
      AND m.method IN ('persuasion', 'guidanceDemonstration', 'administrativeGuidance', 'administrativeReward',
                       'administrativeSettlement', 'administrativeAdvice', 'administrativeReminder',
                       'administrativeInterview', 'administrativeWarning', 'followUpVisit', 'other')
      AND (m.document_id IS NOT NULL OR btrim(coalesce(m.written_record, '')) <> '')
      AND (m.method NOT IN ('administrativeGuidance', 'administrativeReward', 'administrativeAdvice', 'administrativeReminder') OR m.persons >= 1)
      AND NOT EXISTS (SELECT 1 FROM cases cx WHERE cx.id = m.case_id AND cx.status = 'cancelled')
      -- One written record entered twice for the same method counts once: the first by date, then id.
      AND (m.document_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM measures e
        WHERE e.document_id = m.document_id AND e.method = m.method
          AND (e.carried_out_on, e.id) < (m.carried_out_on, m.id)
          AND NOT e.cancelled
            AND e.method IN ('persuasion', 'guidanceDemonstration', 'administrativeGuidance', 'administrativeReward',
                             'administrativeSettlement', 'administrativeAdvice', 'administrativeReminder',
                             'administrativeInterview', 'administrativeWarning', 'followUpVisit', 'other')
            AND (e.document_id IS NOT NULL OR btrim(coalesce(e.written_record, '')) <> '')
            AND (e.method NOT IN ('administrativeGuidance', 'administrativeReward', 'administrativeAdvice', 'administrativeReminder') OR e.persons >= 1)
            AND NOT EXISTS (SELECT 1 FROM cases cx WHERE cx.id = e.case_id AND cx.status = 'cancelled')))
  ),
  corrections AS (
    SELECT c.region_code, c.organisation_id, c.correction_due AS day,
      (c.corrected_on IS NOT NULL AND c.corrected_on <= c.correction_due) AS on_time
    FROM cases c JOIN k ON c.organisation_id = k.organisation_id AND c.correction_due = k.day AND c.region_code = k.region_code
    WHERE c.status <> 'cancelled'
  ),
  open_tasks AS (
    -- 复查 / 回访 not done, of a case still in the soft route: overdue once the day has passed.
    SELECT t.region_code, t.organisation_id, t.due_on AS day, t.kind
    FROM case_tasks t JOIN k ON t.organisation_id = k.organisation_id AND t.due_on = k.day AND t.region_code = k.region_code
    JOIN cases c ON c.id = t.case_id
    WHERE t.done_on IS NULL AND c.status NOT IN ('cancelled', 'transferred')
  )
  SELECT x.region_code, x.organisation_id, x.day, x.item, sum(x.value) FROM (
    SELECT d.region_code, d.organisation_id, d.day, v.item, v.value
    FROM decided d CROSS JOIN LATERAL (VALUES
      (d.col, 1::numeric),
      -- The matters of the counted decisions (the dashboard's most frequent matters).
      ('matter:' || d.matter_code, 1::numeric),
      -- 减轻当事人经济负担: benchmark fine (fixed when the case was decided) − fine imposed, at least 0.
      (CASE WHEN d.col IN ('no_penalty', 'mitigated', 'lighter') THEN
         CASE WHEN d.bench IS NULL THEN 'burden_without' ELSE 'burden_cases' END END, 1::numeric),
      (CASE WHEN d.col IN ('no_penalty', 'mitigated', 'lighter') AND d.bench IS NOT NULL THEN 'burden_yuan' END,
         greatest(0, coalesce(d.bench, 0) - coalesce(d.fine, 0)))
    ) AS v(item, value)
    WHERE v.item IS NOT NULL
    UNION ALL
    SELECT m.region_code, m.organisation_id, m.day, m.col, m.amount::numeric FROM measured m
    UNION ALL
    SELECT c.region_code, c.organisation_id, c.day, v.item, 1::numeric
    FROM corrections c CROSS JOIN LATERAL (VALUES
      ('rectification_due'), (CASE WHEN c.on_time THEN 'rectification_on_time' END)) AS v(item)
    WHERE v.item IS NOT NULL
    UNION ALL
    SELECT o.region_code, o.organisation_id, o.day, 'open_' || o.kind, 1::numeric FROM open_tasks o
  ) x
  GROUP BY x.region_code, x.organisation_id, x.day, x.item
$$;
--> statement-breakpoint
-- Recomputes the totals of the given keys. Writers of one organisation take turns (an advisory lock
-- per organisation, in a fixed order; the whole table for a bulk refresh), and each statement after the
-- lock reads what committed before it was granted, so concurrent writes never lose a count.
CREATE OR REPLACE FUNCTION statistics_refresh_totals(k_regions text[], k_orgs uuid[], k_days date[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  IF k_orgs IS NULL OR cardinality(k_orgs) = 0 THEN
    RETURN;
  END IF;
  IF (SELECT count(DISTINCT o) FROM unnest(k_orgs) AS o) > 32 THEN
    LOCK TABLE statistics_daily_totals IN SHARE ROW EXCLUSIVE MODE;
  ELSE
    LOCK TABLE statistics_daily_totals IN ROW EXCLUSIVE MODE;
    FOR org IN SELECT DISTINCT o FROM unnest(k_orgs) AS o ORDER BY o LOOP
      PERFORM pg_advisory_xact_lock(727002, hashtext(org::text));
    END LOOP;
  END IF;
  DELETE FROM statistics_daily_totals t
  USING unnest(k_regions, k_orgs, k_days) AS k(region_code, organisation_id, day)
  WHERE t.region_code = k.region_code AND t.organisation_id = k.organisation_id AND t.day = k.day;
  INSERT INTO statistics_daily_totals (region_code, organisation_id, day, item, value)
  SELECT s.region_code, s.organisation_id, s.day, s.item, s.value FROM statistics_totals_of(k_regions, k_orgs, k_days) s
  ON CONFLICT (region_code, organisation_id, day, item) DO UPDATE SET value = EXCLUDED.value;
END
$$;
--> statement-breakpoint
-- Rebuilds every total from the records (after a bulk load that deferred the triggers).
CREATE OR REPLACE FUNCTION statistics_rebuild_totals() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r text[]; o uuid[]; d date[];
BEGIN
  LOCK TABLE statistics_daily_totals IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM statistics_daily_totals;
  SELECT array_agg(k.region_code), array_agg(k.organisation_id), array_agg(k.day) INTO r, o, d FROM (
    SELECT c.region_code, c.organisation_id, c.decided_on AS day FROM cases c WHERE c.decided_on IS NOT NULL
    UNION SELECT c.region_code, c.organisation_id, c.correction_due FROM cases c WHERE c.correction_due IS NOT NULL
    UNION SELECT m.region_code, m.organisation_id, m.carried_out_on FROM measures m
    UNION SELECT t.region_code, t.organisation_id, t.due_on FROM case_tasks t
  ) k;
  PERFORM statistics_refresh_totals(r, o, d);
END
$$;
--> statement-breakpoint
-- The keys touched by changed case rows (both versions of an update): the decision day, the correction
-- deadline; when the case is or was cancelled, the days of its measures and of the measures that share
-- their written records; when it is or was cancelled or transferred, the due days of its tasks.
CREATE OR REPLACE FUNCTION statistics_refresh_for_cases(rows cases[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r text[]; o uuid[]; d date[];
BEGIN
  IF rows IS NULL THEN
    RETURN;
  END IF;
  WITH c AS (SELECT * FROM unnest(rows)),
  touched AS (SELECT m.* FROM measures m WHERE m.case_id IN (SELECT c.id FROM c WHERE c.status = 'cancelled'))
  SELECT array_agg(k.region_code), array_agg(k.organisation_id), array_agg(k.day) INTO r, o, d FROM (
    SELECT c.region_code, c.organisation_id, c.decided_on AS day FROM c WHERE c.decided_on IS NOT NULL
    UNION SELECT c.region_code, c.organisation_id, c.correction_due FROM c WHERE c.correction_due IS NOT NULL
    UNION SELECT t.region_code, t.organisation_id, t.carried_out_on FROM touched t
    UNION SELECT e.region_code, e.organisation_id, e.carried_out_on FROM measures e
      WHERE e.document_id IN (SELECT t.document_id FROM touched t WHERE t.document_id IS NOT NULL)
    UNION SELECT t.region_code, t.organisation_id, t.due_on FROM case_tasks t
      WHERE t.case_id IN (SELECT c.id FROM c WHERE c.status IN ('cancelled', 'transferred'))
  ) k;
  PERFORM statistics_refresh_totals(r, o, d);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_refresh_for_measures(rows measures[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r text[]; o uuid[]; d date[];
BEGIN
  IF rows IS NULL THEN
    RETURN;
  END IF;
  WITH m AS (SELECT * FROM unnest(rows))
  SELECT array_agg(k.region_code), array_agg(k.organisation_id), array_agg(k.day) INTO r, o, d FROM (
    SELECT m.region_code, m.organisation_id, m.carried_out_on AS day FROM m
    UNION SELECT e.region_code, e.organisation_id, e.carried_out_on FROM measures e
      WHERE e.document_id IN (SELECT m.document_id FROM m WHERE m.document_id IS NOT NULL)
  ) k;
  PERFORM statistics_refresh_totals(r, o, d);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_cases_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  rows cases[];
BEGIN
  -- A bulk load that recounts once at the end (kuanyan demo-data) skips the per-statement recount.
  IF current_setting('kuanyan.defer_statistics', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n) INTO rows FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o) INTO rows FROM old_rows o;
  ELSE
    -- Only the columns the totals read; an edit of the facts or the party changes nothing here.
    -- Both versions of each such row go in (the old one's days lose, the new one's gain).
    SELECT array_agg(v.r) INTO rows
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES (n), (o)) AS v(r)
    WHERE (n.region_code, n.organisation_id, n.status, n.decided_outcome, n.decided_on, n.decided_by, n.party_choice,
           n.fine_yuan, n.benchmark_fine_yuan, n.correction_due, n.corrected_on, n.matter_code)
      IS DISTINCT FROM (o.region_code, o.organisation_id, o.status, o.decided_outcome, o.decided_on, o.decided_by, o.party_choice,
           o.fine_yuan, o.benchmark_fine_yuan, o.correction_due, o.corrected_on, o.matter_code);
  END IF;
  PERFORM statistics_refresh_for_cases(rows);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_measures_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  rows measures[];
BEGIN
  -- A bulk load that recounts once at the end (kuanyan demo-data) skips the per-statement recount.
  IF current_setting('kuanyan.defer_statistics', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n) INTO rows FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o) INTO rows FROM old_rows o;
  ELSE
    SELECT array_agg(v) INTO rows FROM (SELECT n AS v FROM new_rows n UNION ALL SELECT o AS v FROM old_rows o) s;
  END IF;
  PERFORM statistics_refresh_for_measures(rows);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_case_tasks_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r text[]; o uuid[]; d date[];
BEGIN
  IF current_setting('kuanyan.defer_statistics', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.region_code), array_agg(n.organisation_id), array_agg(n.due_on) INTO r, o, d FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x.region_code), array_agg(x.organisation_id), array_agg(x.due_on) INTO r, o, d FROM old_rows x;
  ELSE
    SELECT array_agg(v.region_code), array_agg(v.organisation_id), array_agg(v.due_on) INTO r, o, d FROM (
      SELECT n.region_code, n.organisation_id, n.due_on FROM new_rows n
      UNION SELECT x.region_code, x.organisation_id, x.due_on FROM old_rows x
    ) v;
  END IF;
  PERFORM statistics_refresh_totals(r, o, d);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Three triggers per table: PostgreSQL allows transition tables only on a trigger with one event.
CREATE TRIGGER cases_statistics_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_cases_changed();
--> statement-breakpoint
CREATE TRIGGER cases_statistics_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_cases_changed();
--> statement-breakpoint
CREATE TRIGGER cases_statistics_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_cases_changed();
--> statement-breakpoint
CREATE TRIGGER measures_statistics_insert AFTER INSERT ON measures REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_measures_changed();
--> statement-breakpoint
CREATE TRIGGER measures_statistics_update AFTER UPDATE ON measures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_measures_changed();
--> statement-breakpoint
CREATE TRIGGER measures_statistics_delete AFTER DELETE ON measures REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_measures_changed();
--> statement-breakpoint
CREATE TRIGGER case_tasks_statistics_insert AFTER INSERT ON case_tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_case_tasks_changed();
--> statement-breakpoint
CREATE TRIGGER case_tasks_statistics_update AFTER UPDATE ON case_tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_case_tasks_changed();
--> statement-breakpoint
CREATE TRIGGER case_tasks_statistics_delete AFTER DELETE ON case_tasks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_case_tasks_changed();
--> statement-breakpoint
SELECT statistics_rebuild_totals();
