import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Matter } from "@kuanyan/domain/matters";
import { matters } from "../db/schema";
import { notFound } from "../http/errors";
import type { AppContext } from "../http/context";
import { ZMatterCodeParams, ZMatterDetail, ZMatterList, ZMattersQuery } from "@kuanyan/contract/matters";
import { ensureMatters, loadMatters, presentMatter, suggestMatters } from "./catalogue";

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  app.get(
    "/api/v1/matters",
    {
      config: { access: "public" },
      schema: {
        tags: ["执法事项库"],
        summary: "执法事项：按白话描述推荐（q），不带 q 时列出全部",
        querystring: ZMattersQuery,
        response: { 200: ZMatterList },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      if (!q) return { items: (await loadMatters(db)).map((m) => presentMatter(m)) };
      return { items: await suggestMatters(db, q, limit ?? 10) };
    },
  );

  app.get(
    "/api/v1/matters/:code",
    {
      config: { access: "public" },
      schema: { tags: ["执法事项库"], summary: "一个执法事项", params: ZMatterCodeParams, response: { 200: ZMatterDetail } },
    },
    async (request) => {
      await ensureMatters(db);
      const [row] = await db.select().from(matters).where(eq(matters.code, request.params.code.toUpperCase()));
      if (!row) throw notFound("执法事项");
      return { ...presentMatter(row.data as Matter), externalBasis: (row.data as Matter).externalBasis ?? [] };
    },
  );
}
