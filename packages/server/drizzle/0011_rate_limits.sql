-- Rate-limit counters shared by every server process on one PostgreSQL (issue 15, edge).
-- One row per limiter key (a SHA-256 of limiter + client, so no IP or username is stored in clear):
-- a fixed window that starts with the first request and ends at expires_at. Rows are throwaway:
-- expired ones are deleted by the servers as they go. No existing row is touched.
CREATE TABLE IF NOT EXISTS rate_limits (
  key text PRIMARY KEY,
  count integer NOT NULL,
  expires_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS rate_limits_expires_idx ON rate_limits (expires_at);
