/**
 * Document numbers (编号): per organisation, per document type, per year, gap-free and never
 * duplicated. The counter row is incremented with one upsert inside the transaction that inserts the
 * document: concurrent issues queue on the row lock, and a failed issue rolls its number back.
 */
import { eq, sql } from "drizzle-orm";
import { DEFAULT_NUMBER_PATTERN, validateNumberPattern } from "@kuanyan/domain/documents";
import type { DbOrTx, Tx } from "../db/client";
import { counters, documentSettings } from "../db/schema";
import { recordAudit } from "../audit/record";
import { requireAccess } from "../access";
import { AppError, versionConflict } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { adminRoles } from "./shared";

export const counterKey = (organisationId: string, type: string, year: number) => `document:${organisationId}:${type}:${year}`;

/** The next sequence number (1, 2, 3 …) of the organisation's documents of a type in a year. */
export async function nextSequence(tx: Tx, organisationId: string, regionCode: string, type: string, year: number): Promise<number> {
  // INSERT … ON CONFLICT (key) DO UPDATE SET value = counters.value + 1 RETURNING value
  const [row] = await tx
    .insert(counters)
    .values({ key: counterKey(organisationId, type, year), regionCode, value: 1 })
    .onConflictDoUpdate({ target: counters.key, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return row.value;
}

export interface NumberSettings {
  numberPattern: string;
  version: number;
  /** True when the organisation has not set its own pattern (the default applies). */
  isDefault: boolean;
}

export async function numberSettings(db: DbOrTx, organisationId: string): Promise<NumberSettings> {
  const [row] = await db.select().from(documentSettings).where(eq(documentSettings.organisationId, organisationId));
  return row
    ? { numberPattern: row.numberPattern, version: row.version, isDefault: false }
    : { numberPattern: DEFAULT_NUMBER_PATTERN, version: 0, isDefault: true };
}

/** Sets the organisation's number pattern (optimistic locking: `version` as read, 0 when never set). */
export async function saveNumberPattern(
  ctx: AppContext,
  auth: Auth,
  input: { organisationId: string; regionCode: string; numberPattern: string; version: number },
): Promise<NumberSettings> {
  const errors = validateNumberPattern(input.numberPattern);
  if (errors.length) throw new AppError("validation_failed", errors.join("；"), [{ field: "numberPattern", message: errors.join("；") }]);
  return ctx.database.db.transaction(async (tx) => {
    await requireAccess(tx, auth, { mode: "write", organisationId: input.organisationId, roles: adminRoles, what: "设置文书编号格式" });
    const before = await numberSettings(tx, input.organisationId);
    if (before.version !== input.version) throw versionConflict();
    const values = { numberPattern: input.numberPattern, version: before.version + 1, updatedBy: auth.userId, updatedAt: ctx.now() };
    if (before.isDefault) {
      await tx.insert(documentSettings).values({ organisationId: input.organisationId, regionCode: input.regionCode, ...values });
    } else {
      await tx.update(documentSettings).set(values).where(eq(documentSettings.organisationId, input.organisationId));
    }
    await recordAudit(tx, auth, {
      action: "documents.number_pattern_set",
      entityType: "organisation",
      entityId: input.organisationId,
      organisationId: input.organisationId,
      regionCode: input.regionCode,
      before: { numberPattern: before.numberPattern },
      after: { numberPattern: input.numberPattern },
    });
    return { numberPattern: input.numberPattern, version: values.version, isDefault: false };
  });
}
