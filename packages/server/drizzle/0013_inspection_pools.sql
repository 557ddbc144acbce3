-- Inspections, part A (issue 10): the object pool (检查对象名录库), the inspectors' certificates
-- (执法检查人员名录库) and their exclusions (回避), the 抽查事项清单, versioned checklists, plans,
-- publicly verifiable draws and the inspections they plan. Only new tables: nothing existing is
-- touched, so the migration runs on any database of the previous version. Every table carries
-- region_code (the organisation's). Migration 0014 adds results, signatures and hazards.
CREATE TABLE "inspection_units" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "region_code" text NOT NULL,
  "organisation_id" uuid NOT NULL,
  "credit_code" text NOT NULL,
  "name" text NOT NULL,
  "address" text DEFAULT '' NOT NULL,
  "industry" text NOT NULL,
  "risk_level" text NOT NULL,
  "key_unit" boolean DEFAULT false NOT NULL,
  "contact_name" text,
  "contact_phone_enc" text,
  "contact_phone_masked" text,
  "contact_phone_bidx" text,
  "is_demo" boolean DEFAULT false NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_units_org_credit_uq" ON "inspection_units" USING btree ("organisation_id","credit_code");
--> statement-breakpoint
CREATE INDEX "inspection_units_region_idx" ON "inspection_units" USING btree ("region_code");
--> statement-breakpoint
CREATE INDEX "inspection_units_org_industry_idx" ON "inspection_units" USING btree ("organisation_id","industry","risk_level");
--> statement-breakpoint
CREATE TABLE "inspector_certificates" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "region_code" text NOT NULL,
  "organisation_id" uuid NOT NULL,
  "user_id" uuid NOT NULL,
  "number" text NOT NULL,
  "issuing_body" text NOT NULL,
  "valid_from" date NOT NULL,
  "valid_to" date NOT NULL,
  "fields" text[] DEFAULT '{}'::text[] NOT NULL,
  "is_demo" boolean DEFAULT false NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspector_certificates_user_uq" ON "inspector_certificates" USING btree ("user_id");
--> statement-breakpoint
CREATE INDEX "inspector_certificates_org_idx" ON "inspector_certificates" USING btree ("organisation_id");
--> statement-breakpoint
CREATE INDEX "inspector_certificates_number_idx" ON "inspector_certificates" USING btree ("number");
--> statement-breakpoint
CREATE TABLE "inspection_exclusions" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "region_code" text NOT NULL,
  "organisation_id" uuid NOT NULL,
  "user_id" uuid NOT NULL,
  "unit_id" uuid NOT NULL,
  "reason" text NOT NULL,
  "note" text,
  "created_by" uuid,
  "is_demo" boolean DEFAULT false NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_exclusions_pair_uq" ON "inspection_exclusions" USING btree ("user_id","unit_id","reason");
--> statement-breakpoint
CREATE INDEX "inspection_exclusions_org_idx" ON "inspection_exclusions" USING btree ("organisation_id");
--> statement-breakpoint
CREATE TABLE "inspection_checklists" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "region_code" text NOT NULL,
  "organisation_id" uuid NOT NULL,
  "industry" text NOT NULL,
  "title" text NOT NULL,
  "copied_from" jsonb,
  "versions" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "is_demo" boolean DEFAULT false NOT NULL,
  "lock_version" integer DEFAULT 1 NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inspection_checklists_org_idx" ON "inspection_checklists" USING btree ("organisation_id","industry");
--> statement-breakpoint
CREATE TABLE "inspection_matters" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "region_code" text NOT NULL,
  "organisation_id" uuid NOT NULL,
  "name" text NOT NULL,
  "industry" text,
  "matter_codes" text[] DEFAULT '{}'::text[] NOT NULL,
  "checklist_id" uuid,
  "inspection_method" text DEFAULT '' NOT NULL,
  "published" boolean DEFAULT false NOT NULL,
  "published_on" date,
  "is_demo" boolean DEFAULT false NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inspection_matters_org_idx" ON "inspection_matters" USING btree ("organisation_id");
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "region_code" text NOT NULL,
  "organisation_id" uuid NOT NULL,
  "year" integer NOT NULL,
  "title" text NOT NULL,
  "rules" jsonb NOT NULL,
  "notes" text DEFAULT '' NOT NULL,
  "created_by" uuid,
  "is_demo" boolean DEFAULT false NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plans_org_year_uq" ON "inspection_plans" USING btree ("organisation_id","year");
--> statement-breakpoint
CREATE TABLE "inspection_draws" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "region_code" text NOT NULL,
  "organisation_id" uuid NOT NULL,
  "plan_id" uuid,
  "draw_no" text NOT NULL,
  "kind" text NOT NULL,
  "title" text NOT NULL,
  "due_by" date,
  "pool_text" text NOT NULL,
  "pool_sha256" text NOT NULL,
  "object_count" integer NOT NULL,
  "inspector_users" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "commitment" text NOT NULL,
  "secret_enc" text NOT NULL,
  "public_source" text NOT NULL,
  "public_value_date" date NOT NULL,
  "announced_on" date NOT NULL,
  "announced_by" uuid,
  "redraw_of" uuid,
  "redraw_reason" text,
  "public_value" text,
  "secret" text,
  "seed" text,
  "result" jsonb,
  "drawn_on" date,
  "drawn_at" timestamp with time zone,
  "drawn_by" uuid,
  "is_demo" boolean DEFAULT false NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_draws_org_no_uq" ON "inspection_draws" USING btree ("organisation_id","draw_no");
--> statement-breakpoint
CREATE INDEX "inspection_draws_org_idx" ON "inspection_draws" USING btree ("organisation_id","announced_on");
--> statement-breakpoint
CREATE INDEX "inspection_draws_plan_idx" ON "inspection_draws" USING btree ("plan_id");
--> statement-breakpoint
-- A draw is done once: after drawing, its row is never updated; before, only the draw itself may be
-- written (the frozen pool, the commitment and the announced public-value source never change);
-- no draw is ever deleted. A redraw is a new row naming the one it replaces. (secret_enc may be
-- re-encrypted by a key rotation before the draw: the published commitment fixes the secret itself.)
CREATE OR REPLACE FUNCTION kuanyan_inspection_draw_frozen() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'inspection_draws cannot be deleted (抽取记录不能删除)';
  END IF;
  IF OLD.drawn_at IS NOT NULL THEN
    RAISE EXCEPTION 'inspection_draws: a completed draw cannot be changed (抽取已经完成，不能修改)';
  END IF;
  IF NEW.id <> OLD.id OR NEW.organisation_id <> OLD.organisation_id OR NEW.region_code <> OLD.region_code
     OR NEW.draw_no <> OLD.draw_no OR NEW.kind <> OLD.kind OR NEW.title <> OLD.title
     OR NEW.pool_text <> OLD.pool_text OR NEW.pool_sha256 <> OLD.pool_sha256 OR NEW.commitment <> OLD.commitment
     OR NEW.public_source <> OLD.public_source
     OR NEW.public_value_date <> OLD.public_value_date OR NEW.announced_on <> OLD.announced_on
     OR NEW.redraw_of IS DISTINCT FROM OLD.redraw_of OR NEW.plan_id IS DISTINCT FROM OLD.plan_id
     OR NEW.due_by IS DISTINCT FROM OLD.due_by THEN
    RAISE EXCEPTION 'inspection_draws: the announced pool and commitment cannot be changed (公告的抽取底库和承诺值不能修改)';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER inspection_draws_frozen BEFORE UPDATE OR DELETE ON inspection_draws
  FOR EACH ROW EXECUTE FUNCTION kuanyan_inspection_draw_frozen();
--> statement-breakpoint
CREATE TABLE "inspections" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "region_code" text NOT NULL,
  "organisation_id" uuid NOT NULL,
  "unit_id" uuid NOT NULL,
  "unit_name" text NOT NULL,
  "credit_code" text NOT NULL,
  "year" integer NOT NULL,
  "plan_id" uuid,
  "plan_draw_id" uuid,
  "draw_id" uuid,
  "checklist_id" uuid,
  "checklist_version" integer,
  "inspector_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
  "due_by" date,
  "status" text NOT NULL,
  "cancel_reason" text,
  "is_demo" boolean DEFAULT false NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inspections_org_status_idx" ON "inspections" USING btree ("organisation_id","status","due_by");
--> statement-breakpoint
CREATE INDEX "inspections_unit_idx" ON "inspections" USING btree ("unit_id");
--> statement-breakpoint
CREATE INDEX "inspections_draw_idx" ON "inspections" USING btree ("draw_id");
--> statement-breakpoint
CREATE INDEX "inspections_region_idx" ON "inspections" USING btree ("region_code","year");
--> statement-breakpoint
CREATE INDEX "inspections_inspectors_idx" ON "inspections" USING gin ("inspector_ids");
--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_redraw_of_inspection_draws_id_fk" FOREIGN KEY ("redraw_of") REFERENCES "public"."inspection_draws"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_exclusions" ADD CONSTRAINT "inspection_exclusions_unit_id_inspection_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."inspection_units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspection_matters" ADD CONSTRAINT "inspection_matters_checklist_id_inspection_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."inspection_checklists"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_unit_id_inspection_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."inspection_units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_plan_draw_id_inspection_draws_id_fk" FOREIGN KEY ("plan_draw_id") REFERENCES "public"."inspection_draws"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_draw_id_inspection_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."inspection_draws"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_checklist_id_inspection_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."inspection_checklists"("id") ON DELETE no action ON UPDATE no action;
