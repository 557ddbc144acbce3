/**
 * 检查对象档案 of a case: the pool unit whose 统一社会信用代码 is the party's (issue 10 item 1), among the
 * units the user may read (inspection.read and the data scope). Where several organisations keep the
 * same enterprise in their pools, the case's own organisation's entry comes first, then the others by name.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { readableOrganisations } from "@kuanyan/domain/organisations";
import { loadOrgNodes } from "../access";
import type { DbOrTx } from "../db/client";
import type { Auth } from "../http/context";
import { inspectionUnits } from "../inspections/schema";
import { permitted } from "../inspections/shared";
import type { CaseRow } from "./shared";

export async function poolUnitOf(
  db: DbOrTx,
  auth: Auth,
  c: Pick<CaseRow, "partyCreditCode" | "organisationId">,
): Promise<{ id: string; name: string } | null> {
  if (!c.partyCreditCode) return null;
  const nodes = await loadOrgNodes(db);
  const scope = readableOrganisations(auth, nodes);
  if (scope !== "all" && scope.size === 0) return null;
  const rows = await db
    .select({ id: inspectionUnits.id, name: inspectionUnits.name, organisationId: inspectionUnits.organisationId })
    .from(inspectionUnits)
    .where(and(eq(inspectionUnits.creditCode, c.partyCreditCode), scope === "all" ? undefined : inArray(inspectionUnits.organisationId, [...scope])))
    .orderBy(asc(inspectionUnits.name), asc(inspectionUnits.id));
  const readable = rows.filter((r) => permitted(auth, "inspection.read", r.organisationId, nodes));
  const unit = readable.find((r) => r.organisationId === c.organisationId) ?? readable[0];
  return unit ? { id: unit.id, name: unit.name } : null;
}
