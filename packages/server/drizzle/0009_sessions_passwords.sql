-- Sessions and passwords (issue 15, item 4): an idle timeout counted from the last request seen on a
-- session, and the hashes of recent passwords so that none of the last five is reused.
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
-- Existing sessions count as seen when they were created (they will idle out unless used).
UPDATE "sessions" SET "last_seen_at" = "created_at";
--> statement-breakpoint
CREATE TABLE "password_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "password_history_user_idx" ON "password_history" USING btree ("user_id","created_at");
--> statement-breakpoint
-- Every existing user's current password is the first entry of the history.
INSERT INTO "password_history" ("region_code", "user_id", "password_hash", "created_at")
  SELECT "region_code", "id", "password_hash", "updated_at" FROM "users";
