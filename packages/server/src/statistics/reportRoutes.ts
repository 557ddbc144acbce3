import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../http/context";
import { correctReport, getReport, listReports, reportKinds, submissionBoard, submitReport, ZBoardQuery, ZCorrectReport, ZSubmitReport } from "./reports";

const tags = ["统计报表"];

export async function registerReportRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post("/api/v1/statistics/reports", { schema: { tags, summary: "报送统计报表（冻结快照）", body: ZSubmitReport } }, async (request, reply) =>
    reply.status(201).send(await submitReport(ctx, request.auth, request.body)),
  );
  app.post("/api/v1/statistics/reports/corrections", { schema: { tags, summary: "更正已报送的统计报表（新版本）", body: ZCorrectReport } }, async (request, reply) =>
    reply.status(201).send(await correctReport(ctx, request.auth, request.body)),
  );
  app.get(
    "/api/v1/statistics/reports",
    {
      schema: {
        tags,
        summary: "报送记录",
        querystring: z.object({
          kind: z.enum(reportKinds).optional(),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          n: z.coerce.number().int().min(1).max(12).optional(),
          organisationId: z.uuid().optional(),
        }),
      },
    },
    async (request) => ({ items: await listReports(ctx, request.auth, request.query) }),
  );
  app.get("/api/v1/statistics/reports/board", { schema: { tags, summary: "报送情况（上级部门、司法局）", querystring: ZBoardQuery } }, async (request) =>
    submissionBoard(ctx, request.auth, request.query),
  );
  app.get("/api/v1/statistics/reports/:id", { schema: { tags, summary: "已报送的报表（含冻结的记录清单）", params: z.object({ id: z.uuid() }) } }, async (request) =>
    getReport(ctx, request.auth, request.params.id),
  );
}
