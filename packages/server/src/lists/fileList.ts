import { and, eq } from "drizzle-orm";
import { organisations } from "../db/schema";
import { AppError } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import type { DbOrTx } from "../db/client";
import { runTransition } from "./transition";

/** The 司法局 of the same level as an organisation (same region code), or undefined. */
export async function justiceBureauFor(db: DbOrTx, regionCode: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, "justice_bureau"), eq(organisations.regionCode, regionCode)))
    .limit(1);
  return row;
}

/** 报司法局备案: records the filing with the 司法局 of the same level (deadline: 15 days after publication). */
export function fileList(ctx: AppContext, auth: Auth, input: { listId: string; versionNo: number; reference?: string; lockVersion?: number }) {
  return runTransition(
    ctx,
    auth,
    { listId: input.listId, lockVersion: input.lockVersion, action: { type: "file", version: input.versionNo, filedWith: "" } },
    {
      async prepare(tx, loaded) {
        const bureau = await justiceBureauFor(tx, loaded.list.regionCode);
        if (!bureau) throw new AppError("rule_violation", "未找到同级司法行政部门，无法备案，请联系系统管理员添加");
        return { action: { type: "file", version: input.versionNo, filedWith: bureau.id, reference: input.reference } };
      },
    },
  );
}
