import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type ListItem, type ListType } from "@kuanyan/domain/lists";
import {
  ZApproveBody,
  ZClaimResult,
  ZCreateListBody,
  ZCreateListResult,
  ZEvaluationBody,
  ZExportQuery,
  ZFileBody,
  ZFilingBoard,
  ZImportBody,
  ZImportPreview,
  ZImportPreviewBody,
  ZImportResult,
  ZListItemInput,
  ZListParams,
  ZMyLists,
  ZMyListsQuery,
  ZNoBody,
  ZPublicLists,
  ZPublicListsQuery,
  ZPublishBody,
  ZRepealBody,
  ZReturnBody,
  ZReviewQueue,
  ZSaveDraftBody,
  ZSaveDraftResult,
  ZSubmitBody,
  ZTransitionResult,
  ZVersionDetail,
  ZVersionParams,
} from "@kuanyan/contract/lists";
import { parseCitations } from "@kuanyan/domain/laws";
import { requireAuth, requireRole } from "../access";
import type { AppContext } from "../http/context";
import { lawLibrary } from "../laws/library";
import { today } from "../shared/clock";
import { createList } from "./createList";
import { saveDraft } from "./saveDraft";
import { submitForReview } from "./submitForReview";
import { approveList } from "./approveList";
import { returnList } from "./returnList";
import { publishList } from "./publishList";
import { fileList } from "./fileList";
import { recordEvaluation } from "./recordEvaluation";
import { reviseList } from "./reviseList";
import { repealList } from "./repealList";
import { claimList } from "./claimList";
import { importList } from "./importList";
import { previewListFileJson } from "../uploads";
import { exportDocx, exportXlsx } from "./exportList";
import { filingBoard, myLists, publicLists, reviewQueue, versionDetail } from "./queries";
import { loadList } from "./repository";

type ZItemT = z.infer<typeof ZListItemInput>;

/** Items as the editor sends them: 依据 is read from its text when no structured citations come along. */
function toItems(items: ZItemT[]): ListItem[] {
  const lib = lawLibrary();
  return items.map((i) => {
    const basis = i.basis ?? parseCitations(i.basisText, { resolver: lib }).citations;
    const item: ListItem = {
      seq: i.seq,
      matterName: i.matterName.trim(),
      circumstances: i.circumstances.trim(),
      basisText: i.basisText.trim(),
      basis,
      measures: i.measures,
      otherMeasures: i.otherMeasures,
      conditions: i.conditions as unknown as ListItem["conditions"],
    };
    if (i.matterCode) item.matterCode = i.matterCode.toUpperCase();
    if (i.remarks?.trim()) item.remarks = i.remarks.trim();
    return item;
  });
}

