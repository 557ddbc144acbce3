/** 隐患 HTTP routes (issue 10 §7, §8): thin — validate, call the use case, return. */
import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  ZFieldFigures,
  ZFiguresQuery,
  ZHazardClose,
  ZHazardDetail,
  ZHazardEvidenceUpload,
  ZHazardEvidenceUploaded,
  ZHazardList,
  ZHazardListQuery,
  ZHazardRectification,
  ZHazardReview,
} from "@kuanyan/contract/hazards";
import { requireAuth } from "../access";
import type { AppContext } from "../http/context";
import { notFound } from "../http/errors";
import { register as registerField } from "../inspections/field/routes";
import { actOnHazard, getHazard, hazardEvidenceFile, hazardFiguresOf, listHazards, uploadHazardEvidence } from "./service";

const ZId = z.object({ id: z.uuid().describe("隐患") });
const tags = ["隐患"];

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/hazards",
    {
      schema: {
        tags,
        summary: "隐患台账（筛选：单位、区划、状态、等级、逾期、年度、关键词；整改责任人遮蔽）",
        querystring: ZHazardListQuery,
        response: { 200: ZHazardList },
      },
    },
    async (request) => listHazards(ctx, requireAuth(request.auth), request.query),
  );
  app.get(
    "/api/v1/hazards/figures",
    {
      schema: {
        tags,
        summary: "隐患统计（发现、已整改、逾期、整改率；按单位和区划，每个数字可打开台账）",
        querystring: ZFiguresQuery,
        response: { 200: ZFieldFigures },
      },
    },
    async (request) => hazardFiguresOf(ctx, requireAuth(request.auth), request.query),
  );
  app.get(
    "/api/v1/hazards/:id",
    {
      config: { auditRead: { action: "hazard.viewed", entityType: "hazard", param: "id" } },
      schema: { tags, summary: "隐患详情（整改、复查、销号记录）", params: ZId, response: { 200: ZHazardDetail } },
    },
    async (request) => getHazard(ctx, requireAuth(request.auth), request.params.id),
  );
  app.get(
    "/api/v1/hazards/:id/evidence/:evidenceId",
    {
      config: { auditRead: { action: "hazard.evidence_downloaded", entityType: "hazard", param: "id" } },
      schema: {
        tags,
        summary: "下载整改证据",
        description: "文件下载（按文件内容识别的类型：图片 image/*、application/pdf 等；无法识别的为 application/octet-stream）",
        produces: ["application/octet-stream"],
        params: z.object({ id: z.uuid(), evidenceId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const row = await hazardEvidenceFile(ctx, requireAuth(request.auth), request.params.id, request.params.evidenceId);
      if (!row) throw notFound("整改证据");
      const disposition = row.mime.startsWith("image/") ? "inline" : "attachment";
      return reply
        .header("content-type", row.mime)
        .header("content-disposition", `${disposition}; filename="evidence-${row.sha256.slice(0, 12)}"`)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("x-content-sha256", row.sha256)
        .send(row.data);
    },
  );
  app.post(
    "/api/v1/hazards/:id/evidence",
    {
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary: "上传整改证据（照片、文件；≤10 MB，SHA-256）",
        params: ZId,
        body: ZHazardEvidenceUpload,
        response: { 200: ZHazardEvidenceUploaded },
      },
    },
    async (request) => uploadHazardEvidence(ctx, requireAuth(request.auth), request.params.id, request.body),
  );
  app.post(
    "/api/v1/hazards/:id/rectification",
    { schema: { tags, summary: "登记整改情况（须附整改证据）", params: ZId, body: ZHazardRectification, response: { 200: ZHazardDetail } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      await actOnHazard(ctx, auth, request.params.id, {
        type: "reportRectification",
        on: request.body.on,
        evidence: request.body.evidence,
        note: request.body.note,
      });
      return getHazard(ctx, auth, request.params.id);
    },
  );
  app.post(
    "/api/v1/hazards/:id/review",
    { schema: { tags, summary: "复查（合格；不合格须重新确定整改期限）", params: ZId, body: ZHazardReview, response: { 200: ZHazardDetail } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      await actOnHazard(ctx, auth, request.params.id, {
        type: "review",
        passed: request.body.passed,
        note: request.body.note,
        newDeadline: request.body.newDeadline,
      });
      return getHazard(ctx, auth, request.params.id);
    },
  );
  app.post(
    "/api/v1/hazards/:id/close",
    { schema: { tags, summary: "销号（复查合格且有整改证据）", params: ZId, body: ZHazardClose, response: { 200: ZHazardDetail } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      await actOnHazard(ctx, auth, request.params.id, { type: "close" });
      return getHazard(ctx, auth, request.params.id);
    },
  );

  // The inspection on site (inspections/field) registers its routes here, so the inspections
  // module's own routes.ts stays the other part's file.
  await registerField(app, ctx);
}
