import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  ZAnnounce,
  ZCertificateInput,
  ZChecklist,
  ZChecklistCopy,
  ZChecklistDraft,
  ZChecklistList,
  ZChecklistPublish,
  ZChecklistRevise,
  ZDraw,
  ZExclusion,
  ZExclusionInput,
  ZExclusionList,
  ZInspector,
  ZInspectorList,
  ZMatter,
  ZMatterInput,
  ZMatterList,
  ZMatterPublish,
  ZOrgQuery,
  ZPerform,
  ZPlan,
  ZPlanInput,
  ZPlanList,
  ZPublicDraw,
  ZPublicDrawList,
  ZPublicDrawsQuery,
  ZUnit,
  ZUnitFile,
  ZUnitHistory,
  ZUnitImportCommit,
  ZUnitImportPreview,
  ZUnitImportResult,
  ZUnitInput,
  ZUnitList,
  ZUnitUpdate,
  ZUnitsQuery,
} from "@kuanyan/contract/inspections";
import { requireAuth } from "../access";
import type { AppContext } from "../http/context";
import { today } from "../shared/clock";
import { copyChecklistFor, getChecklist, listChecklists, publishChecklistVersion, reviseChecklistRecord, saveChecklistDraft } from "./checklists";
import { announce, draw, drawPoolFile, getDraw } from "./draws";
import { exportUnits } from "./exportUnits";
import { commitUnitImport, previewUnitImport } from "./importUnits";
import { addExclusion, listExclusions, listInspectors, saveCertificate } from "./inspectors";
import { createMatter, listMatters, publishMatter } from "./matters";
import { createPlan, listPlans } from "./plans";
import { getPublicDraw, listPublicDraws, publicDrawResult, publicDrawResults, publicPoolFile } from "./publicDraws";
import { publicResultsCsv } from "./publicResults";
import { unitHistory } from "./unitHistory";
import { createUnit, listUnits, updateUnit } from "./units";

