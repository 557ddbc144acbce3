import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listTypes, type ListItem, type ListType } from "@kuanyan/domain/lists";
import { softMethods } from "@kuanyan/domain/measures";
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

const ZItem = z.object({
  seq: z.number().int().min(1).max(100000).describe("序号"),
  matterName: z.string().max(500).describe("事项名称"),
  matterCode: z.string().trim().max(40).optional().nullable().describe("事项编码"),
  circumstances: z.string().max(4000).describe("情形"),
  basisText: z.string().max(8000).describe("依据"),
  basis: z
    .array(z.object({ law: z.string().max(100), article: z.number().int().min(1), paragraph: z.number().int().min(1).optional(), item: z.number().int().min(1).optional() }))
    .optional()
    .describe("依据（结构化）"),
  measures: z.array(z.enum(softMethods)).max(20).describe("配套监管措施"),
  otherMeasures: z.array(z.string().trim().min(1).max(100)).max(20).default([]).describe("其他监管措施"),
  remarks: z.string().max(1000).optional().nullable().describe("备注"),
  conditions: z.array(z.record(z.string(), z.unknown())).max(30).default([]).describe("适用条件"),
});
type ZItemT = z.infer<typeof ZItem>;

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

const ZFile = {
  fileName: z.string().trim().min(1).max(200).describe("文件名"),
  contentBase64: z.string().min(1).max(2_700_000).describe("文件内容"),
};

function decode(b64: string): Buffer {
  return Buffer.from(b64, "base64");
}

