/** 用户列表: the users of one organisation, or of every organisation the reader may see. */
import { eq, inArray } from "drizzle-orm";
import type { User } from "@kuanyan/contract/users";
import { organisations, users } from "../db/schema";
import { readScope, requireAccess } from "../access";
import type { AppContext, Auth } from "../http/context";
import { presentUser } from "./present";

export async function listUsers(ctx: AppContext, auth: Auth, query: { organisationId?: string }): Promise<{ items: User[] }> {
  const { db } = ctx.database;
  const { organisationId } = query;
  if (organisationId) await requireAccess(db, auth, { mode: "read", organisationId });
  const scope = await readScope(db, auth);
  const where = organisationId ? eq(users.organisationId, organisationId) : scope === "all" ? undefined : inArray(users.organisationId, [...scope]);
  const rows = await db
    .select({ u: users, orgName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where)
    .orderBy(organisations.name, users.username);
  return { items: rows.map((r) => presentUser(r.u, r.orgName, ctx.now())) };
}
