import fs from "node:fs";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { ZAuditList, ZAuditQuery, ZAuditVerification, ZCheckpointCreated, ZCheckpointFile, ZCheckpointList } from "@kuanyan/contract/audit";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { auditActionLabel, auditEntityTypeLabels } from "@kuanyan/domain/audit";
import { rolesAllowed } from "@kuanyan/domain/organisations";
import { DOCUMENT_TYPE_LABELS } from "@kuanyan/domain/documents";
import {
  auditEvents,
  cases,
  documents,
  documentTemplates,
  evidence,
  listClaims,
  listVersions,
  lists,
  organisations,
  statisticsReports,
  users,
} from "../db/schema";
import type { Db } from "../db/client";
import { readScope, requireAuth, requireRole } from "../access";
import type { AppContext } from "../http/context";
import { verifyChain } from "./chain";
import { checkpointFile, readCheckpoints, writeCheckpoint } from "./checkpoints";
import { installReadAudit } from "./reads";
import { today } from "../shared/clock";

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names instead of ids on the audit page: one query per kind of record on the page, by id.
 * Only names and numbers that the reader may see anyway (a case's number, not its party).
 */
async function entityNames(db: Db, rows: { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entityType === type && uuidRe.test(r.entityId)).map((r) => r.entityId))];
  const names = new Map<string, string>();
  const put = (type: string, id: string, name: string | null | undefined) => {
    if (name) names.set(`${type}:${id}`, name);
  };
  /** One query for the records of a kind on the page (none when the page has none), each named by `name`. */
  const lookup = async <R extends { id: string }>(
    type: string,
    query: (ids: string[]) => PromiseLike<R[]>,
    name: (r: R) => string | null | undefined,
  ) => {
    const list = ids(type);
    if (list.length) for (const r of await query(list)) put(type, r.id, name(r));
  };
  await lookup(
    "case",
    (idList) => db.select({ id: cases.id, no: cases.caseNo }).from(cases).where(inArray(cases.id, idList)),
    (r) => r.no,
  );
  await lookup(
    "user",
    (idList) => db.select({ id: users.id, name: users.displayName, username: users.username }).from(users).where(inArray(users.id, idList)),
    (r) => `${r.name}（${r.username}）`,
  );
  const orgIds = [...new Set([...ids("organisation"), ...ids("statisticsForm")])];
  if (orgIds.length)
    for (const r of await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, orgIds))) {
      put("organisation", r.id, r.name);
      put("statisticsForm", r.id, r.name);
    }
  await lookup(
    "list",
    (idList) => db.select({ id: lists.id, title: lists.title }).from(lists).where(inArray(lists.id, idList)),
    (r) => r.title,
  );
  await lookup(
    "list_version",
    (idList) =>
      db
        .select({ id: listVersions.id, title: listVersions.title, no: listVersions.versionNo })
        .from(listVersions)
        .where(inArray(listVersions.id, idList)),
    (r) => `${r.title}（第${r.no}版）`,
  );
  await lookup(
    "document",
    (idList) =>
      db.select({ id: documents.id, number: documents.number, code: documents.shortCode }).from(documents).where(inArray(documents.id, idList)),
    (r) => r.number || r.code,
  );
  await lookup(
    "evidence",
    (idList) =>
      db
        .select({ id: evidence.id, caseNo: cases.caseNo })
        .from(evidence)
        .innerJoin(cases, eq(cases.id, evidence.caseId))
        .where(inArray(evidence.id, idList)),
    (r) => `案件 ${r.caseNo} 的证据`,
  );
  await lookup(
    "list_claim",
    (idList) =>
      db
        .select({ id: listClaims.id, title: lists.title, org: organisations.name })
        .from(listClaims)
        .innerJoin(lists, eq(lists.id, listClaims.listId))
        .innerJoin(organisations, eq(organisations.id, listClaims.organisationId))
        .where(inArray(listClaims.id, idList)),
    (r) => `${r.org}认领《${r.title}》`,
  );
  await lookup(
    "document_template",
    (idList) =>
      db
        .select({ id: documentTemplates.id, type: documentTemplates.type, version: documentTemplates.version })
        .from(documentTemplates)
        .where(inArray(documentTemplates.id, idList)),
    (r) => `${(DOCUMENT_TYPE_LABELS as Record<string, string>)[r.type] ?? r.type}模板（第${r.version}版）`,
  );
  await lookup(
    "statistics_report",
    (idList) =>
      db
        .select({ id: statisticsReports.id, period: statisticsReports.periodKey, revision: statisticsReports.revision, org: organisations.name })
        .from(statisticsReports)
        .innerJoin(organisations, eq(organisations.id, statisticsReports.organisationId))
        .where(inArray(statisticsReports.id, idList)),
    (r) => `${r.org} ${r.period} 统计报表（第${r.revision}版）`,
  );
  for (const r of rows) if (r.entityType === "installation" && r.entityId === "demo") put("installation", r.entityId, "演示数据");
  return names;
}

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Registered first (modules load in folder order): the hook that audits reads of personal data.
  installReadAudit(root, ctx);

  app.get(
    "/api/v1/audit",
    {
      schema: {
        tags: ["审计"],
        summary: "审计记录（全过程记录），按数据范围",
        querystring: ZAuditQuery,
        response: { 200: ZAuditList },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      requireRole(auth, rolesAllowed("audit.read"), "查看审计记录");
      const scope = await readScope(ctx.database.db, auth);
      const conds: SQL[] = [];
      if (scope !== "all") conds.push(inArray(auditEvents.organisationId, [...scope]));
      if (request.query.entityType) conds.push(eq(auditEvents.entityType, request.query.entityType));
      if (request.query.entityId) conds.push(eq(auditEvents.entityId, request.query.entityId));
      const rows = await ctx.database.db
        .select({ e: auditEvents, organisationName: organisations.name, actorCurrentName: users.displayName })
        .from(auditEvents)
        .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(conds.length ? and(...conds) : undefined)
        .orderBy(desc(auditEvents.id))
        .limit(request.query.limit);
      const names = await entityNames(
        ctx.database.db,
        rows.map((r) => r.e),
      );
      return {
        items: rows.map(({ e, organisationName, actorCurrentName }) => ({
          id: e.id,
          seq: e.seq,
          at: e.at.toISOString(),
          // The name at the time of the event (kept in the event), else the user's name now.
          actorName: e.actorName ?? actorCurrentName ?? null,
          organisationName,
          action: e.action,
          actionLabel: auditActionLabel(e.action),
          entityType: e.entityType,
          entityTypeLabel: auditEntityTypeLabels[e.entityType] ?? e.entityType,
          entityId: e.entityId,
          entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null,
        })),
      };
    },
  );

  app.get(
    "/api/v1/audit/verify",
    {
      schema: { tags: ["审计"], summary: "校验审计哈希链（对照导出的检查点），报告第一个断点（系统管理员）", response: { 200: ZAuditVerification } },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      requireRole(auth, rolesAllowed("audit.verify"), "校验审计链");
      const file = checkpointFile(ctx.config.auditExportDir);
      const r = await verifyChain(ctx.database.db, readCheckpoints(file));
      return {
        ...r,
        message: r.ok
          ? `审计链完整：共 ${r.count} 条`
          : `审计链断裂：第 ${r.broken!.seq ?? "—"} 条（${r.broken!.at ?? "时间不详"}）：${r.broken!.problem}`,
      };
    },
  );

  app.get(
    "/api/v1/audit/checkpoints",
    { schema: { tags: ["审计"], summary: "已导出的审计检查点（系统管理员）", response: { 200: ZCheckpointList } } },
    async (request) => {
      requireRole(requireAuth(request.auth), rolesAllowed("audit.verify"), "查看审计检查点");
      const file = checkpointFile(ctx.config.auditExportDir);
      // Two processes (or an export on demand) may write the same checkpoint twice: list it once.
      const seen = new Set<string>();
      const items = readCheckpoints(file).filter((c) => !seen.has(`${c.seq}:${c.hash}`) && !!seen.add(`${c.seq}:${c.hash}`));
      return { file, every: ctx.config.auditCheckpointEvery, items: items.reverse() };
    },
  );

  app.get(
    "/api/v1/audit/checkpoints.jsonl",
    { schema: { tags: ["审计"], summary: "下载审计检查点文件（系统管理员）", response: { 200: ZCheckpointFile } } },
    async (request, reply) => {
      requireRole(requireAuth(request.auth), rolesAllowed("audit.verify"), "下载审计检查点");
      const file = checkpointFile(ctx.config.auditExportDir);
      // Sent as text with its own content type: Fastify does not serialise a string (the schema documents it).
      const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
      return reply
        .header("content-type", "application/x-ndjson; charset=utf-8")
        .header("content-disposition", `attachment; filename="audit-checkpoints-${today(ctx)}.jsonl"`)
        .header("cache-control", "no-store")
        .send(text);
    },
  );

  app.post(
    "/api/v1/audit/checkpoints",
    { schema: { tags: ["审计"], summary: "立即导出一个审计检查点（系统管理员）", response: { 201: ZCheckpointCreated } } },
    async (request, reply) => {
      requireRole(requireAuth(request.auth), rolesAllowed("audit.verify"), "导出审计检查点");
      const c = await writeCheckpoint(ctx.database.db, ctx.config.auditExportDir);
      return reply.status(201).send({ checkpoint: c });
    },
  );
}
