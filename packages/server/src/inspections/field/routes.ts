/**
 * The inspection on site, HTTP (issue 10 §6, §7). Registered by src/hazards/routes.ts (this folder
 * is not a module of its own). Thin: validate, call the use case, return the inspection as it is now.
 */
import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  ZCheckIn,
  ZCorrection,
  ZFieldInspection,
  ZMyDay,
  ZOpenCaseFromItem,
  ZOpenedCase,
  ZPhotoUpload,
  ZPhotoUploaded,
  ZRegisterHazard,
  ZSaveResult,
  ZSign,
  ZSubmit,
} from "@kuanyan/contract/hazards";
import { requireAuth } from "../../access";
import type { AppContext } from "../../http/context";
import { notFound } from "../../http/errors";
import { fieldInspection, myDay, photoFile, recordFile } from "./queries";
import { checkIn } from "./checkIn";
import { uploadPhoto } from "./uploadPhoto";
import { saveResult } from "./saveResult";
import { signInspection } from "./signInspection";
import { submitInspection } from "./submitInspection";
import { correctRecord } from "./correctRecord";
import { openCaseFromItem } from "./openCaseFromItem";
import { registerHazardFromItem } from "./registerHazardFromItem";

const tags = ["现场检查"];
const ZId = z.object({ id: z.uuid().describe("检查") });
const ZItem = z.object({ id: z.uuid().describe("检查"), itemId: z.string().trim().min(1).max(40).describe("检查项") });

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/field/today",
    { schema: { tags, summary: "今日检查：分配给我的检查（已抽取、检查中、逾期；今天已提交的）", response: { 200: ZMyDay } } },
    async (request) => myDay(ctx, requireAuth(request.auth)),
  );
  app.get(
    "/api/v1/field/inspections/:id",
    {
      config: { auditRead: { action: "inspection.viewed", entityType: "inspection", param: "id" } },
      schema: { tags, summary: "现场检查（检查表、结果、签名、记录）", params: ZId, response: { 200: ZFieldInspection } },
    },
    async (request) => fieldInspection(ctx, requireAuth(request.auth), request.params.id),
  );
  app.post(
    "/api/v1/field/inspections/:id/check-in",
    { schema: { tags, summary: "开始检查（签到；浏览器提供时记录位置）", params: ZId, body: ZCheckIn, response: { 200: ZFieldInspection } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      await checkIn(ctx, auth, request.params.id, request.body);
      return fieldInspection(ctx, auth, request.params.id);
    },
  );
  app.post(
    "/api/v1/field/inspections/:id/photos",
    {
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary: "上传现场照片（≤10 MB，SHA-256；同一照片只存一份）",
        params: ZId,
        body: ZPhotoUpload,
        response: { 200: ZPhotoUploaded },
      },
    },
    async (request) => uploadPhoto(ctx, requireAuth(request.auth), request.params.id, request.body),
  );
  app.get(
    "/api/v1/field/inspections/:id/photos/:sha256",
    {
      schema: {
        tags,
        summary: "查看现场照片",
        description: "文件下载（按照片内容：image/jpeg、image/png 等）",
        produces: ["image/jpeg", "image/png"],
        params: z.object({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
      },
    },
    async (request, reply) => {
      const row = await photoFile(ctx, requireAuth(request.auth), request.params.id, request.params.sha256);
      if (!row) throw notFound("照片");
      return reply
        .header("content-type", row.mime)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "sandbox; default-src 'none'")
        .send(row.data);
    },
  );
  app.put(
    "/api/v1/field/inspections/:id/results/:itemId",
    {
      schema: {
        tags,
        summary: "保存一个检查项的结果（幂等：同一幂等键重发不重复）",
        params: ZItem,
        body: ZSaveResult,
        response: { 200: ZFieldInspection },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      await saveResult(ctx, auth, request.params.id, request.params.itemId, request.body);
      return fieldInspection(ctx, auth, request.params.id);
    },
  );
  app.post(
    "/api/v1/field/inspections/:id/signatures",
    {
      bodyLimit: 3 * 1024 * 1024,
      schema: { tags, summary: "签名（执法人员本人；被检查单位签名或注明拒签）", params: ZId, body: ZSign, response: { 200: ZFieldInspection } },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      await signInspection(ctx, auth, request.params.id, request.body);
      return fieldInspection(ctx, auth, request.params.id);
    },
  );
  app.post(
    "/api/v1/field/inspections/:id/submit",
    { schema: { tags, summary: "提交现场检查记录（提交后锁定）", params: ZId, body: ZSubmit, response: { 200: ZFieldInspection } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      await submitInspection(ctx, auth, request.params.id);
      return fieldInspection(ctx, auth, request.params.id);
    },
  );
  app.post(
    "/api/v1/field/inspections/:id/corrections",
    {
      schema: {
        tags,
        summary: "更正已提交的现场检查记录（新记录取代原记录，两者均保留；更正后须重新签名、提交）",
        params: ZId,
        body: ZCorrection,
        response: { 200: ZFieldInspection },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      await correctRecord(ctx, auth, request.params.id, request.body);
      return fieldInspection(ctx, auth, request.params.id);
    },
  );
  for (const format of ["pdf", "docx"] as const) {
    app.get(
      `/api/v1/field/inspections/:id/record.${format}`,
      {
        config: { auditRead: { action: "inspection.record_downloaded", entityType: "inspection", param: "id" } },
        schema: {
          tags,
          summary: `下载现场检查记录（${format.toUpperCase()}）`,
          description: `文件下载（${format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}）`,
          produces: [format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
          params: ZId,
          querystring: z.object({ recordId: z.uuid().optional().describe("已被更正的原记录") }),
        },
      },
      async (request, reply) => {
        const file = await recordFile(ctx, requireAuth(request.auth), request.params.id, format, request.query.recordId);
        const mime = format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        return reply
          .header("content-type", mime)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(`现场检查记录-${file.recordNo}.${format}`)}`)
          .header("x-content-sha256", file.sha256)
          .send(file.data);
      },
    );
  }
  app.post(
    "/api/v1/field/inspections/:id/items/:itemId/case",
    {
      schema: {
        tags,
        summary: "由不符合的检查项立案（当事人、事项、违法事实、证据、执法人员预填；重大事故隐患带入情节）",
        params: ZItem,
        body: ZOpenCaseFromItem,
        response: { 200: ZOpenedCase },
      },
    },
    async (request) => openCaseFromItem(ctx, requireAuth(request.auth), request.params.id, request.params.itemId),
  );
  app.post(
    "/api/v1/hazards",
    {
      schema: {
        tags: ["隐患"],
        summary: "由不符合的检查项登记隐患（整改期限、整改责任人；同一检查项只登记一次）",
        body: ZRegisterHazard,
        response: { 200: z.object({ id: z.uuid(), created: z.boolean() }) },
      },
    },
    async (request) => registerHazardFromItem(ctx, requireAuth(request.auth), request.body),
  );
}
