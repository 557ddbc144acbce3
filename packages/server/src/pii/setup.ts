/**
 * Start-up step for personal data (after the migrations): load the data key (keySource.ts), then
 * encrypt what the previous version kept in clear — party phones on cases, user phones — and compute
 * the blind indexes of ID numbers encrypted before indexes existed. Idempotent and batched: each batch
 * is one transaction, and a row is picked only while it still has a clear value (or lacks its index),
 * so a start interrupted half-way simply continues at the next start. No row is deleted.
 *
 * Nothing here changes what the statistics count (phones, indexes, the text of a follow-up's record), so
 * each batch sets kuanyan.defer_statistics for its transaction: the triggers of migration 0007 on
 * `measures` and `case_tasks` recount on any update, and the one on `cases` would only compare columns.
 */
import { maskPhone } from "@kuanyan/domain/codes";
import { sql } from "drizzle-orm";
import type { Config } from "../config";
import type { Database } from "../db/client";
import { decryptWith, encryptWith, installKeyring, type Keyring } from "./keyring";
import { resolveDataKey } from "./keySource";
import { idNumberIndex, phoneIndex } from "./values";

const BATCH = 500;

export async function preparePersonalData(database: Database, config: Config, log: (message: string) => void = () => undefined): Promise<Keyring> {
  const { keyring, notes } = await resolveDataKey(config, database);
  for (const n of notes) log(n);
  installKeyring(keyring);
  const done = await encryptClearValues(database, keyring);
  if (done.casePhones + done.userPhones + done.idIndexes + done.followUps + done.records > 0) {
    log(
      `已加密旧版本明文保存的电话号码：案件当事人 ${done.casePhones} 条、用户 ${done.userPhones} 条、回访登记 ${done.followUps} 条` +
        `（回访记录文字中的电话改为打码 ${done.records} 条）；补建身份证号码检索索引 ${done.idIndexes} 条。`,
    );
  }
  return keyring;
}

type Row = { id: string; v: string };

async function batches(
  database: Database,
  select: string,
  update: (rows: Row[]) => ReturnType<typeof sql>,
  transform: (r: Row) => Record<string, string | null>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('kuanyan.defer_statistics', 'on', true)`);
      const res = (await tx.execute(sql.raw(`${select} LIMIT ${BATCH} FOR UPDATE`))) as unknown as { rows: Row[] };
      if (!res.rows.length) return 0;
      const rows = res.rows.map((r) => ({ id: r.id, ...transform(r) }));
      await tx.execute(update(rows as unknown as Row[]));
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

export async function encryptClearValues(
  database: Database,
  k: Keyring,
): Promise<{ casePhones: number; userPhones: number; idIndexes: number; followUps: number; records: number }> {
  const casePhones = await batches(
    database,
    "SELECT id::text AS id, party_phone AS v FROM cases WHERE party_phone IS NOT NULL",
    (rows) => sql`UPDATE cases c SET party_phone_enc = v.enc, party_phone_masked = v.masked, party_phone_bidx = v.bidx, party_phone = NULL
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, enc text, masked text, bidx text) WHERE c.id = v.id`,
    (r) => {
      const p = r.v.trim();
      return p ? { enc: encryptWith(k, p), masked: maskPhone(p), bidx: phoneIndex(p, k) } : { enc: null, masked: null, bidx: null };
    },
  );
  const userPhones = await batches(
    database,
    "SELECT id::text AS id, phone AS v FROM users WHERE phone IS NOT NULL",
    (rows) => sql`UPDATE users u SET phone_enc = v.enc, phone_masked = v.masked, phone = NULL
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, enc text, masked text) WHERE u.id = v.id`,
    (r) => {
      const p = r.v.trim();
      return p ? { enc: encryptWith(k, p), masked: maskPhone(p) } : { enc: null, masked: null };
    },
  );
  // ID numbers were already encrypted ("v1:", with the key itself); they gain their blind index.
  const idIndexes = await batches(
    database,
    "SELECT id::text AS id, party_id_number_enc AS v FROM cases WHERE party_id_number_enc IS NOT NULL AND party_id_number_bidx IS NULL",
    (rows) => sql`UPDATE cases c SET party_id_number_bidx = v.bidx
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, bidx text) WHERE c.id = v.id`,
    (r) => ({ bidx: idNumberIndex(decryptWith(k, r.v), k) ?? "-" }),
  );
  // 回访 forms: the phone in the task's result is masked, its number kept encrypted beside it.
  const followUps = await batches(
    database,
    "SELECT id::text AS id, result->>'phone' AS v FROM case_tasks WHERE result ? 'phone' AND NOT result ? 'phoneEnc' AND jsonb_typeof(result->'phone') = 'string'",
    (
      rows,
    ) => sql`UPDATE case_tasks t SET result = CASE WHEN v.enc IS NULL THEN t.result - 'phone' ELSE t.result || jsonb_build_object('phone', v.masked, 'phoneEnc', v.enc) END
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, enc text, masked text) WHERE t.id = v.id`,
    (r) => {
      const p = r.v.trim();
      return p ? { enc: encryptWith(k, p), masked: maskPhone(p) } : { enc: null, masked: null };
    },
  );
  // Their written records (measures of a 回访) named the phone in clear: masked there.
  const records = await batches(
    database,
    "SELECT id::text AS id, written_record AS v FROM measures WHERE written_record ~ '联系电话：[0-9-]{7,}'",
    (rows) => sql`UPDATE measures m SET written_record = v.text
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, text text) WHERE m.id = v.id`,
    (r) => ({ text: r.v.replace(/联系电话：([0-9-]{7,})/g, (_m, p: string) => `联系电话：${maskPhone(p)}`) }),
  );
  return { casePhones, userPhones, idIndexes, followUps, records };
}
