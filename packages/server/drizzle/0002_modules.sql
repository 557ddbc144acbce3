CREATE TABLE "list_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"list_version_id" uuid NOT NULL,
	"claimed_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"claimed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "list_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"list_version_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"findings" text NOT NULL,
	"evaluator_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"list_version_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"matter_name" text NOT NULL,
	"matter_code" text,
	"circumstances" text NOT NULL,
	"basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"basis_text" text DEFAULT '' NOT NULL,
	"measures" text[] DEFAULT '{}' NOT NULL,
	"other_measures" text[] DEFAULT '{}' NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"effective_from" date,
	"effective_to" date,
	"published_on" date,
	"filing_deadline" date,
	"filed_on" date,
	"filed_with_id" uuid,
	"review_comments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quality" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warning_reason" text,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"code" text PRIMARY KEY NOT NULL,
	"region_code" text DEFAULT '000000' NOT NULL,
	"name" text NOT NULL,
	"domain" text NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"result" jsonb,
	"done_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"status" text NOT NULL,
	"route" text,
	"party_type" text NOT NULL,
	"party_name" text NOT NULL,
	"party_credit_code" text,
	"party_id_number_enc" text,
	"party_id_number_masked" text,
	"party_address" text,
	"party_contact" text,
	"party_phone" text,
	"industry_category" text,
	"matter_code" text NOT NULL,
	"matter_name" text NOT NULL,
	"facts" text DEFAULT '' NOT NULL,
	"act_date" date NOT NULL,
	"act_end_date" date,
	"discovered_on" date NOT NULL,
	"circumstances" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"inspection" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decision" jsonb,
	"proposed_outcome" text,
	"decided_outcome" text,
	"departure_reason" text,
	"decided_by" uuid,
	"decided_on" date,
	"list_version_id" uuid,
	"list_item_seq" integer,
	"fine_yuan" numeric(14, 2),
	"benchmark_fine_yuan" numeric(14, 2),
	"party_choice" text,
	"termination_reason" text,
	"correction_due" date,
	"corrected_on" date,
	"closed_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"description" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid,
	"method" text NOT NULL,
	"carried_out_on" date NOT NULL,
	"persons" integer DEFAULT 1 NOT NULL,
	"written_record" text,
	"document_id" uuid,
	"cancelled" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"method" text NOT NULL,
	"deliverer" text NOT NULL,
	"recipient" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"signature" "bytea",
	"refused" boolean DEFAULT false NOT NULL,
	"witnesses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consent" boolean,
	"signed_pdf" "bytea",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid,
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid,
	"type" text NOT NULL,
	"template_id" uuid,
	"template_version" integer NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"supersedes_id" uuid,
	"fields" jsonb NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"short_code" text NOT NULL,
	"issued_by" uuid,
	"issued_on" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seals" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"image" "bytea" NOT NULL,
	"mime" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_key" text NOT NULL,
	"revision" integer NOT NULL,
	"scope" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "list_claims_org_idx" ON "list_claims" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "list_items_version_idx" ON "list_items" USING btree ("list_version_id","seq");--> statement-breakpoint
CREATE INDEX "list_items_matter_idx" ON "list_items" USING btree ("matter_code");--> statement-breakpoint
CREATE UNIQUE INDEX "list_versions_no_uq" ON "list_versions" USING btree ("list_id","version_no");--> statement-breakpoint
CREATE INDEX "list_versions_org_idx" ON "list_versions" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "lists_org_idx" ON "lists" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "lists_region_idx" ON "lists" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "case_tasks_case_idx" ON "case_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_tasks_due_idx" ON "case_tasks" USING btree ("organisation_id","done_on","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_no_uq" ON "cases" USING btree ("organisation_id","case_no");--> statement-breakpoint
CREATE INDEX "cases_org_status_idx" ON "cases" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "cases_region_decided_idx" ON "cases" USING btree ("region_code","decided_on");--> statement-breakpoint
CREATE INDEX "cases_org_decided_idx" ON "cases" USING btree ("organisation_id","decided_on");--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("correction_due");--> statement-breakpoint
CREATE INDEX "evidence_case_idx" ON "evidence" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "measures_case_idx" ON "measures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "measures_org_date_idx" ON "measures" USING btree ("organisation_id","carried_out_on");--> statement-breakpoint
CREATE INDEX "measures_region_date_idx" ON "measures" USING btree ("region_code","carried_out_on");--> statement-breakpoint
CREATE INDEX "deliveries_document_idx" ON "deliveries" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_templates_org_type_idx" ON "document_templates" USING btree ("organisation_id","type","version");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_number_uq" ON "documents" USING btree ("organisation_id","type","year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_short_code_uq" ON "documents" USING btree ("short_code");--> statement-breakpoint
CREATE INDEX "documents_case_idx" ON "documents" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_reports_rev_uq" ON "statistics_reports" USING btree ("organisation_id","kind","period_key","revision");--> statement-breakpoint
CREATE INDEX "statistics_reports_region_idx" ON "statistics_reports" USING btree ("region_code","period_key");