/**
 * What the supervision read models share: the organisations in the user's data scope (src/access)
 * and the date the overview is taken on. This module only reads other modules' tables.
 */
import { ZAsOfQuery } from "@kuanyan/contract/supervision";
import { isIsoDate } from "@kuanyan/domain/dates";
import { readScope, inScope } from "../access";
import { organisations } from "../db/schema";
import type { DbOrTx } from "../db/client";
import type { AppContext, Auth } from "../http/context";
import { AppError } from "../http/errors";
import { today } from "../shared/clock";

export { ZAsOfQuery };

export interface ScopedOrganisation {
  id: string;
  name: string;
  kind: string;
  regionCode: string;
  parentId: string | null;
}

/** The organisations whose records the user may read, sorted by region code and name. */
export async function scopedOrganisations(db: DbOrTx, auth: Auth): Promise<ScopedOrganisation[]> {
  const scope = await readScope(db, auth);
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      regionCode: organisations.regionCode,
      parentId: organisations.parentId,
    })
    .from(organisations);
  return rows
    .filter((o) => inScope(scope, o.id))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, "zh-Hans-CN"));
}

/** The date the overview is taken on: `asOf` when given (not after today), otherwise today in China. */
export function resolveAsOf(ctx: AppContext, asOf: string | undefined): string {
  const now = today(ctx);
  if (asOf === undefined || asOf === "") return now;
  if (!isIsoDate(asOf)) throw new AppError("validation_failed", "截止日期格式应为 YYYY-MM-DD", [{ field: "asOf", message: "日期格式无效" }]);
  if (asOf > now) throw new AppError("validation_failed", "截止日期不能晚于今天", [{ field: "asOf", message: "不能晚于今天" }]);
  return asOf;
}
