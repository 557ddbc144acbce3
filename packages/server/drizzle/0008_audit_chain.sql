-- Tamper-evident audit (issue 15, item 3): every event carries a gapless sequence number, the hash
-- of the previous event and its own hash (SHA-256 over the canonical body serialised by the server,
-- src/audit/chain.ts, the number and the previous hash: kuanyan_audit_append below). The chain is global (one per installation), not one per region: a
-- single order of events is what makes deleting or reordering detectable. The head row below is
-- locked by every append, so two server processes on one PostgreSQL never fork the chain.
-- Existing events are chained at the next start, in (at, id) order (src/audit/chain.ts, chainPendingEvents).
ALTER TABLE "audit_events" ADD COLUMN "seq" bigint;
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text;
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text;
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seq_uq" ON "audit_events" USING btree ("seq");
--> statement-breakpoint
CREATE INDEX "audit_unchained_idx" ON "audit_events" USING btree ("at", "id") WHERE "seq" IS NULL;
--> statement-breakpoint
-- The chain head: one row (id = 1), the last sequence number and hash. region_code is the
-- installation-wide placeholder '000000' (the chain spans all regions).
CREATE TABLE "audit_chain_head" (
	"id" smallint PRIMARY KEY NOT NULL DEFAULT 1 CHECK ("id" = 1),
	"region_code" text NOT NULL DEFAULT '000000',
	"seq" bigint NOT NULL DEFAULT 0,
	"hash" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "audit_chain_head" ("id", "region_code", "seq", "hash") VALUES (1, '000000', 0, repeat('0', 64));
--> statement-breakpoint
-- Still append-only; the one update allowed is giving an unchained (pre-0008) event its place in
-- the chain, with every other column unchanged.
CREATE OR REPLACE FUNCTION kuanyan_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
       AND (NEW.id, NEW.region_code, NEW.organisation_id, NEW.actor_id, NEW.actor_name, NEW.action, NEW.entity_type,
            NEW.entity_id, NEW.before, NEW.after, NEW.ip, NEW.at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.region_code, OLD.organisation_id, OLD.actor_id, OLD.actor_name, OLD.action, OLD.entity_type,
            OLD.entity_id, OLD.before, OLD.after, OLD.ip, OLD.at) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (审计记录只能追加，不能修改或删除)';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION kuanyan_audit_append_only();
--> statement-breakpoint
-- A new event must come with its place in the chain (written by src/audit/record.ts).
CREATE OR REPLACE FUNCTION kuanyan_audit_chained() RETURNS trigger AS $$
BEGIN
  IF NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL THEN
    RAISE EXCEPTION 'audit_events must be chained (审计记录必须写入审计链)';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_chained BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION kuanyan_audit_chained();
--> statement-breakpoint
-- Appends one event in one round trip (src/audit/chain.ts, appendEvent): takes the next number under
-- the head's row lock, hashes the canonical body the server serialised together with the number and
-- the previous hash (SHA-256 of body || '\n' || seq || '\n' || prev_hash), inserts, moves the head.
CREATE OR REPLACE FUNCTION kuanyan_audit_append(p_body text, p_region_code text, p_organisation_id uuid, p_actor_id uuid,
    p_actor_name text, p_action text, p_entity_type text, p_entity_id text, p_before jsonb, p_after jsonb, p_ip text,
    p_at timestamptz) RETURNS text AS $$
DECLARE
  s bigint;
  prev text;
  h text;
BEGIN
  UPDATE audit_chain_head SET seq = audit_chain_head.seq + 1 WHERE id = 1
    RETURNING audit_chain_head.seq, audit_chain_head.hash INTO s, prev;
  IF s IS NULL THEN
    RAISE EXCEPTION 'audit_chain_head is missing';
  END IF;
  h := encode(sha256(convert_to(p_body || E'\n' || s::text || E'\n' || prev, 'UTF8')), 'hex');
  INSERT INTO audit_events (region_code, organisation_id, actor_id, actor_name, action, entity_type, entity_id,
                            before, after, ip, at, seq, prev_hash, hash)
    VALUES (p_region_code, p_organisation_id, p_actor_id, p_actor_name, p_action, p_entity_type, p_entity_id,
            p_before, p_after, p_ip, p_at, s, prev, h);
  UPDATE audit_chain_head SET hash = h WHERE id = 1;
  RETURN s::text || ' ' || h;
END;
$$ LANGUAGE plpgsql;
