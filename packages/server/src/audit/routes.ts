import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { auditEvents, organisations } from "../db/schema";
import { readScope, requireAuth, requireRole } from "../access";
import type { AppContext } from "../http/context";

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/v1/audit",
    {
      schema: {
        tags: ["审计"],
        summary: "审计记录（全过程记录），按数据范围",
        querystring: z.object({
          entityType: z.string().max(40).optional().describe("对象类型"),
          entityId: z.string().max(64).optional().describe("对象"),
          limit: z.coerce.number().int().min(1).max(500).default(100).describe("条数"),
        }),
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      requireRole(auth, ["orgAdmin", "sysAdmin", "justiceSupervisor", "legalReviewer"], "查看审计记录");
      const scope = await readScope(ctx.database.db, auth);
      const conds: SQL[] = [];
      if (scope !== "all") conds.push(inArray(auditEvents.organisationId, [...scope]));
      if (request.query.entityType) conds.push(eq(auditEvents.entityType, request.query.entityType));
      if (request.query.entityId) conds.push(eq(auditEvents.entityId, request.query.entityId));
      const rows = await ctx.database.db
        .select({ e: auditEvents, organisationName: organisations.name })
        .from(auditEvents)
        .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
        .where(conds.length ? and(...conds) : undefined)
        .orderBy(desc(auditEvents.id))
        .limit(request.query.limit);
      return {
        items: rows.map(({ e, organisationName }) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorName: e.actorName,
          organisationName,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
        })),
      };
    },
  );
}
