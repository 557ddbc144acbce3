import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../http/context";
import {
  ZBoardQuery,
  ZCorrectReport,
  ZReportDetail,
  ZReportIdParams,
  ZReportList,
  ZReportsQuery,
  ZReportSummary,
  ZSubmissionBoard,
  ZSubmitReport,
} from "@kuanyan/contract/statistics";
import { correctReport, getReport, listReports, submissionBoard, submitReport } from "./reports";

const tags = ["统计报表"];

export async function registerReportRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post(
    "/api/v1/statistics/reports",
    { schema: { tags, summary: "报送统计报表（冻结快照）", body: ZSubmitReport, response: { 201: ZReportSummary } } },
    async (request, reply) => reply.status(201).send(await submitReport(ctx, request.auth, request.body)),
  );
  app.post(
    "/api/v1/statistics/reports/corrections",
    { schema: { tags, summary: "更正已报送的统计报表（新版本）", body: ZCorrectReport, response: { 201: ZReportSummary } } },
    async (request, reply) => reply.status(201).send(await correctReport(ctx, request.auth, request.body)),
  );
  app.get(
    "/api/v1/statistics/reports",
    {
      schema: {
        tags,
        summary: "报送记录",
        querystring: ZReportsQuery,
        response: { 200: ZReportList },
      },
    },
    async (request) => ({ items: await listReports(ctx, request.auth, request.query) }),
  );
  app.get(
    "/api/v1/statistics/reports/board",
    { schema: { tags, summary: "报送情况（上级部门、司法局）", querystring: ZBoardQuery, response: { 200: ZSubmissionBoard } } },
    async (request) => submissionBoard(ctx, request.auth, request.query),
  );
  app.get(
    "/api/v1/statistics/reports/:id",
    { schema: { tags, summary: "已报送的报表（含冻结的记录清单）", params: ZReportIdParams, response: { 200: ZReportDetail } } },
    async (request) => getReport(ctx, request.auth, request.params.id),
  );
}
