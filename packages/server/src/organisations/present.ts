/** How an organisation row is answered (the contract's ZOrganisation), and the checks of its codes. */
import { eq } from "drizzle-orm";
import type { Organisation } from "@kuanyan/contract/organisations";
import { maskPhone, validateUnifiedSocialCreditCode } from "@kuanyan/domain/codes";
import type { OrganisationKind } from "@kuanyan/domain/organisations";
import type { DbOrTx } from "../db/client";
import { regions, type organisations } from "../db/schema";
import { AppError } from "../http/errors";

export type OrgRow = typeof organisations.$inferSelect;

export function presentOrganisation(o: OrgRow, regionName: string | null): Organisation {
  return {
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    creditCode: o.creditCode,
    regionCode: o.regionCode,
    regionName,
    domain: o.domain,
    kind: o.kind as OrganisationKind,
    parentId: o.parentId,
    contactPerson: o.contactPerson,
    contactPhone: o.contactPhone ? maskPhone(o.contactPhone) : null,
    isDemo: o.isDemo,
    version: o.version,
  };
}

export async function regionName(db: DbOrTx, code: string): Promise<string | null> {
  return (await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code)))[0]?.name ?? null;
}

export async function checkRegion(db: DbOrTx, code: string): Promise<void> {
  if (!(await regionName(db, code)))
    throw new AppError("validation_failed", "行政区划代码：不存在该区划", [{ field: "regionCode", message: "行政区划代码：不存在该区划" }]);
}

export function checkCreditCode(code: string | undefined): void {
  if (!code) return;
  const r = validateUnifiedSocialCreditCode(code);
  if (!r.ok) throw new AppError("validation_failed", r.error, [{ field: "creditCode", message: r.error }]);
}
