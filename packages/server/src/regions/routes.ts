import { eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZRegionList, ZRegionQuery } from "@kuanyan/contract/regions";
import { regions } from "../db/schema";
import type { AppContext } from "../http/context";

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/v1/regions",
    {
      config: { access: "public" },
      schema: {
        tags: ["行政区划"],
        summary: "下级行政区划（不带 parent 时为省级）",
        querystring: ZRegionQuery,
        response: { 200: ZRegionList },
      },
    },
    async (request) => {
      const { parent } = request.query;
      const rows = await ctx.database.db
        .select({ code: regions.code, name: regions.name, level: regions.level })
        .from(regions)
        .where(parent ? eq(regions.parentCode, parent) : isNull(regions.parentCode))
        .orderBy(regions.code);
      return { items: rows };
    },
  );
}
