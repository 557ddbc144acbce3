-- The case list at scale (issue 17): keyset pages in the order created_at DESC, id DESC inside the data
-- scope (per organisation, with and without a status), and the overdue flag from an indexed column.
DROP INDEX "cases_org_status_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "open_due_on" date;--> statement-breakpoint
CREATE INDEX "cases_org_created_idx" ON "cases" USING btree ("organisation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_org_status_created_idx" ON "cases" USING btree ("organisation_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "cases_org_open_due_idx" ON "cases" USING btree ("organisation_id","open_due_on") WHERE "cases"."open_due_on" IS NOT NULL;
--> statement-breakpoint
-- cases.open_due_on: the earliest deadline still open — the correction deadline while uncorrected in an
-- open case, or the due date of an open 复查/回访 task. A case is overdue on a day after it (the rule the
-- case list used to compute with a subquery over all case tasks). Kept here, in the writing transaction,
-- whatever writes the rows (use cases, bulk loads, restores).
CREATE OR REPLACE FUNCTION case_open_due_on(p_case uuid, p_status text, p_correction_due date, p_corrected_on date) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT least(
    CASE WHEN p_corrected_on IS NULL AND p_status IN ('intake', 'decided', 'in_progress') THEN p_correction_due END,
    (SELECT min(t.due_on) FROM case_tasks t WHERE t.case_id = p_case AND t.done_on IS NULL))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_set_open_due_on() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.open_due_on := case_open_due_on(NEW.id, NEW.status, NEW.correction_due, NEW.corrected_on);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cases_open_due_on BEFORE INSERT OR UPDATE OF status, correction_due, corrected_on, open_due_on ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_set_open_due_on();
--> statement-breakpoint
-- A task added, done, moved or removed: its cases again, once per statement (bulk loads stay set-based).
CREATE OR REPLACE FUNCTION case_tasks_open_due_on_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.case_id) INTO ids FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT x.case_id) INTO ids FROM old_rows x;
  ELSE
    SELECT array_agg(DISTINCT v.case_id) INTO ids FROM (
      SELECT n.case_id FROM new_rows n JOIN old_rows x ON x.id = n.id
      WHERE (n.case_id, n.due_on, n.done_on) IS DISTINCT FROM (x.case_id, x.due_on, x.done_on)
      UNION ALL SELECT x.case_id FROM new_rows n JOIN old_rows x ON x.id = n.id
      WHERE (n.case_id, n.due_on, n.done_on) IS DISTINCT FROM (x.case_id, x.due_on, x.done_on)
    ) v;
  END IF;
  IF ids IS NOT NULL THEN
    UPDATE cases c SET open_due_on = case_open_due_on(c.id, c.status, c.correction_due, c.corrected_on)
    WHERE c.id = ANY(ids) AND c.open_due_on IS DISTINCT FROM case_open_due_on(c.id, c.status, c.correction_due, c.corrected_on);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_tasks_open_due_on_insert AFTER INSERT ON case_tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_tasks_open_due_on_changed();
--> statement-breakpoint
CREATE TRIGGER case_tasks_open_due_on_update AFTER UPDATE ON case_tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_tasks_open_due_on_changed();
--> statement-breakpoint
CREATE TRIGGER case_tasks_open_due_on_delete AFTER DELETE ON case_tasks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_tasks_open_due_on_changed();
--> statement-breakpoint
-- The cases already on file.
UPDATE cases SET open_due_on = case_open_due_on(id, status, correction_due, corrected_on)
WHERE (correction_due IS NOT NULL AND corrected_on IS NULL AND status IN ('intake', 'decided', 'in_progress'))
   OR EXISTS (SELECT 1 FROM case_tasks t WHERE t.case_id = cases.id AND t.done_on IS NULL);
