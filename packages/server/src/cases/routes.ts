/** 案件 HTTP routes: thin — validate, call the use case, return. */
import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireAuth } from "../access";
import type { AppContext } from "../http/context";
import { notFound } from "../http/errors";
import { loadMatterCatalogue } from "../decisions/loadDecisionContext";
import {
  ZCancelCase,
  ZCancelMeasure,
  ZCaseFile,
  ZCaseIdParam,
  ZCaseList,
  ZCaseListQuery,
  ZCloseCase,
  ZDecideCase,
  ZEvidenceParams,
  ZMatterOptions,
  ZOpenCase,
  ZOrderCorrection,
  ZOverdueBoard,
  ZPartyChoice,
  ZRecordFollowUp,
  ZRecordMeasure,
  ZReinspection,
  ZReopenCase,
  ZReviewCase,
  ZReviewQueue,
  ZScheduleFollowUp,
  ZSetRoute,
  ZTerminate,
  ZUploadEvidence,
  ZEvaluateCase,
} from "@kuanyan/contract/cases";
import { closeCase } from "./closeCase";
import { decideCase } from "./decideCase";
import { evaluateCase } from "./evaluateCase";
import { openCase } from "./openCase";
import { orderCorrection } from "./orderCorrection";
import { sniffFileType } from "./fileTypes";
import { caseFile, evidenceFile, getCase, overdueBoard, reviewQueue } from "./queries";
import { listCases } from "./caseList";
import { recordFollowUp } from "./recordFollowUp";
import { recordMeasure } from "./recordMeasure";
import { recordPartyChoice } from "./recordPartyChoice";
import { recordReinspection } from "./recordReinspection";
import { reopenCase } from "./reopenCase";
import { cancelCase } from "./cancelCase";
import { cancelMeasure } from "./cancelMeasure";
import { reviewCase } from "./reviewCase";
import { scheduleFollowUp } from "./scheduleFollowUp";
import { setRoute } from "./setRoute";
import { terminateSoftEnforcement } from "./terminateSoftEnforcement";
import { uploadEvidence } from "./uploadEvidence";
import { today } from "../shared/clock";

