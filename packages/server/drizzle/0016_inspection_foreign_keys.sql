-- Issue 10 hygiene: the tables of 0014 name an inspection (and a case, a superseded record) by id without
-- a foreign key. They get one now. Every table here keeps its rows for good (records are never deleted),
-- so each key is ON DELETE NO ACTION: deleting an inspection, a case or a record that something names
-- fails. Rows written before this migration were written only by the application, which names existing
-- rows; the previous release's data (test-fixtures/previous-demo.sql.gz, migrations up to 0007) has no
-- inspection tables at all, so no existing row can violate a key.
--
-- 0014 declared hazard_events.hazard_id and hazard_evidence.hazard_id inline (REFERENCES "hazards"), so
-- PostgreSQL named those keys *_fkey; they are renamed to the names drizzle-kit uses (and the snapshots
-- since 0015 record), so the database matches the snapshot.
ALTER TABLE "inspection_case_links" ADD CONSTRAINT "inspection_case_links_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_case_links" ADD CONSTRAINT "inspection_case_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_check_ins" ADD CONSTRAINT "inspection_check_ins_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_photos" ADD CONSTRAINT "inspection_photos_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_records" ADD CONSTRAINT "inspection_records_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_records" ADD CONSTRAINT "inspection_records_supersedes_id_inspection_records_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."inspection_records"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_records" ADD CONSTRAINT "inspection_records_superseded_by_id_inspection_records_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."inspection_records"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_signatures" ADD CONSTRAINT "inspection_signatures_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "hazard_events" RENAME CONSTRAINT "hazard_events_hazard_id_fkey" TO "hazard_events_hazard_id_hazards_id_fk";
--> statement-breakpoint
ALTER TABLE "hazard_evidence" RENAME CONSTRAINT "hazard_evidence_hazard_id_fkey" TO "hazard_evidence_hazard_id_hazards_id_fk";
