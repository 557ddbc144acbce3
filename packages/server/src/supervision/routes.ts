/**
 * 监督检查 API for 司法局监督人员 and superior departments: the overview per organisation (lists filed,
 * overdue corrections and follow-ups, departures from the engine's proposal, statistics reports) and
 * the departed decisions grouped by matter (同案不同罚). Read-only; every read is limited to the
 * user's data scope (src/access).
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../http/context";
import { ZAsOfQuery, ZDepartures, ZDeparturesQuery, ZOverview } from "@kuanyan/contract/supervision";
import { getOverview } from "./getOverview";
import { listDepartures } from "./listDepartures";

const tags = ["监督检查"];

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/supervision/overview",
    {
      schema: {
        tags,
        summary: "监督总览（按单位：清单备案、整改与回访逾期、偏离建议、统计报表报送）",
        querystring: ZAsOfQuery,
        response: { 200: ZOverview },
      },
    },
    async (request) => getOverview(ctx, request.auth, request.query),
  );

  app.get(
    "/api/v1/supervision/departures",
    {
      schema: {
        tags,
        summary: "偏离系统建议的处理决定（按事项分组，用于发现同案不同罚）",
        querystring: ZDeparturesQuery,
        response: { 200: ZDepartures },
      },
    },
    async (request) => listDepartures(ctx, request.auth, request.query),
  );
}
