-- Issue 10 §6–§8: the inspection on site (results, photos, signatures, the submitted record) and
-- the hazards it finds (ledger and events). Every table carries region_code. inspection_id names a
-- row of `inspections` (migration 0013).
CREATE TABLE "inspection_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" bytea NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_photos_hash_idx" ON "inspection_photos" USING btree ("inspection_id","sha256");
--> statement-breakpoint
CREATE TABLE "inspection_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"accuracy_metres" double precision,
	"idempotency_key" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_check_ins_inspection_idx" ON "inspection_check_ins" USING btree ("inspection_id");
--> statement-breakpoint
CREATE TABLE "inspection_case_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_case_links_item_idx" ON "inspection_case_links" USING btree ("inspection_id","item_id");
--> statement-breakpoint
CREATE TABLE "inspection_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"finding" jsonb,
	"idempotency_key" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_results_item_idx" ON "inspection_results" USING btree ("inspection_id","item_id");
--> statement-breakpoint
CREATE TABLE "inspection_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"signer_kind" text NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"refused" boolean DEFAULT false NOT NULL,
	"note" text,
	"image" bytea,
	"image_sha256" text,
	"idempotency_key" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "inspection_signatures_inspection_idx" ON "inspection_signatures" USING btree ("inspection_id");
--> statement-breakpoint
CREATE TABLE "inspection_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"record_no" text NOT NULL,
	"content" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"pdf" bytea NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"supersedes_id" uuid,
	"correction_reason" text,
	"superseded_by_id" uuid
);
--> statement-breakpoint
CREATE INDEX "inspection_records_inspection_idx" ON "inspection_records" USING btree ("inspection_id");
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid,
	"item_id" text,
	"credit_code" text NOT NULL,
	"unit_name" text NOT NULL,
	"level" text NOT NULL,
	"criterion" text,
	"description" text NOT NULL,
	"responsible_person" text NOT NULL,
	"found_on" date NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"rectification_evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviews" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"previous_deadlines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rectified_on" date,
	"closed_on" date,
	"idempotency_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "hazards_item_idx" ON "hazards" USING btree ("inspection_id","item_id");
--> statement-breakpoint
CREATE INDEX "hazards_org_idx" ON "hazards" USING btree ("organisation_id","status","deadline");
--> statement-breakpoint
CREATE INDEX "hazards_region_idx" ON "hazards" USING btree ("region_code","found_on");
--> statement-breakpoint
CREATE TABLE "hazard_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"hazard_id" uuid NOT NULL REFERENCES "hazards"("id"),
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" USING btree ("hazard_id");
--> statement-breakpoint
CREATE TABLE "hazard_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"hazard_id" uuid NOT NULL REFERENCES "hazards"("id"),
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" bytea NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "hazard_evidence_hazard_idx" ON "hazard_evidence" USING btree ("hazard_id");
