ALTER TABLE "cases" ADD COLUMN "route_detail" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "review_status" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "review" jsonb;