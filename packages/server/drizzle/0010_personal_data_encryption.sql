-- Personal data (issue 15, item 6): phones encrypted like the ID numbers (AES-256-GCM, with the key id),
-- shown masked in lists, found by a blind index (HMAC-SHA256 of the normalised value). The clear columns
-- (cases.party_phone, users.phone) stay for the upgrade: the first start of this version encrypts their
-- values into the new columns and empties them (src/pii/setup.ts); nothing writes them any more.
ALTER TABLE "cases" ADD COLUMN "party_phone_enc" text;
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "party_phone_masked" text;
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "party_phone_bidx" text;
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "party_id_number_bidx" text;
--> statement-breakpoint
CREATE INDEX "cases_party_phone_bidx_idx" ON "cases" USING btree ("party_phone_bidx");
--> statement-breakpoint
CREATE INDEX "cases_party_id_number_bidx_idx" ON "cases" USING btree ("party_id_number_bidx");
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_enc" text;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_masked" text;
