import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { maskPhone, validateUnifiedSocialCreditCode } from "@kuanyan/domain/codes";
import { enforcementDomains, organisationChangeProblem, organisationKinds, rolesAllowed } from "@kuanyan/domain/organisations";
import { organisations, regions } from "../db/schema";
import { recordAudit } from "../audit/record";
import { loadOrgNodes, readScope, requireAuth, requireRole } from "../access";
import { AppError, forbidden, notFound, versionConflict } from "../http/errors";
import type { AppContext } from "../http/context";

export const ZOrganisation = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  domain: z.string(),
  kind: z.enum(organisationKinds),
  parentId: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
});

const ZOrgInput = z.object({
  name: z.string().trim().min(2).max(100).describe("单位名称"),
  shortName: z.string().trim().min(1).max(20).describe("单位简称（文书编号用）"),
  creditCode: z.string().trim().max(18).optional().describe("统一社会信用代码"),
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/, "应为 6 位或 9 位数字").describe("行政区划代码"),
  domain: z.enum(enforcementDomains).describe("执法领域"),
  kind: z.enum(organisationKinds).describe("单位类型"),
  parentId: z.uuid().optional().describe("上级单位"),
  contactPerson: z.string().trim().max(30).optional().describe("联系人"),
  contactPhone: z.string().trim().regex(/^[0-9-]{7,20}$/, "应为电话号码").optional().describe("联系电话"),
});

type OrgRow = typeof organisations.$inferSelect;

function present(o: OrgRow, regionName: string | null): z.infer<typeof ZOrganisation> {
  return {
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    creditCode: o.creditCode,
    regionCode: o.regionCode,
    regionName,
    domain: o.domain,
    kind: o.kind as z.infer<typeof ZOrganisation>["kind"],
    parentId: o.parentId,
    contactPerson: o.contactPerson,
    contactPhone: o.contactPhone ? maskPhone(o.contactPhone) : null,
    isDemo: o.isDemo,
    version: o.version,
  };
}

function checkCreditCode(code: string | undefined) {
  if (!code) return;
  const r = validateUnifiedSocialCreditCode(code);
  if (!r.ok) throw new AppError("validation_failed", r.error, [{ field: "creditCode", message: r.error }]);
}

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  const regionName = async (code: string) =>
    (await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code)))[0]?.name ?? null;

  const checkRegion = async (code: string) => {
    if (!(await regionName(code))) throw new AppError("validation_failed", "行政区划代码：不存在该区划", [{ field: "regionCode", message: "行政区划代码：不存在该区划" }]);
  };

  app.get(
    "/api/v1/organisations",
    { schema: { tags: ["组织机构"], summary: "可见的单位", response: { 200: z.object({ items: z.array(ZOrganisation) }) } } },
    async (request) => {
      const auth = requireAuth(request.auth);
      const scope = await readScope(db, auth);
      const rows = await db
        .select({ o: organisations, regionName: regions.name })
        .from(organisations)
        .leftJoin(regions, eq(regions.code, organisations.regionCode))
        .where(scope === "all" ? undefined : inArray(organisations.id, [...scope]))
        .orderBy(organisations.regionCode, organisations.name);
      return { items: rows.map((r) => present(r.o, r.regionName)) };
    },
  );

  app.post(
    "/api/v1/organisations",
    { schema: { tags: ["组织机构"], summary: "新建单位", body: ZOrgInput, response: { 201: ZOrganisation } } },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      requireRole(auth, rolesAllowed("organisation.create"), "新建单位");
      const input = request.body;
      // Parent inside the subtree, region inside the actor's region (authz: the domain's permission table).
      const problem = organisationChangeProblem(auth, await loadOrgNodes(db), undefined, { parentId: input.parentId ?? null, regionCode: input.regionCode });
      if (problem) throw forbidden(problem);
      checkCreditCode(input.creditCode);
      await checkRegion(input.regionCode);
      const created = await db.transaction(async (tx) => {
        const dup = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, input.name));
        if (dup.length) throw new AppError("conflict", `单位名称“${input.name}”已存在`);
        const [row] = await tx.insert(organisations).values({ ...input, parentId: input.parentId ?? null }).returning();
        await recordAudit(tx, auth, { action: "organisation.created", entityType: "organisation", entityId: row.id, organisationId: row.id, regionCode: row.regionCode, after: row });
        return row;
      });
      return reply.status(201).send(present(created, await regionName(created.regionCode)));
    },
  );

  app.patch(
    "/api/v1/organisations/:id",
    {
      schema: {
        tags: ["组织机构"],
        summary: "修改单位",
        params: z.object({ id: z.uuid().describe("单位") }),
        body: ZOrgInput.partial().extend({ version: z.number().int().min(1).describe("版本号") }),
        response: { 200: ZOrganisation },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      requireRole(auth, rolesAllowed("organisation.edit"), "修改单位信息");
      const { version, ...changes } = request.body;
      const [before] = await db.select().from(organisations).where(eq(organisations.id, request.params.id));
      if (!before) throw notFound("单位");
      // Only inside the subtree; region inside the actor's region; a move stays in the subtree, no cycle (authz).
      const after = { parentId: changes.parentId === undefined ? before.parentId : changes.parentId, regionCode: changes.regionCode ?? before.regionCode };
      const problem = organisationChangeProblem(auth, await loadOrgNodes(db), before, after);
      if (problem) throw forbidden(problem);
      checkCreditCode(changes.creditCode);
      if (changes.regionCode) await checkRegion(changes.regionCode);
      const updated = await db.transaction(async (tx) => {
        // A move checks again on the tree locked in this transaction: two concurrent moves cannot make a cycle.
        if (after.parentId !== before.parentId) {
          const nodes = await tx
            .select({ id: organisations.id, parentId: organisations.parentId, regionCode: organisations.regionCode, kind: organisations.kind })
            .from(organisations)
            .for("update");
          const again = organisationChangeProblem(auth, nodes, before, after);
          if (again) throw forbidden(again);
        }
        const rows = await tx
          .update(organisations)
          .set({ ...changes, version: version + 1, updatedAt: ctx.now() })
          .where(and(eq(organisations.id, before.id), eq(organisations.version, version)))
          .returning();
        if (!rows.length) throw versionConflict();
        await recordAudit(tx, auth, { action: "organisation.updated", entityType: "organisation", entityId: before.id, organisationId: before.id, regionCode: before.regionCode, before, after: rows[0] });
        return rows[0];
      });
      return present(updated, await regionName(updated.regionCode));
    },
  );
}
