-- 全过程记录 is append-only: no code path may update or delete audit rows.
CREATE OR REPLACE FUNCTION kuanyan_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (审计记录只能追加，不能修改或删除)';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION kuanyan_audit_append_only();
