import { eq } from "drizzle-orm";
import { z } from "zod";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { allowedDocumentPageActions, DOCUMENT_TYPE_LABELS, type DocumentType } from "@kuanyan/domain/documents";
import {
  ZCancelDocument,
  ZCompareInput,
  ZCompareResult,
  ZDocumentDetail,
  ZDocumentList,
  ZDocumentListQuery,
  ZDocumentParams,
  ZDocumentSettings,
  ZInlineQuery,
  ZIssuableCases,
  ZIssuableCasesQuery,
  ZIssueDocument,
  ZNumberPatternBody,
  ZNumberSettings,
  ZOrgQuery,
  ZPreviewBody,
  ZPreviewResult,
  ZRecordDelivery,
  ZSaveTemplateBody,
  ZSavedTemplate,
  ZSealUploaded,
  ZTemplateList,
  ZTemplatePreviewQuery,
  ZTemplateSummary,
  ZTemplateVersion,
  ZTypeParams,
  ZUploadSeal,
  ZVerification,
  ZVerifyParams,
} from "@kuanyan/contract/documents";
import { organisations, seals, deliveries } from "../db/schema";
import { loadOrgNodes } from "../access";
import { writableOrganisations } from "@kuanyan/domain/organisations";
import { requireAccess, requireAuth } from "../access";
import { AppError, notFound } from "../http/errors";
import type { AppContext } from "../http/context";
import { caseArchivePdf } from "./archive";
import { cancelDocument } from "./cancelDocument";
import { issueDocument } from "./issueDocument";
import { numberSettings, saveNumberPattern } from "./numbering";
import { getDocument, listDocuments, readDocument } from "./queries";
import { recordDelivery } from "./recordDelivery";
import { contentDisposition, downloadName, renderStoredDocx, renderStoredPdf } from "./shared";
import { getTemplate, getTemplateVersion, listTemplates, previewDocument, saveTemplateVersion } from "./templates";
import { uploadSeal } from "./uploadSeal";
import { issuableCases } from "./issuableCases";
import { sniffImage } from "./images";
import { compareDocument, verifyDocument } from "./verify";
import { publicUrlStatus, warnIfNoPublicUrl } from "./publicUrl";

const ZId = ZDocumentParams;
const tags = ["文书"];
/** Seal images (≤ 1 MB) and presented PDFs travel base64 in JSON. */
const uploadLimit = 8 * 1024 * 1024;