function decode(b64: string): Buffer {
  return Buffer.from(b64, "base64");
}

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const tags = ["清单"];

  app.get(
    "/api/v1/lists",
    {
      schema: {
        tags,
        summary: "本单位的清单、已认领的上级清单和可认领的上级清单",
        querystring: ZMyListsQuery,
        response: { 200: ZMyLists },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      return myLists(db, auth, request.query.organisationId ?? auth.organisationId, today(ctx));
    },
  );

  app.post(
    "/api/v1/lists",
    {
      schema: {
        tags,
        summary: "新建清单（第1版草稿）",
        body: ZCreateListBody,
        response: { 201: ZCreateListResult },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      return reply.status(201).send(await createList(ctx, auth, request.body));
    },
  );

  app.get("/api/v1/lists/review-queue", { schema: { tags, summary: "待合法性审核的清单", response: { 200: ZReviewQueue } } }, async (request) => {
    const auth = requireAuth(request.auth);
    requireRole(auth, ["legalReviewer", "orgAdmin", "sysAdmin"], "查看审核队列");
    return { items: await reviewQueue(db, auth, today(ctx)) };
  });

  app.get("/api/v1/lists/filings", { schema: { tags, summary: "备案情况（按期、逾期）", response: { 200: ZFilingBoard } } }, async (request) => {
    const auth = requireAuth(request.auth);
    return filingBoard(db, auth, today(ctx));
  });

  app.get(
    "/api/v1/lists/:id",
    { schema: { tags, summary: "清单及其各版本", params: ZListParams, response: { 200: ZVersionDetail } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      const loaded = await loadList(db, request.params.id);
      const latest = loaded.versions.at(-1)!;
      return versionDetail(db, auth, loaded.list.id, latest.versionNo, today(ctx));
    },
  );

  app.get(
    "/api/v1/lists/:id/versions/:no",
    { schema: { tags, summary: "清单的一个版本（事项、质量检查、条文）", params: ZVersionParams, response: { 200: ZVersionDetail } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      return versionDetail(db, auth, request.params.id, request.params.no, today(ctx));
    },
  );

  app.patch(
    "/api/v1/lists/:id/versions/:no",
    {
      schema: {
        tags,
        summary: "保存草稿（事项、标题、说明）；版本号过期时返回409",
        params: ZVersionParams,
        body: ZSaveDraftBody,
        response: { 200: ZSaveDraftResult },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      const { lockVersion, title, notes, items } = request.body;
      return saveDraft(ctx, auth, { listId: request.params.id, versionNo: request.params.no, lockVersion, title, notes, items: toItems(items) });
    },
  );

  const action = <B extends z.ZodObject>(
    pathSuffix: string,
    summary: string,
    body: B,
    run: (
      auth: NonNullable<ReturnType<typeof requireAuth>>,
      p: { id: string; no: number },
      b: z.infer<B>,
    ) => Promise<z.infer<typeof ZTransitionResult>>,
  ) =>
    app.post(
      `/api/v1/lists/:id/versions/:no/${pathSuffix}`,
      { schema: { tags, summary, params: ZVersionParams, body, response: { 200: ZTransitionResult } } },
      async (request) => run(requireAuth(request.auth), request.params, request.body as z.infer<B>),
    );

  action("submit", "提交合法性审核", ZSubmitBody, (auth, p, b) =>
    submitForReview(ctx, auth, { listId: p.id, versionNo: p.no, lockVersion: b.lockVersion }),
  );
  action("approve", "合法性审核通过", ZApproveBody, (auth, p, b) =>
    approveList(ctx, auth, { listId: p.id, versionNo: p.no, comments: b.comments, lockVersion: b.lockVersion }),
  );
  action("return", "退回修改", ZReturnBody, (auth, p, b) =>
    returnList(ctx, auth, { listId: p.id, versionNo: p.no, comments: b.comments, lockVersion: b.lockVersion }),
  );
  action("publish", "发布（质量检查有错误时不能发布，有提示时须说明理由）", ZPublishBody, (auth, p, b) =>
    publishList(ctx, auth, {
      listId: p.id,
      versionNo: p.no,
      effectiveFrom: b.effectiveFrom,
      warningReason: b.warningReason,
      lockVersion: b.lockVersion,
    }),
  );
  action("file", "报同级司法局备案", ZFileBody, (auth, p, b) =>
    fileList(ctx, auth, { listId: p.id, versionNo: p.no, reference: b.reference, lockVersion: b.lockVersion }),
  );
  action("evaluations", "记录定期评估结果", ZEvaluationBody, (auth, p, b) =>
    recordEvaluation(ctx, auth, { listId: p.id, versionNo: p.no, findings: b.findings }),
  );
  action("revise", "修订（以该版本为基础新建草稿版本）", ZNoBody, (auth, p) => reviseList(ctx, auth, { listId: p.id, fromVersion: p.no }));
  app.post(
    "/api/v1/lists/:id/versions/:no/claim",
    { schema: { tags, summary: "认领上级部门的清单（记录所认领的版本）", params: ZVersionParams, body: ZNoBody, response: { 200: ZClaimResult } } },
    async (request) => claimList(ctx, requireAuth(request.auth), { listId: request.params.id, versionNo: request.params.no }),
  );

  app.post(
    "/api/v1/lists/:id/repeal",
    { schema: { tags, summary: "废止清单", params: ZListParams, body: ZRepealBody, response: { 200: ZTransitionResult } } },
    async (request) => repealList(ctx, requireAuth(request.auth), { listId: request.params.id, reason: request.body.reason }),
  );

  app.post(
    "/api/v1/lists/import/preview",
    {
      schema: {
        tags,
        summary: "导入预览（.xlsx / .docx，内容为 Base64）：逐行检查，不保存",
        body: ZImportPreviewBody,
        // Documentation only: the worker sends the JSON text it serialised (a string is sent as is).
        response: { 200: ZImportPreview },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      requireRole(auth, ["listManager"], "导入清单");
      // Parsed, presented and serialised in a worker thread within the upload limits (src/uploads).
      const json = await previewListFileJson(
        ctx.config,
        { fileName: request.body.fileName, content: decode(request.body.contentBase64) },
        request.body.type,
      );
      // JSON text with a JSON content type is sent as is (not serialised again).
      return reply.type("application/json; charset=utf-8").send(json as never);
    },
  );

  app.post(
    "/api/v1/lists/import",
    {
      schema: {
        tags,
        summary: "确认导入：全部行无误时才保存（新建清单或替换草稿的事项）",
        body: ZImportBody,
        response: { 201: ZImportResult },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const b = request.body;
      const result = await importList(ctx, auth, {
        fileName: b.fileName,
        content: decode(b.contentBase64),
        type: b.type,
        title: b.title,
        target: b.target,
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/api/v1/lists/:id/versions/:no/export",
    {
      config: { auditRead: { action: "export.downloaded", entityType: "list", param: "id" } },
      schema: {
        tags,
        summary: "导出为附件格式（.xlsx / .docx）",
        description:
          "文件下载（application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 或 application/vnd.openxmlformats-officedocument.wordprocessingml.document，按 format）",
        produces: [
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ],
        params: ZVersionParams,
        querystring: ZExportQuery,
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const d = await versionDetail(db, auth, request.params.id, request.params.no, today(ctx));
      const loaded = await loadList(db, request.params.id);
      const items = loaded.record.versions.find((v) => v.version === request.params.no)!.items;
      const input = {
        title: d.version.title,
        type: d.list.type as ListType,
        organisationName: d.list.organisationName,
        contactPerson: d.list.contactPerson,
        contactPhone: d.list.contactPhone,
        notes: d.version.notes,
        items,
      };
      const format = request.query.format;
      const buffer = format === "docx" ? await exportDocx(input) : await exportXlsx(input);
      const name = encodeURIComponent(`${d.version.title}（第${d.version.versionNo}版）.${format}`);
      return reply
        .header(
          "content-type",
          format === "docx"
            ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        .header("content-disposition", `attachment; filename*=UTF-8''${name}`)
        .send(buffer);
    },
  );

  app.get(
    "/api/v1/public/lists",
    {
      config: { access: "public" },
      schema: {
        tags: ["公开"],
        summary: "公开：各单位现行有效的清单（可按事项名称检索），无需登录",
        querystring: ZPublicListsQuery,
        response: { 200: ZPublicLists },
      },
    },
    async (request) => publicLists(db, request.query.q, today(ctx)),
  );
}
