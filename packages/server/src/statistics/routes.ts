/**
 * 统计报表 API: the computed form, the records behind each number, exports, the reporting calendar
 * (submissions and corrections) and the dashboard (数据驾驶舱). Counting rules: docs/statistics.md;
 * the API and the mapping of case columns: docs/statistics-api.md.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../http/context";
import { statisticsExportContentTypes, ZComputedForm, ZDashboard, ZFormQuery, ZRecordsPage } from "@kuanyan/contract/statistics";
import { getForm } from "./getForm";
import { listRecords, ZRecordsQuery } from "./listRecords";
import { contentDisposition, exportForm } from "./exportForm";
import { registerReportRoutes } from "./reportRoutes";
import { getDashboard, ZDashboardQuery } from "./getDashboard";

const tags = ["统计报表"];

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/statistics/form",
    { schema: { tags, summary: "柔性执法统计报表（按期间和范围计算）", querystring: ZFormQuery, response: { 200: ZComputedForm } } },
    async (request) => getForm(ctx, request.auth, request.query),
  );

  app.get(
    "/api/v1/statistics/records",
    { schema: { tags, summary: "数字背后的记录（含文字记录）", querystring: ZRecordsQuery, response: { 200: ZRecordsPage } } },
    async (request) => listRecords(ctx, request.auth, request.query),
  );

  for (const format of ["xlsx", "pdf"] as const) {
    app.get(
      `/api/v1/statistics/form.${format}`,
      {
        config: { auditRead: { action: "export.downloaded", entityType: "statisticsForm", query: "organisationId" } },
        schema: {
          tags,
          summary: `导出统计报表（.${format}）`,
          description: `文件下载（${statisticsExportContentTypes[format]}）`,
          produces: [statisticsExportContentTypes[format]],
          querystring: ZFormQuery,
        },
      },
      async (request, reply) => {
        const out = await exportForm(ctx, request.auth, request.query, format);
        return reply
          .header("content-type", out.mime)
          .header("content-disposition", contentDisposition(out.fileName, out.fallback))
          .header("cache-control", "no-store")
          .send(out.body);
      },
    );
  }

  await registerReportRoutes(app, ctx);

  app.get(
    "/api/v1/statistics/dashboard",
    { schema: { tags, summary: "数据驾驶舱", querystring: ZDashboardQuery, response: { 200: ZDashboard } } },
    async (request) => getDashboard(ctx, request.auth, request.query),
  );
}