/** The address printed in the verification QR code: KUANYAN_PUBLIC_URL, else the request's own host. */
function baseUrlOf(ctx: AppContext, request: FastifyRequest): string {
  return ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

function sendFile(reply: FastifyReply, data: Buffer, mime: string, fileName: string, inline: boolean) {
  return reply
    .header("content-type", mime)
    .header("content-disposition", contentDisposition(fileName, inline))
    .header("cache-control", "private, no-store")
    .send(data);
}

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  warnIfNoPublicUrl(root.log, ctx.config);

  /** 签发 and 设置 for the organisation (the documents page's controls). */
  const pageActions = async (auth: ReturnType<typeof requireAuth>, organisationId: string) => {
    const writable = writableOrganisations(auth, await loadOrgNodes(db));
    return allowedDocumentPageActions({ roles: auth.roles, canWrite: writable === "all" || writable.has(organisationId) });
  };

  app.get(
    "/api/v1/documents",
    {
      schema: {
        tags,
        summary: "文书列表（本单位及可查看单位）",
        querystring: ZDocumentListQuery,
        response: { 200: ZDocumentList },
      },
    },
    async (request) => listDocuments(ctx, requireAuth(request.auth), request.query),
  );

  app.post(
    "/api/v1/documents",
    { schema: { tags, summary: "签发文书", body: ZIssueDocument, response: { 201: ZDocumentDetail } } },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const row = await issueDocument(ctx, auth, request.body, baseUrlOf(ctx, request));
      return reply.status(201).send(await getDocument(ctx, auth, row.id));
    },
  );

  app.post(
    "/api/v1/documents/preview",
    {
      schema: {
        tags,
        summary: "文书实时预览（案件数据、执法人员填写的内容或示例数据）",
        body: ZPreviewBody,
        response: { 200: ZPreviewResult },
      },
    },
    async (request) => previewDocument(ctx, requireAuth(request.auth), request.body),
  );

  app.get(
    "/api/v1/documents/templates",
    { schema: { tags, summary: "文书模板（本单位使用的版本）", querystring: ZOrgQuery, response: { 200: ZTemplateList } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      const items = await listTemplates(ctx, auth, request.query.organisationId);
      return { items, allowedActions: await pageActions(auth, request.query.organisationId ?? auth.organisationId) };
    },
  );

  app.get(
    "/api/v1/documents/templates/:type",
    { schema: { tags, summary: "某种文书的模板及版本", params: ZTypeParams, querystring: ZOrgQuery, response: { 200: ZTemplateSummary } } },
    async (request) => getTemplate(ctx, requireAuth(request.auth), request.params.type, request.query.organisationId),
  );

  app.get(
    "/api/v1/documents/templates/:type/preview",
    {
      schema: {
        tags,
        summary: "模板预览（按案件数据或示例数据填充）",
        params: ZTypeParams,
        querystring: ZTemplatePreviewQuery,
        response: { 200: ZPreviewResult },
      },
    },
    async (request) =>
      previewDocument(ctx, requireAuth(request.auth), {
        type: request.params.type,
        caseId: request.query.caseId,
        organisationId: request.query.organisationId,
        sample: request.query.sample === "1" || !request.query.caseId,
      }),
  );

  app.post(
    "/api/v1/documents/templates/:type",
    {
      schema: {
        tags,
        summary: "保存模板新版本（本单位）",
        params: ZTypeParams,
        body: ZSaveTemplateBody,
        response: { 201: ZSavedTemplate },
      },
    },
    async (request, reply) => reply.status(201).send(await saveTemplateVersion(ctx, requireAuth(request.auth), request.params.type, request.body)),
  );

  app.get(
    "/api/v1/documents/template-versions/:id",
    { schema: { tags, summary: "模板的某一版本", params: z.object({ id: z.uuid().describe("模板版本") }), response: { 200: ZTemplateVersion } } },
    async (request) => getTemplateVersion(ctx, requireAuth(request.auth), request.params.id),
  );

  app.get(
    "/api/v1/documents/settings",
    { schema: { tags, summary: "文书编号格式", querystring: ZOrgQuery, response: { 200: ZDocumentSettings } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      const organisationId = request.query.organisationId ?? auth.organisationId;
      await requireAccess(db, auth, { mode: "read", organisationId });
      const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
      const [seal] = await db.select({ mime: seals.mime, uploadedAt: seals.uploadedAt }).from(seals).where(eq(seals.organisationId, organisationId));
      return {
        organisationId,
        orgShort: org?.shortName ?? "",
        ...(await numberSettings(db, organisationId)),
        seal: seal ? { mime: seal.mime, uploadedAt: seal.uploadedAt.toISOString() } : null,
        publicUrl: publicUrlStatus(ctx.config, `${request.protocol}://${request.host}`),
        allowedActions: await pageActions(auth, organisationId),
      };
    },
  );

  app.patch(
    "/api/v1/documents/settings",
    {
      schema: {
        tags,
        summary: "设置文书编号格式",
        body: ZNumberPatternBody,
        response: { 200: ZNumberSettings },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      const organisationId = request.body.organisationId ?? auth.organisationId;
      const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
      if (!org) throw notFound("单位");
      return saveNumberPattern(ctx, auth, {
        organisationId,
        regionCode: org.regionCode,
        numberPattern: request.body.numberPattern,
        version: request.body.version,
      });
    },
  );

  app.post(
    "/api/v1/documents/seal",
    {
      bodyLimit: uploadLimit,
      schema: { tags, summary: "上传电子印章（PNG/JPEG，不超过 1 MB）", body: ZUploadSeal, response: { 201: ZSealUploaded } },
    },
    async (request, reply) => reply.status(201).send(await uploadSeal(ctx, requireAuth(request.auth), request.body)),
  );

  app.get(
    "/api/v1/documents/seal",
    {
      schema: {
        tags,
        summary: "电子印章图片",
        description: "文件下载（image/png 或 image/jpeg，按图片内容）",
        produces: ["image/png", "image/jpeg"],
        querystring: ZOrgQuery,
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const organisationId = request.query.organisationId ?? auth.organisationId;
      await requireAccess(db, auth, { mode: "read", organisationId });
      const [seal] = await db.select().from(seals).where(eq(seals.organisationId, organisationId));
      if (!seal) throw notFound("电子印章");
      return reply
        .header("content-type", sniffImage(seal.image) ?? "application/octet-stream")
        .header("content-disposition", "inline")
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("cache-control", "private, no-store")
        .send(seal.image);
    },
  );

  app.get(
    "/api/v1/documents/archive/:caseId",
    {
      config: { auditRead: { action: "archive.downloaded", entityType: "case", param: "caseId" } },
      schema: {
        tags,
        summary: "案卷 PDF（封面、目录、全部文书及送达记录）",
        description: "文件下载（application/pdf）",
        produces: ["application/pdf"],
        params: z.object({ caseId: z.uuid().describe("案件") }),
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await caseArchivePdf(ctx, requireAuth(request.auth), request.params.caseId);
      return sendFile(reply, pdf, "application/pdf", fileName, false);
    },
  );

  // Cases to issue documents for (read-only over the cases table): the issue form's case picker.
  app.get(
    "/api/v1/documents/cases",
    {
      schema: {
        tags,
        summary: "可签发文书的案件（本单位）",
        querystring: ZIssuableCasesQuery,
        response: { 200: ZIssuableCases },
      },
    },
    async (request) => issuableCases(ctx, requireAuth(request.auth), request.query),
  );

  app.get(
    "/api/v1/documents/:id",
    { schema: { tags, summary: "文书详情及送达记录", params: ZId, response: { 200: ZDocumentDetail } } },
    async (request) => getDocument(ctx, requireAuth(request.auth), request.params.id),
  );

  app.patch(
    "/api/v1/documents/:id",
    {
      schema: {
        tags,
        summary: "（不允许）修改已签发的文书",
        description: "始终拒绝（422）：已签发的文书不能修改，更正须签发更正文书或作废。",
        params: ZId,
      },
    },
    async (request) => {
      const d = await readDocument(ctx, requireAuth(request.auth), request.params.id);
      throw new AppError(
        "rule_violation",
        `文书${d.number || d.shortCode}已签发，不能修改；如需更正，请签发更正文书（原文书保留并标明已被取代），或将其作废`,
      );
    },
  );

  app.post(
    "/api/v1/documents/:id/cancel",
    { schema: { tags, summary: "作废文书（保留编号）", params: ZId, body: ZCancelDocument, response: { 200: ZDocumentDetail } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      await cancelDocument(ctx, auth, request.params.id, request.body);
      return getDocument(ctx, auth, request.params.id);
    },
  );

  app.get(
    "/api/v1/documents/:id/pdf",
    {
      config: { auditRead: { action: "document.downloaded", entityType: "document", param: "id" } },
      schema: {
        tags,
        summary: "下载 PDF（签发时冻结的文件；作废文书加“作废”标记）",
        description: "文件下载（application/pdf）",
        produces: ["application/pdf"],
        params: ZId,
        querystring: ZInlineQuery,
      },
    },
    async (request, reply) => {
      const d = await readDocument(ctx, requireAuth(request.auth), request.params.id);
      const pdf = d.status === "cancelled" ? await renderStoredPdf(db, d, { cancelled: true }) : d.pdf;
      const title = DOCUMENT_TYPE_LABELS[d.type as DocumentType] ?? d.type;
      return sendFile(reply, pdf, "application/pdf", downloadName(d, title, "pdf"), request.query.inline === "1");
    },
  );

  app.get(
    "/api/v1/documents/:id/docx",
    {
      config: { auditRead: { action: "document.downloaded", entityType: "document", param: "id" } },
      schema: {
        tags,
        summary: "下载 Word（按签发内容生成）",
        description: "文件下载（application/vnd.openxmlformats-officedocument.wordprocessingml.document）",
        produces: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        params: ZId,
      },
    },
    async (request, reply) => {
      const d = await readDocument(ctx, requireAuth(request.auth), request.params.id);
      const title = DOCUMENT_TYPE_LABELS[d.type as DocumentType] ?? d.type;
      return sendFile(reply, await renderStoredDocx(db, d), DOCX_MIME, downloadName(d, title, "docx"), false);
    },
  );

  app.post(
    "/api/v1/documents/:id/deliveries",
    {
      bodyLimit: uploadLimit,
      schema: { tags, summary: "记录送达（可附受送达人签名）", params: ZId, body: ZRecordDelivery, response: { 201: ZDocumentDetail } },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      await recordDelivery(ctx, auth, request.params.id, request.body);
      return reply.status(201).send(await getDocument(ctx, auth, request.params.id));
    },
  );

  app.get(
    "/api/v1/documents/:id/deliveries/:deliveryId/pdf",
    {
      config: { auditRead: { action: "document.downloaded", entityType: "document", param: "id" } },
      schema: {
        tags,
        summary: "下载送达签收件 PDF",
        description: "文件下载（application/pdf）",
        produces: ["application/pdf"],
        params: ZId.extend({ deliveryId: z.uuid().describe("送达记录") }),
        querystring: ZInlineQuery,
      },
    },
    async (request, reply) => {
      const d = await readDocument(ctx, requireAuth(request.auth), request.params.id);
      const [row] = await db.select().from(deliveries).where(eq(deliveries.id, request.params.deliveryId));
      if (!row || row.documentId !== d.id || !row.signedPdf) throw notFound("送达签收件");
      const title = `${DOCUMENT_TYPE_LABELS[d.type as DocumentType] ?? d.type}（送达签收件）`;
      return sendFile(reply, row.signedPdf, "application/pdf", downloadName(d, title, "pdf"), request.query.inline === "1");
    },
  );

  // Public verification: no login; never the party's personal data.
  const ZCode = ZVerifyParams;
  app.get(
    "/api/v1/public/verify/:shortCode",
    { config: { access: "public" }, schema: { tags: ["文书核验"], summary: "核验文书（公开）", params: ZCode, response: { 200: ZVerification } } },
    async (request) => verifyDocument(ctx, request.params.shortCode),
  );
  app.post(
    "/api/v1/public/verify/:shortCode",
    {
      config: { access: "public" },
      bodyLimit: uploadLimit,
      schema: {
        tags: ["文书核验"],
        summary: "上传文件比对是否被篡改（公开）",
        params: ZCode,
        body: ZCompareInput,
        response: { 200: ZCompareResult },
      },
    },
    async (request) => compareDocument(ctx, request.params.shortCode, request.body.contentBase64),
  );
}
