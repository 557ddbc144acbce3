-- No change to the database. Migrations 0008–0011 were written by hand on four branches at once;
-- this entry only brings drizzle-kit's snapshot (meta/0012_snapshot.json) up to schema.ts so the
-- next `drizzle-kit generate` diffs against the real schema. Its generated SQL equalled 0008–0011,
-- except for one intended difference: `users.phone` and `cases.party_phone` stay in the database
-- (emptied at first start once their values are encrypted, see src/pii) and are absent from
-- schema.ts; a later migration may drop them.
SELECT 1;
