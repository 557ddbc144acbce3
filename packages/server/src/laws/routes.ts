import { and, inArray, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { citationWithin, formatCitation, parseCitation, parseCitations, type Citation } from "@kuanyan/domain/laws";
import { listItems, listVersions, lists, organisations } from "../db/schema";
import type { DbOrTx } from "../db/client";
import { notFound } from "../http/errors";
import type { AppContext } from "../http/context";
import {
  ZCitationParseQuery,
  ZCitingItems,
  ZCitingQuery,
  ZLawDetail,
  ZLawList,
  ZLawParams,
  ZParsedCitations,
  ZProvisionSearch,
  ZProvisionSearchQuery,
} from "@kuanyan/contract/laws";
import { lawLibrary } from "./library";

const publicStatuses = ["published", "filed", "superseded", "repealed"];

/** List items of published (or once published) list versions that cite the provision or a part of it. */
export async function itemsCiting(db: DbOrTx, scope: Citation) {
  const rows = await db
    .select({
      itemId: listItems.id,
      seq: listItems.seq,
      matterName: listItems.matterName,
      basis: listItems.basis,
      listVersionId: listVersions.id,
      versionNo: listVersions.versionNo,
      status: listVersions.status,
      listId: lists.id,
      listTitle: listVersions.title,
      listType: lists.type,
      organisationName: organisations.name,
    })
    .from(listItems)
    .innerJoin(listVersions, sql`${listVersions.id} = ${listItems.listVersionId}`)
    .innerJoin(lists, sql`${lists.id} = ${listVersions.listId}`)
    .innerJoin(organisations, sql`${organisations.id} = ${lists.organisationId}`)
    .where(
      and(
        inArray(listVersions.status, publicStatuses),
        sql`${listItems.basis} @> ${JSON.stringify([{ law: scope.law, article: scope.article }])}::jsonb`,
      ),
    )
    .orderBy(organisations.name, listVersions.title, listVersions.versionNo, listItems.seq);
  return rows
    .filter((r) => (r.basis as Citation[]).some((c) => citationWithin(c, scope)))
    .map(({ basis, ...r }) => ({ ...r, citations: (basis as Citation[]).filter((c) => citationWithin(c, scope)).map(formatCitation) }));
}

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const pub = { access: "public" as const };

  app.get(
    "/api/v1/laws",
    { config: pub, schema: { tags: ["法律法规库"], summary: "法律法规目录（标题、版本日期、时效性）", response: { 200: ZLawList } } },
    async () => {
      const lib = lawLibrary();
      return {
        items: lib.laws.map((l) => ({
          id: l.id,
          title: l.title,
          shortTitle: l.shortTitle,
          versionDate: l.versionDate,
          status: l.status,
          chapters: l.chapters.length,
          articles: l.articles.at(-1)?.number ?? 0,
        })),
      };
    },
  );

  app.get(
    "/api/v1/laws/:id",
    {
      config: pub,
      schema: { tags: ["法律法规库"], summary: "一部法律法规的章节与条文", params: ZLawParams, response: { 200: ZLawDetail } },
    },
    async (request) => {
      const lib = lawLibrary();
      const law = lib.byId(request.params.id);
      if (!law) throw notFound("法律法规");
      const versions = lib.versions(law.title).map((v) => ({ id: v.id, versionDate: v.versionDate, status: v.status }));
      return { ...law, versions };
    },
  );

  app.get(
    "/api/v1/provisions/search",
    {
      config: pub,
      schema: {
        tags: ["法律法规库"],
        summary: "按文字或条号检索条文",
        querystring: ZProvisionSearchQuery,
        response: { 200: ZProvisionSearch },
      },
    },
    async (request) => {
      const { q, lawId, limit } = request.query;
      return { items: lawLibrary().search(q, { limit: limit ?? 20, ...(lawId ? { lawId } : {}) }) };
    },
  );

  app.get(
    "/api/v1/citations/parse",
    {
      config: pub,
      schema: {
        tags: ["法律法规库"],
        summary: "解析依据（如“《中华人民共和国行政处罚法》第三十三条第一款”），返回条文或中文错误",
        querystring: ZCitationParseQuery,
        response: { 200: ZParsedCitations },
      },
    },
    async (request) => {
      const lib = lawLibrary();
      const text = request.query.text;
      const single = parseCitation(text, { resolver: lib });
      const parsed = single.ok ? { citations: [single.citation], errors: [] as string[] } : parseCitations(text, { resolver: lib });
      const items = parsed.citations.map((citation) => {
        const r = lib.resolve(citation);
        return r.ok
          ? { ok: true, citation: r.provision.citation, formatted: formatCitation(citation), lawId: r.provision.law.id, text: r.provision.text }
          : { ok: false, citation, formatted: formatCitation(citation), error: r.error };
      });
      const errors = [...(single.ok || parsed.citations.length ? [] : [single.error]), ...parsed.errors];
      const unique = [...new Set(errors)];
      return { ok: unique.length === 0 && items.every((i) => i.ok), items, errors: unique };
    },
  );

  app.get(
    "/api/v1/laws/:id/citing",
    {
      config: pub,
      schema: {
        tags: ["法律法规库"],
        summary: "引用该条款的清单事项（已发布的清单）",
        params: ZLawParams,
        querystring: ZCitingQuery,
        response: { 200: ZCitingItems },
      },
    },
    async (request) => {
      const law = lawLibrary().byId(request.params.id);
      if (!law) throw notFound("法律法规");
      const { article, paragraph, item } = request.query;
      const scope: Citation = { law: law.title, article, ...(paragraph ? { paragraph } : {}), ...(item ? { item } : {}) };
      return { provision: formatCitation(scope), items: await itemsCiting(ctx.database.db, scope) };
    },
  );
}