const ZId = z.object({ id: z.uuid() });
const ZChecklistId = z.object({ id: z.string().min(1).max(60).describe("检查表") });
const ZVersionParams = z.object({ id: z.string().min(1).max(60), no: z.coerce.number().int().min(1).max(10000) });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The pool file is sent byte for byte as frozen (its SHA-256 is the published one). */
function poolFileName(drawNo: string): string {
  return encodeURIComponent(`${drawNo.replace(/[\\/:*?"<>|]/g, "_")}-pool.json`);
}

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const tags = ["执法检查"];
  const orgOf = (auth: { organisationId: string }, q: { organisationId?: string }) => q.organisationId ?? auth.organisationId;

  // 检查对象名录库
  app.get(
    "/api/v1/inspections/units",
    { schema: { tags, summary: "检查对象名录库（联系人已遮蔽）", querystring: ZUnitsQuery, response: { 200: ZUnitList } } },
    async (request) => listUnits(db, requireAuth(request.auth), request.query),
  );
  app.post(
    "/api/v1/inspections/units",
    { schema: { tags, summary: "登记检查对象", body: ZUnitInput, response: { 201: ZUnit } } },
    async (request, reply) => reply.status(201).send(await createUnit(ctx, requireAuth(request.auth), request.body)),
  );
  app.get(
    "/api/v1/inspections/units/:id/history",
    {
      schema: {
        tags,
        summary: "单位档案：检查记录、隐患、案件（当事人统一社会信用代码相同）和柔性执法措施，仅限有权查看的单位的记录",
        params: ZId,
        response: { 200: ZUnitHistory },
      },
    },
    async (request) => unitHistory(ctx, requireAuth(request.auth), request.params.id),
  );
  app.patch(
    "/api/v1/inspections/units/:id",
    { schema: { tags, summary: "修改检查对象（统一社会信用代码不能修改）", params: ZId, body: ZUnitUpdate, response: { 200: ZUnit } } },
    async (request) => updateUnit(ctx, requireAuth(request.auth), request.params.id, request.body),
  );
  app.post(
    "/api/v1/inspections/units/import/preview",
    { schema: { tags, summary: "导入检查对象：预览（.xlsx，最多10000行，逐行校验）", body: ZUnitFile, response: { 200: ZUnitImportPreview } } },
    async (request) => previewUnitImport(ctx, requireAuth(request.auth), request.body),
  );
  app.post(
    "/api/v1/inspections/units/import",
    {
      schema: {
        tags,
        summary: "导入检查对象：提交预览过的文件（有错误行的文件不导入）",
        body: ZUnitImportCommit,
        response: { 200: ZUnitImportResult },
      },
    },
    async (request) => commitUnitImport(ctx, requireAuth(request.auth), request.body),
  );
  app.get(
    "/api/v1/inspections/units/export",
    {
      schema: {
        tags,
        summary: "导出检查对象名录库（.xlsx，导入模板的列）",
        description: "文件下载（application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）",
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        querystring: ZUnitsQuery,
      },
    },
    async (request, reply) => {
      const { buffer, fileName } = await exportUnits(ctx, requireAuth(request.auth), request.query);
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(buffer);
    },
  );

  // 执法检查人员名录库
  app.get(
    "/api/v1/inspections/inspectors",
    {
      schema: {
        tags,
        summary: "执法检查人员名录库（执法证、执法领域；不能参加抽取的写明原因）",
        querystring: ZOrgQuery,
        response: { 200: ZInspectorList },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      return listInspectors(ctx, auth, orgOf(auth, request.query));
    },
  );
  app.post(
    "/api/v1/inspections/inspectors/:id/certificate",
    { schema: { tags, summary: "登记或修改执法人员的行政执法证", params: ZId, body: ZCertificateInput, response: { 200: ZInspector } } },
    async (request) => saveCertificate(ctx, requireAuth(request.auth), request.params.id, request.body),
  );
  app.get(
    "/api/v1/inspections/exclusions",
    { schema: { tags, summary: "回避记录", querystring: ZOrgQuery, response: { 200: ZExclusionList } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      return listExclusions(ctx, auth, orgOf(auth, request.query));
    },
  );
  app.post(
    "/api/v1/inspections/exclusions",
    { schema: { tags, summary: "登记回避（执法人员 × 检查对象）", body: ZExclusionInput, response: { 201: ZExclusion } } },
    async (request, reply) => reply.status(201).send(await addExclusion(ctx, requireAuth(request.auth), request.body)),
  );

  // 检查表
  app.get(
    "/api/v1/inspections/checklists",
    { schema: { tags, summary: "本单位的检查表和随系统提供的起步检查表", querystring: ZOrgQuery, response: { 200: ZChecklistList } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      return listChecklists(ctx, auth, orgOf(auth, request.query));
    },
  );
  app.post(
    "/api/v1/inspections/checklists",
    {
      schema: {
        tags,
        summary: "复制检查表（起步检查表或其他单位已发布的检查表），得到第1版草稿",
        body: ZChecklistCopy,
        response: { 201: ZChecklist },
      },
    },
    async (request, reply) => reply.status(201).send(await copyChecklistFor(ctx, requireAuth(request.auth), request.body)),
  );
  app.get(
    "/api/v1/inspections/checklists/:id",
    { schema: { tags, summary: "检查表（全部版本和检查项）", params: ZChecklistId, response: { 200: ZChecklist } } },
    async (request) => getChecklist(ctx, requireAuth(request.auth), request.params.id),
  );
  app.patch(
    "/api/v1/inspections/checklists/:id/versions/:no",
    { schema: { tags, summary: "修改检查表草稿的检查项", params: ZVersionParams, body: ZChecklistDraft, response: { 200: ZChecklist } } },
    async (request) => saveChecklistDraft(ctx, requireAuth(request.auth), request.params.id, request.params.no, request.body),
  );
  app.post(
    "/api/v1/inspections/checklists/:id/publish",
    {
      schema: { tags, summary: "发布检查表（逐项核对依据和执法事项）", params: ZChecklistId, body: ZChecklistPublish, response: { 200: ZChecklist } },
    },
    async (request) => publishChecklistVersion(ctx, requireAuth(request.auth), request.params.id, request.body),
  );
  app.post(
    "/api/v1/inspections/checklists/:id/revise",
    { schema: { tags, summary: "修订检查表（新建草稿版本）", params: ZChecklistId, body: ZChecklistRevise, response: { 200: ZChecklist } } },
    async (request) => reviseChecklistRecord(ctx, requireAuth(request.auth), request.params.id, request.body),
  );

  // 抽查事项清单
  app.get(
    "/api/v1/inspections/matters",
    { schema: { tags, summary: "抽查事项清单", querystring: ZOrgQuery, response: { 200: ZMatterList } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      return listMatters(ctx, auth, orgOf(auth, request.query));
    },
  );
  app.post(
    "/api/v1/inspections/matters",
    { schema: { tags, summary: "新增抽查事项", body: ZMatterInput, response: { 201: ZMatter } } },
    async (request, reply) => reply.status(201).send(await createMatter(ctx, requireAuth(request.auth), request.body)),
  );
  app.post(
    "/api/v1/inspections/matters/:id/publish",
    { schema: { tags, summary: "发布抽查事项", params: ZId, body: ZMatterPublish, response: { 200: ZMatter } } },
    async (request) => publishMatter(ctx, requireAuth(request.auth), request.params.id, request.body),
  );

  // 抽查计划与抽取
  app.get(
    "/api/v1/inspections/plans",
    { schema: { tags, summary: "抽查计划及其抽取", querystring: ZOrgQuery, response: { 200: ZPlanList } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      return listPlans(ctx, auth, orgOf(auth, request.query));
    },
  );
  app.post(
    "/api/v1/inspections/plans",
    { schema: { tags, summary: "新建年度抽查计划", body: ZPlanInput, response: { 201: ZPlan } } },
    async (request, reply) => reply.status(201).send(await createPlan(ctx, requireAuth(request.auth), request.body)),
  );
  app.post(
    "/api/v1/inspections/draws",
    { schema: { tags, summary: "公告抽取：冻结底库，公布SHA-256、承诺值和公开随机数来源", body: ZAnnounce, response: { 201: ZDraw } } },
    async (request, reply) => reply.status(201).send(await announce(ctx, requireAuth(request.auth), request.body)),
  );
  app.get("/api/v1/inspections/draws/:id", { schema: { tags, summary: "抽取详情", params: ZId, response: { 200: ZDraw } } }, async (request) =>
    getDraw(ctx, requireAuth(request.auth), request.params.id),
  );
  app.post(
    "/api/v1/inspections/draws/:id/draw",
    {
      schema: {
        tags,
        summary: "抽取：录入公开随机数，公开服务器密钥，计算种子和抽取结果（只能进行一次）",
        params: ZId,
        body: ZPerform,
        response: { 200: ZDraw },
      },
    },
    async (request) => draw(ctx, requireAuth(request.auth), request.params.id, request.body),
  );
  app.get(
    "/api/v1/inspections/draws/:id/pool.json",
    {
      schema: {
        tags,
        summary: "抽取底库文件（冻结时的原文）",
        description: "文件下载（application/json，冻结时的原文字节）",
        produces: ["application/json"],
        params: ZId,
      },
    },
    async (request, reply) => {
      const row = await drawPoolFile(ctx, requireAuth(request.auth), request.params.id);
      return reply
        .header("content-type", "application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename*=UTF-8''${poolFileName(row.drawNo)}`)
        .send(Buffer.from(row.poolText, "utf8"));
    },
  );

  // 一公开 (no login)
  app.get(
    "/api/v1/public/inspections/draws",
    {
      config: { access: "public" },
      schema: { tags: ["公开"], summary: "公开：双随机抽取公告和结果，无需登录", querystring: ZPublicDrawsQuery, response: { 200: ZPublicDrawList } },
    },
    async (request) => listPublicDraws(db, request.query.organisationId),
  );
  app.get(
    "/api/v1/public/inspections/draws/:id",
    {
      config: { access: "public" },
      schema: { tags: ["公开"], summary: "公开：一次抽取的底库摘要、种子、抽取结果和检查结果", params: ZId, response: { 200: ZPublicDraw } },
    },
    async (request) => getPublicDraw(db, request.params.id, today(ctx)),
  );
  app.get(
    "/api/v1/public/inspections/draws/:id/results.csv",
    {
      config: { access: "public" },
      schema: {
        tags: ["公开"],
        summary: "公开：双随机抽查结果公示（CSV，无个人信息）",
        description: "文件下载（text/csv，UTF-8）",
        produces: ["text/csv"],
        params: ZId,
      },
    },
    async (request, reply) => {
      const { drawNo, results } = await publicDrawResults(db, request.params.id, today(ctx));
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(`${drawNo.replace(/[\\/:*?"<>|]/g, "_")}-results.csv`)}`)
        .send(publicResultsCsv(results));
    },
  );
  app.get(
    "/api/v1/public/inspections/draws/:id/pool.json",
    {
      config: { access: "public" },
      schema: {
        tags: ["公开"],
        summary: "公开：抽取底库文件（可用 scripts/verify-draw.mjs 重算）",
        description: "文件下载（application/json，冻结时的原文字节）",
        produces: ["application/json"],
        params: ZId,
      },
    },
    async (request, reply) => {
      const row = await publicPoolFile(db, request.params.id);
      return reply
        .header("content-type", "application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename*=UTF-8''${poolFileName(row.drawNo)}`)
        .send(Buffer.from(row.poolText, "utf8"));
    },
  );
  app.get(
    "/api/v1/public/inspections/draws/:id/draw.json",
    {
      config: { access: "public" },
      schema: {
        tags: ["公开"],
        summary: "公开：抽取结果文件（公开随机数、服务器密钥、种子和结果，供 scripts/verify-draw.mjs 核对）",
        description: "文件下载（application/json）",
        produces: ["application/json"],
        params: ZId,
      },
    },
    async (request, reply) => {
      const result = await publicDrawResult(db, request.params.id);
      return reply
        .header("content-type", "application/json; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(`${result.drawId.replace(/[\\/:*?"<>|]/g, "_")}-draw.json`)}`,
        )
        .send(JSON.stringify(result, null, 2));
    },
  );
}