const params = z.object({ id: z.uuid().describe("清单") });
const versionParams = z.object({ id: z.uuid().describe("清单"), no: z.coerce.number().int().min(1).describe("版本") });
const lock = z.number().int().min(1).optional().describe("版本号");

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
        querystring: z.object({ organisationId: z.uuid().optional().describe("单位") }),
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
        body: z.object({
          type: z.enum(listTypes).describe("清单类型"),
          title: z.string().trim().max(100).optional().describe("标题"),
          notes: z.string().max(4000).optional().describe("说明"),
        }),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      return reply.status(201).send(await createList(ctx, auth, request.body));
    },
  );

  app.get("/api/v1/lists/review-queue", { schema: { tags, summary: "待合法性审核的清单" } }, async (request) => {
    const auth = requireAuth(request.auth);
    requireRole(auth, ["legalReviewer", "orgAdmin", "sysAdmin"], "查看审核队列");
    return { items: await reviewQueue(db, auth, today(ctx)) };
  });

  app.get("/api/v1/lists/filings", { schema: { tags, summary: "备案情况（按期、逾期）" } }, async (request) => {
    const auth = requireAuth(request.auth);
    return filingBoard(db, auth, today(ctx));
  });

  app.get("/api/v1/lists/:id", { schema: { tags, summary: "清单及其各版本", params } }, async (request) => {
    const auth = requireAuth(request.auth);
    const loaded = await loadList(db, request.params.id);
    const latest = loaded.versions.at(-1)!;
    return versionDetail(db, auth, loaded.list.id, latest.versionNo, today(ctx));
  });

  app.get("/api/v1/lists/:id/versions/:no", { schema: { tags, summary: "清单的一个版本（事项、质量检查、条文）", params: versionParams } }, async (request) => {
    const auth = requireAuth(request.auth);
    return versionDetail(db, auth, request.params.id, request.params.no, today(ctx));
  });

  app.patch(
    "/api/v1/lists/:id/versions/:no",
    {
      schema: {
        tags,
        summary: "保存草稿（事项、标题、说明）；版本号过期时返回409",
        params: versionParams,
        body: z.object({
          lockVersion: z.number().int().min(1).describe("版本号"),
          title: z.string().trim().max(100).optional().describe("标题"),
          notes: z.string().max(4000).optional().describe("说明"),
          items: z.array(ZItem).max(5000).describe("事项"),
        }),
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
    run: (auth: NonNullable<ReturnType<typeof requireAuth>>, p: { id: string; no: number }, b: z.infer<B>) => Promise<unknown>,
  ) =>
    app.post(
      `/api/v1/lists/:id/versions/:no/${pathSuffix}`,
      { schema: { tags, summary, params: versionParams, body } },
      async (request) => run(requireAuth(request.auth), request.params, request.body as z.infer<B>),
    );

  action("submit", "提交合法性审核", z.object({ lockVersion: lock }), (auth, p, b) =>
    submitForReview(ctx, auth, { listId: p.id, versionNo: p.no, lockVersion: b.lockVersion }),
  );
  action("approve", "合法性审核通过", z.object({ lockVersion: lock, comments: z.string().max(2000).optional().describe("审核意见") }), (auth, p, b) =>
    approveList(ctx, auth, { listId: p.id, versionNo: p.no, comments: b.comments, lockVersion: b.lockVersion }),
  );
  action("return", "退回修改", z.object({ lockVersion: lock, comments: z.string().max(2000).describe("审核意见") }), (auth, p, b) =>
    returnList(ctx, auth, { listId: p.id, versionNo: p.no, comments: b.comments, lockVersion: b.lockVersion }),
  );
  action(
    "publish",
    "发布（质量检查有错误时不能发布，有提示时须说明理由）",
    z.object({
      lockVersion: lock,
      effectiveFrom: z.iso.date().optional().describe("施行日期"),
      warningReason: z.string().max(2000).optional().describe("仍予发布的理由"),
    }),
    (auth, p, b) => publishList(ctx, auth, { listId: p.id, versionNo: p.no, effectiveFrom: b.effectiveFrom, warningReason: b.warningReason, lockVersion: b.lockVersion }),
  );
  action("file", "报同级司法局备案", z.object({ lockVersion: lock, reference: z.string().max(100).optional().describe("备案文号") }), (auth, p, b) =>
    fileList(ctx, auth, { listId: p.id, versionNo: p.no, reference: b.reference, lockVersion: b.lockVersion }),
  );
  action("evaluations", "记录定期评估结果", z.object({ findings: z.string().max(4000).describe("评估结果") }), (auth, p, b) =>
    recordEvaluation(ctx, auth, { listId: p.id, versionNo: p.no, findings: b.findings }),
  );
  action("revise", "修订（以该版本为基础新建草稿版本）", z.object({}), (auth, p) => reviseList(ctx, auth, { listId: p.id, fromVersion: p.no }));
  action("claim", "认领上级部门的清单（记录所认领的版本）", z.object({}), (auth, p) => claimList(ctx, auth, { listId: p.id, versionNo: p.no }));

  app.post(
    "/api/v1/lists/:id/repeal",
    { schema: { tags, summary: "废止清单", params, body: z.object({ reason: z.string().max(2000).describe("废止理由") }) } },
    async (request) => repealList(ctx, requireAuth(request.auth), { listId: request.params.id, reason: request.body.reason }),
  );

  app.post(
    "/api/v1/lists/import/preview",
    {
      schema: {
        tags,
        summary: "导入预览（.xlsx / .docx，内容为 Base64）：逐行检查，不保存",
        body: z.object({ ...ZFile, type: z.enum(listTypes).optional().describe("清单类型") }),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      requireRole(auth, ["listManager"], "导入清单");
      // Parsed, presented and serialised in a worker thread within the upload limits (src/uploads).
      const json = await previewListFileJson(ctx.config, { fileName: request.body.fileName, content: decode(request.body.contentBase64) }, request.body.type);
      return reply.type("application/json; charset=utf-8").send(json);
    },
  );

  app.post(
    "/api/v1/lists/import",
    {
      schema: {
        tags,
        summary: "确认导入：全部行无误时才保存（新建清单或替换草稿的事项）",
        body: z.object({
          ...ZFile,
          type: z.enum(listTypes).optional().describe("清单类型"),
          title: z.string().trim().max(100).optional().describe("标题"),
          target: z
            .object({ listId: z.uuid().describe("清单"), versionNo: z.number().int().min(1).describe("版本"), lockVersion: z.number().int().min(1).describe("版本号") })
            .optional(),
        }),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const b = request.body;
      const result = await importList(ctx, auth, { fileName: b.fileName, content: decode(b.contentBase64), type: b.type, title: b.title, target: b.target });
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
        params: versionParams,
        querystring: z.object({ format: z.enum(["xlsx", "docx"]).default("xlsx").describe("格式") }),
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
        .header("content-type", format === "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
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
        querystring: z.object({ q: z.string().trim().max(100).optional().describe("事项名称") }),
      },
    },
    async (request) => publicLists(db, request.query.q, today(ctx)),
  );

}
