/**
 * Key rotation: every encrypted value is decrypted with the old key and encrypted with the new one,
 * every blind index recomputed with the new index key, and the key id in the settings table replaced —
 * all in one transaction: either the database is wholly under the new key or nothing changed.
 * A value that the old key cannot read stops the rotation (rolled back) with its row named.
 */
import { sql } from "drizzle-orm";
import type { Database, Tx } from "../db/client";
import { decryptWith, encryptWith, type Keyring } from "./keyring";
import { KEY_ID_SETTING } from "./keySource";
import { idNumberIndex, phoneIndex } from "./values";

const PAGE = 500;

export interface RotationResult {
  cases: number;
  users: number;
  values: number;
}

async function pages<T extends { id: string }>(
  tx: Tx,
  select: (after: string) => ReturnType<typeof sql>,
  each: (rows: T[]) => Promise<void>,
): Promise<number> {
  let after = "00000000-0000-0000-0000-000000000000";
  let n = 0;
  for (;;) {
    const rows = ((await tx.execute(select(after))) as unknown as { rows: T[] }).rows;
    if (!rows.length) return n;
    await each(rows);
    n += rows.length;
    after = rows[rows.length - 1].id;
  }
}

export async function rotateDataKey(database: Database, from: Keyring, to: Keyring): Promise<RotationResult> {
  if (from.id === to.id) throw new Error("新密钥与当前密钥相同，无需轮换。");
  return database.db.transaction(async (tx) => {
    // Nothing the statistics count changes (see setup.ts).
    await tx.execute(sql`SELECT set_config('kuanyan.defer_statistics', 'on', true)`);
    const [recorded] = (
      (await tx.execute(sql`SELECT value FROM settings WHERE key = ${KEY_ID_SETTING} FOR UPDATE`)) as unknown as { rows: { value: string }[] }
    ).rows;
    if (recorded && recorded.value !== from.id) throw new Error(`当前密钥（${from.id}）不是本数据库使用的密钥（${recorded.value}），未做任何修改。`);
    let values = 0;
    const open = (table: string, id: string, stored: string) => {
      try {
        values++;
        return decryptWith(from, stored);
      } catch (err) {
        throw new Error(`${table} ${id} 的加密数据无法用当前密钥读取（${(err as Error).message}），轮换已撤销，未做任何修改。`, { cause: err });
      }
    };

    type CaseRow = { id: string; id_enc: string | null; phone_enc: string | null };
    const cases = await pages<CaseRow>(
      tx,
      (after) => sql`SELECT id::text AS id, party_id_number_enc AS id_enc, party_phone_enc AS phone_enc FROM cases
        WHERE (party_id_number_enc IS NOT NULL OR party_phone_enc IS NOT NULL) AND id > ${after}::uuid ORDER BY id LIMIT ${PAGE}`,
      async (rows) => {
        const out = rows.map((r) => {
          const idPlain = r.id_enc ? open("案件", r.id, r.id_enc) : null;
          const phonePlain = r.phone_enc ? open("案件", r.id, r.phone_enc) : null;
          return {
            id: r.id,
            id_enc: idPlain === null ? null : encryptWith(to, idPlain),
            id_bidx: idPlain === null ? null : (idNumberIndex(idPlain, to) ?? "-"),
            phone_enc: phonePlain === null ? null : encryptWith(to, phonePlain),
            phone_bidx: phonePlain === null ? null : phoneIndex(phonePlain, to),
          };
        });
        await tx.execute(sql`UPDATE cases c SET party_id_number_enc = v.id_enc, party_id_number_bidx = v.id_bidx,
            party_phone_enc = v.phone_enc, party_phone_bidx = v.phone_bidx
          FROM jsonb_to_recordset(${JSON.stringify(out)}::jsonb) AS v(id uuid, id_enc text, id_bidx text, phone_enc text, phone_bidx text)
          WHERE c.id = v.id`);
      },
    );

    type UserRow = { id: string; phone_enc: string };
    const users = await pages<UserRow>(
      tx,
      (after) => sql`SELECT id::text AS id, phone_enc FROM users WHERE phone_enc IS NOT NULL AND id > ${after}::uuid ORDER BY id LIMIT ${PAGE}`,
      async (rows) => {
        const out = rows.map((r) => ({ id: r.id, phone_enc: encryptWith(to, open("用户", r.id, r.phone_enc)) }));
        await tx.execute(sql`UPDATE users u SET phone_enc = v.phone_enc
          FROM jsonb_to_recordset(${JSON.stringify(out)}::jsonb) AS v(id uuid, phone_enc text) WHERE u.id = v.id`);
      },
    );

    type TaskRow = { id: string; phone_enc: string };
    const tasks = await pages<TaskRow>(
      tx,
      (after) =>
        sql`SELECT id::text AS id, result->>'phoneEnc' AS phone_enc FROM case_tasks WHERE result ? 'phoneEnc' AND id > ${after}::uuid ORDER BY id LIMIT ${PAGE}`,
      async (rows) => {
        const out = rows.map((r) => ({ id: r.id, phone_enc: encryptWith(to, open("回访任务", r.id, r.phone_enc)) }));
        await tx.execute(sql`UPDATE case_tasks t SET result = t.result || jsonb_build_object('phoneEnc', v.phone_enc)
          FROM jsonb_to_recordset(${JSON.stringify(out)}::jsonb) AS v(id uuid, phone_enc text) WHERE t.id = v.id`);
      },
    );
    void tasks;

    // Inspections (issue 10): the object pool's contact phones (and their blind index), and the
    // secrets of announced draws not yet drawn (a drawn row is frozen; its secret is public then).
    type UnitRow = { id: string; phone_enc: string };
    await pages<UnitRow>(
      tx,
      (after) =>
        sql`SELECT id::text AS id, contact_phone_enc AS phone_enc FROM inspection_units WHERE contact_phone_enc IS NOT NULL AND id > ${after}::uuid ORDER BY id LIMIT ${PAGE}`,
      async (rows) => {
        const out = rows.map((r) => {
          const plain = open("检查对象", r.id, r.phone_enc);
          return { id: r.id, phone_enc: encryptWith(to, plain), phone_bidx: phoneIndex(plain, to) };
        });
        await tx.execute(sql`UPDATE inspection_units u SET contact_phone_enc = v.phone_enc, contact_phone_bidx = v.phone_bidx
          FROM jsonb_to_recordset(${JSON.stringify(out)}::jsonb) AS v(id uuid, phone_enc text, phone_bidx text) WHERE u.id = v.id`);
      },
    );
    type DrawRow = { id: string; secret_enc: string };
    await pages<DrawRow>(
      tx,
      (after) =>
        sql`SELECT id::text AS id, secret_enc FROM inspection_draws WHERE drawn_at IS NULL AND id > ${after}::uuid ORDER BY id LIMIT ${PAGE}`,
      async (rows) => {
        for (const r of rows) {
          await tx.execute(
            sql`UPDATE inspection_draws SET secret_enc = ${encryptWith(to, open("抽取", r.id, r.secret_enc))} WHERE id = ${r.id}::uuid`,
          );
        }
      },
    );

    await tx.execute(
      sql`INSERT INTO settings (key, value) VALUES (${KEY_ID_SETTING}, ${to.id}) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    );
    return { cases, users, values };
  });
}
