CREATE TABLE "document_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"number_pattern" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "document_templates_org_type_idx";--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "consent_record" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "remarks" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "issued_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "document_templates_org_type_version_uq" ON "document_templates" USING btree ("organisation_id","type","version");