const tags = ["案件"];

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  app.get(
    "/api/v1/cases",
    {
      schema: {
        tags,
        summary: "案件列表（筛选：状态、处理结果、逾期、执法人员、关键词；按登记时间倒序，用 nextCursor 翻页）",
        querystring: ZCaseListQuery,
        response: { 200: ZCaseList },
      },
    },
    async (request) => listCases(ctx, requireAuth(request.auth), request.query),
  );
  // The same list with the filters in the body: the web uses it, so that a phone or ID number searched
  // for never appears in a URL (browser history, proxy and access logs).
  app.post(
    "/api/v1/cases/search",
    {
      schema: { tags, summary: "案件检索（条件放在请求体中；电话、身份证号按完整号码精确匹配）", body: ZCaseListQuery, response: { 200: ZCaseList } },
    },
    async (request) => listCases(ctx, requireAuth(request.auth), request.body),
  );
  app.get(
    "/api/v1/cases/review-queue",
    { schema: { tags, summary: "法制审核队列（普通程序待审核、疑难问题）", response: { 200: ZReviewQueue } } },
    async (request) => reviewQueue(ctx, requireAuth(request.auth)),
  );
  app.get(
    "/api/v1/cases/overdue",
    { schema: { tags, summary: "逾期看板（改正期限、复查、回访逾期）", response: { 200: ZOverdueBoard } } },
    async (request) => overdueBoard(ctx, requireAuth(request.auth)),
  );
  app.get(
    "/api/v1/cases/matter-options",
    { schema: { tags, summary: "可选执法事项（事项库）", response: { 200: ZMatterOptions } } },
    async (request) => {
      requireAuth(request.auth);
      const catalogue = await loadMatterCatalogue(db);
      return {
        items: [...catalogue.values()].map((m) => ({ code: m.code, name: m.name, keywords: m.keywords, fineRange: m.fineRange ?? null })),
      };
    },
  );
  app.get(
    "/api/v1/cases/:id",
    {
      config: { auditRead: { action: "case.viewed", entityType: "case", param: "id" } },
      schema: { tags, summary: "案件详情与案卷（证据、措施、任务、文书、全过程记录）", params: ZCaseIdParam, response: { 200: ZCaseFile } },
    },
    async (request) => getCase(ctx, requireAuth(request.auth), request.params.id),
  );
  app.get(
    "/api/v1/cases/:id/evidence/:evidenceId",
    {
      config: { auditRead: { action: "evidence.downloaded", entityType: "evidence", param: "evidenceId" } },
      schema: {
        tags,
        summary: "下载证据文件",
        description: "文件下载（按文件内容识别的类型：图片 image/*、application/pdf 等；无法识别的为 application/octet-stream）",
        produces: ["application/octet-stream"],
        params: ZEvidenceParams,
      },
    },
    async (request, reply) => {
      const row = await evidenceFile(ctx, requireAuth(request.auth), request.params.id, request.params.evidenceId);
      if (!row) throw notFound("证据文件");
      // Served as what its bytes are (sniffed again: rows stored before the content checks too);
      // images inline, anything else as a download; never sniffed by the browser, never run as a page.
      const mime = sniffFileType(row.data)?.mime ?? "application/octet-stream";
      const disposition = mime.startsWith("image/") ? "inline" : "attachment";
      return reply
        .header("content-type", mime)
        .header("content-disposition", `${disposition}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("x-content-sha256", row.sha256)
        .send(row.data);
    },
  );

  app.post("/api/v1/cases", { schema: { tags, summary: "登记案件", body: ZOpenCase, response: { 201: ZCaseFile } } }, async (request, reply) => {
    const auth = requireAuth(request.auth);
    const row = await openCase(ctx, auth, request.body);
    return reply.status(201).send(await caseFile(db, auth, row, today(ctx)));
  });

  const action = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    fn: (ctx: AppContext, auth: NonNullable<ReturnType<typeof requireAuth>>, id: string, input: z.infer<S>) => Promise<unknown>,
    options: { bodyLimit?: number } = {},
  ) =>
    app.post(
      `/api/v1/cases/:id/${path}`,
      { bodyLimit: options.bodyLimit, schema: { tags, summary, params: ZCaseIdParam, body, response: { 200: ZCaseFile } } },
      async (request) => {
        const auth = requireAuth(request.auth);
        await fn(ctx, auth, request.params.id, request.body as z.infer<S>);
        const c = await getCase(ctx, auth, request.params.id);
        return c;
      },
    );

  action("evidence", "上传证据（照片、文件；≤10 MB，按内容识别类型，SHA-256）", ZUploadEvidence, uploadEvidence, { bodyLimit: 15 * 1024 * 1024 });
  action("evaluate", "研判：决策引擎给出建议（理由、依据、待确认问题）", ZEvaluateCase, evaluateCase);
  action("decide", "作出处理决定：采纳建议，或书面说明理由后偏离", ZDecideCase, decideCase);
  action("party-choice", "记录当事人的选择（接受柔性执法或要求适用普通程序）", ZPartyChoice, recordPartyChoice);
  action("terminate", "终止柔性执法（舟山意见规定的情形）", ZTerminate, terminateSoftEnforcement);
  action("route", "选择办理程序（轻微告诫改正、简易程序、普通程序、案件移送、疑难问题）", ZSetRoute, setRoute);
  action("review", "法制审核（普通程序，作出决定前）", ZReviewCase, reviewCase);
  action("measures", "记录柔性执法措施（含书面记录）", ZRecordMeasure, recordMeasure);
  action("correction", "责令限期改正", ZOrderCorrection, orderCorrection);
  action("reinspection", "复查改正情况", ZReinspection, recordReinspection);
  action("follow-ups", "安排回访", ZScheduleFollowUp, scheduleFollowUp);
  action("follow-up-records", "记录回访（行政执法案件回访登记表）", ZRecordFollowUp, recordFollowUp);
  action("close", "办结归档（锁定）", ZCloseCase, closeCase);
  action("reopen", "重新打开（说明理由）", ZReopenCase, reopenCase);
  action("cancel", "撤销立案（作废，说明理由；法制审核人员或单位管理员）", ZCancelCase, cancelCase);
  action("measure-cancellations", "撤销误录的柔性执法措施（说明理由）", ZCancelMeasure, cancelMeasure);
}
