/** Read models of the lists module: my lists, a version with resolved citations, the review queue, the 备案 board, public lists. */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { formatCitation, type Citation } from "@kuanyan/domain/laws";
import {
  allowedListCollectionActions,
  allowedListVersionActions,
  describeCondition,
  filingDeadline,
  filingStatus,
  filingStatusLabels,
  listTypeLabels,
  listVersionStatusLabels,
  type ListItem,
  type ListStatus,
  type ListType,
  type ListVersionAction,
  type ListVersionStatus,
  type QualityFinding,
} from "@kuanyan/domain/lists";
import { writableOrganisations, type OrgNode } from "@kuanyan/domain/organisations";
import { softMethodLabels } from "@kuanyan/domain/measures";
import { inScope, readScope, requireAccess } from "../access";
import type { DbOrTx } from "../db/client";
import { listClaims, listVersions, lists, organisations } from "../db/schema";
import { notFound } from "../http/errors";
import type { Auth } from "../http/context";
import { lawLibrary } from "../laws/library";
import { checkVersion } from "./quality";
import { listStatusOf, loadItems, loadList, type VersionRow } from "./repository";
import { isAncestor } from "./claimList";
import { loadOrgNodes } from "../access";

const publishedStatuses = ["published", "filed", "superseded", "repealed"];
const inForceStatuses = ["published", "filed"];

function versionSummary(v: VersionRow, today: string) {
  const fs = filingStatus({ publishedOn: v.publishedOn ?? undefined, filing: v.filedOn ? { filedOn: v.filedOn, filedWith: "" } : undefined }, today);
  return {
    id: v.id,
    versionNo: v.versionNo,
    status: v.status as ListVersionStatus,
    statusLabel: listVersionStatusLabels[v.status as keyof typeof listVersionStatusLabels] ?? v.status,
    title: v.title,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    publishedOn: v.publishedOn,
    filingDeadline: v.filingDeadline,
    filedOn: v.filedOn,
    filingStatus: fs,
    filingStatusLabel: filingStatusLabels[fs],
    lockVersion: v.lockVersion,
    errors: (v.quality as QualityFinding[]).filter((q) => q.severity === "error").length,
    warnings: (v.quality as QualityFinding[]).filter((q) => q.severity === "warning").length,
  };
}

/** What the user's roles and data scope allow on the lists of any organisation (computed once per request). */
export interface ActionScope {
  auth: Auth;
  nodes: OrgNode[];
  writable: "all" | Set<string>;
  /** Version ids the user's organisation has claimed (active claims). */
  claimedVersionIds: Set<string>;
}

export async function actionScope(db: DbOrTx, auth: Auth): Promise<ActionScope> {
  const nodes = await loadOrgNodes(db);
  const claims = await db
    .select({ versionId: listClaims.listVersionId })
    .from(listClaims)
    .where(and(eq(listClaims.organisationId, auth.organisationId), eq(listClaims.active, true)));
  return { auth, nodes, writable: writableOrganisations(auth, nodes), claimedVersionIds: new Set(claims.map((c) => c.versionId)) };
}

/** The actions the user may take now on one version of a list owned by `organisationId`. */
export function versionActions(
  scope: ActionScope,
  list: { organisationId: string },
  version: Pick<VersionRow, "id" | "status">,
  allVersions: readonly Pick<VersionRow, "status">[],
): ListVersionAction[] {
  const { auth } = scope;
  return allowedListVersionActions({
    listStatus: listStatusOf(allVersions) as ListStatus,
    status: version.status as ListVersionStatus,
    versionStatuses: allVersions.map((v) => v.status as ListVersionStatus),
    roles: auth.roles,
    canWrite: scope.writable === "all" || scope.writable.has(list.organisationId),
    ownerIsSuperior: list.organisationId !== auth.organisationId && isAncestor(scope.nodes, list.organisationId, auth.organisationId),
    claimed: scope.claimedVersionIds.has(version.id),
  });
}

/**
 * The lists an organisation works with: its own (every version), the superiors' lists it has
 * claimed (with the claimed version), and the superiors' lists in force it could claim.
 */
export async function myLists(db: DbOrTx, auth: Auth, organisationId: string, today: string) {
  await requireAccess(db, auth, { mode: "read", organisationId });
  const ownLists = await db.select().from(lists).where(eq(lists.organisationId, organisationId)).orderBy(asc(lists.createdAt));
  const versions = ownLists.length
    ? await db
        .select()
        .from(listVersions)
        .where(
          inArray(
            listVersions.listId,
            ownLists.map((l) => l.id),
          ),
        )
        .orderBy(asc(listVersions.versionNo))
    : [];
  const scope = await actionScope(db, auth);
  const own = ownLists.map((l) => {
    const vs = versions.filter((v) => v.listId === l.id);
    const latest = vs.at(-1);
    return {
      id: l.id,
      type: l.type as ListType,
      typeLabel: listTypeLabels[l.type as ListType],
      title: latest?.title ?? l.title,
      organisationId: l.organisationId,
      versions: vs.map((v) => versionSummary(v, today)),
      /** What the user may do with the latest version. */
      allowedActions: latest ? versionActions(scope, l, latest, vs) : [],
    };
  });

  const claims = await db
    .select({ c: listClaims, v: listVersions, l: lists, orgName: organisations.name })
    .from(listClaims)
    .innerJoin(listVersions, eq(listVersions.id, listClaims.listVersionId))
    .innerJoin(lists, eq(lists.id, listClaims.listId))
    .innerJoin(organisations, eq(organisations.id, lists.organisationId))
    .where(and(eq(listClaims.organisationId, organisationId), eq(listClaims.active, true)));

  const nodes = scope.nodes;
  const superiors = nodes.filter((n) => isAncestor(nodes, n.id, organisationId)).map((n) => n.id);
  const claimable = superiors.length
    ? await db
        .select({ v: listVersions, l: lists, orgName: organisations.name })
        .from(listVersions)
        .innerJoin(lists, eq(lists.id, listVersions.listId))
        .innerJoin(organisations, eq(organisations.id, lists.organisationId))
        .where(and(inArray(lists.organisationId, superiors), inArray(listVersions.status, inForceStatuses)))
        .orderBy(asc(lists.createdAt))
    : [];
  // The versions of the superiors' lists, to know whether a list is repealed and a version may be claimed.
  const superiorListIds = [...new Set([...claims.map((r) => r.l.id), ...claimable.map((x) => x.l.id)])];
  const superiorVersions = superiorListIds.length
    ? await db
        .select({ listId: listVersions.listId, status: listVersions.status })
        .from(listVersions)
        .where(inArray(listVersions.listId, superiorListIds))
    : [];
  const versionsOf = (listId: string) => superiorVersions.filter((v) => v.listId === listId);
  const writable = scope.writable === "all" || scope.writable.has(organisationId);
  return {
    /** What the user may do on this page: 新建/导入 a list, the 法制审核 queue. */
    allowedActions: allowedListCollectionActions({ roles: auth.roles, canWrite: writable }),
    own,
    claimed: claims.map((r) => ({
      claimId: r.c.id,
      claimedOn: r.c.claimedOn,
      listId: r.l.id,
      type: r.l.type as ListType,
      typeLabel: listTypeLabels[r.l.type as ListType],
      organisationName: r.orgName,
      version: versionSummary(r.v, today),
      // A newer version of the claimed list is in force: the claim should be renewed.
      newerVersionNo: claimable.find((x) => x.l.id === r.l.id && x.v.versionNo > r.v.versionNo)?.v.versionNo ?? null,
      allowedActions: versionActions(scope, r.l, r.v, versionsOf(r.l.id)),
    })),
    claimable: claimable
      .filter((x) => !claims.some((c) => c.v.id === x.v.id))
      .map((x) => ({
        listId: x.l.id,
        type: x.l.type as ListType,
        typeLabel: listTypeLabels[x.l.type as ListType],
        organisationName: x.orgName,
        version: versionSummary(x.v, today),
        allowedActions: versionActions(scope, x.l, x.v, versionsOf(x.l.id)),
      })),
  };
}

export function presentItem(item: ListItem) {
  const lib = lawLibrary();
  return {
    ...item,
    matterCode: item.matterCode ?? "",
    remarks: item.remarks ?? "",
    measureLabels: [...item.measures.map((m) => softMethodLabels[m]), ...item.otherMeasures],
    conditionTexts: item.conditions.map(describeCondition),
    citations: item.basis.map((c: Citation) => {
      const r = lib.resolve(c);
      return r.ok
        ? { citation: c, label: formatCitation(c), ok: true, lawId: r.provision.law.id, text: r.provision.text }
        : { citation: c, label: formatCitation(c), ok: false, error: r.error };
    }),
  };
}

/** One version with its items (citations resolved to provision text), quality results, reviews and evaluations. */
export async function versionDetail(db: DbOrTx, auth: Auth, listId: string, versionNo: number, today: string) {
  const loaded = await loadList(db, listId);
  const row = loaded.versions.find((v) => v.versionNo === versionNo);
  if (!row) throw notFound(`清单第${versionNo}版`);
  // Published versions are public; drafts only for the organisation's data scope.
  if (!publishedStatuses.includes(row.status)) await requireAccess(db, auth, { mode: "read", organisationId: loaded.list.organisationId });
  const version = loaded.record.versions.find((v) => v.version === versionNo)!;
  const editable = ["draft", "legal_review", "approved"].includes(row.status);
  const quality = editable
    ? await checkVersion(db, {
        listId,
        organisationId: loaded.list.organisationId,
        type: loaded.list.type as ListType,
        title: row.title,
        versionNo,
        items: version.items,
      })
    : (row.quality as QualityFinding[]);
  const [org] = await db.select().from(organisations).where(eq(organisations.id, loaded.list.organisationId));
  const bureau = row.filedWithId ? (await db.select().from(organisations).where(eq(organisations.id, row.filedWithId)))[0] : undefined;
  const scope = await actionScope(db, auth);
  return {
    /** What the user may do with this version now (the web shows exactly these controls). */
    allowedActions: versionActions(scope, loaded.list, row, loaded.versions),
    list: {
      id: loaded.list.id,
      type: loaded.list.type as ListType,
      typeLabel: listTypeLabels[loaded.list.type as ListType],
      organisationId: loaded.list.organisationId,
      organisationName: org?.name ?? "",
      contactPerson: org?.contactPerson ?? "",
      contactPhone: org?.contactPhone ?? "",
      status: loaded.record.list.status,
    },
    versions: loaded.versions.map((v) => versionSummary(v, today)),
    version: {
      ...versionSummary(row, today),
      notes: row.notes,
      reviews: version.reviews,
      evaluations: version.evaluations,
      warningReason: row.warningReason,
      repealReason: row.repealReason,
      filedWithName: bureau?.name ?? null,
      quality,
      items: version.items.map(presentItem),
    },
  };
}

/** 法制审核 queue: versions awaiting 合法性审核 in the organisations the user may write. */
export async function reviewQueue(db: DbOrTx, auth: Auth, today: string) {
  const scope = await readScope(db, auth);
  const rows = await db
    .select({ v: listVersions, l: lists, orgName: organisations.name })
    .from(listVersions)
    .innerJoin(lists, eq(lists.id, listVersions.listId))
    .innerJoin(organisations, eq(organisations.id, lists.organisationId))
    .where(eq(listVersions.status, "legal_review"))
    .orderBy(asc(listVersions.updatedAt));
  const actions = await actionScope(db, auth);
  return rows
    .filter((r) => inScope(scope, r.l.organisationId))
    .map((r) => ({
      listId: r.l.id,
      type: r.l.type as ListType,
      typeLabel: listTypeLabels[r.l.type as ListType],
      organisationName: r.orgName,
      ...versionSummary(r.v, today),
      // A version under review is the list's only open one: its own status tells the actions.
      allowedActions: versionActions(actions, r.l, r.v, [r.v]),
    }));
}

/** 备案 board: every version ever published in the user's data scope, with its filing status. */
export async function filingBoard(db: DbOrTx, auth: Auth, today: string) {
  const scope = await readScope(db, auth);
  const rows = await db
    .select({ v: listVersions, l: lists, orgName: organisations.name })
    .from(listVersions)
    .innerJoin(lists, eq(lists.id, listVersions.listId))
    .innerJoin(organisations, eq(organisations.id, lists.organisationId))
    .where(inArray(listVersions.status, publishedStatuses))
    .orderBy(asc(organisations.name), desc(listVersions.publishedOn));
  const bureaus = new Map(
    (await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, "justice_bureau"))).map(
      (b) => [b.id, b.name],
    ),
  );
  const items = rows
    .filter((r) => inScope(scope, r.l.organisationId))
    .map((r) => ({
      listId: r.l.id,
      type: r.l.type as ListType,
      typeLabel: listTypeLabels[r.l.type as ListType],
      organisationId: r.l.organisationId,
      organisationName: r.orgName,
      filedWithName: r.v.filedWithId ? (bureaus.get(r.v.filedWithId) ?? null) : null,
      ...versionSummary(r.v, today),
    }));
  const count = (s: string) => items.filter((i) => i.filingStatus === s).length;
  return {
    today,
    summary: {
      total: items.length,
      filedOnTime: count("filed_on_time"),
      filedLate: count("filed_late"),
      pending: count("pending"),
      overdue: count("overdue"),
    },
    items,
  };
}

/** Public: every organisation's current published list versions (in force today), with items; search by matter name. */
export async function publicLists(db: DbOrTx, q: string | undefined, today: string) {
  const rows = await db
    .select({ v: listVersions, l: lists, orgName: organisations.name, regionCode: organisations.regionCode })
    .from(listVersions)
    .innerJoin(lists, eq(lists.id, listVersions.listId))
    .innerJoin(organisations, eq(organisations.id, lists.organisationId))
    .where(inArray(listVersions.status, inForceStatuses))
    .orderBy(asc(organisations.name), asc(lists.createdAt));
  const current = rows.filter((r) => r.v.effectiveFrom && r.v.effectiveFrom <= today && (!r.v.effectiveTo || r.v.effectiveTo >= today));
  const items = await loadItems(
    db,
    current.map((r) => r.v.id),
  );
  const term = q?.trim() ?? "";
  const out = [];
  for (const r of current) {
    const its = (items.get(r.v.id) ?? []).filter(
      (i) => term === "" || i.matterName.includes(term) || (i.matterCode ?? "").includes(term.toUpperCase()),
    );
    if (term !== "" && its.length === 0) continue;
    out.push({
      versionId: r.v.id,
      listId: r.l.id,
      type: r.l.type as ListType,
      typeLabel: listTypeLabels[r.l.type as ListType],
      title: r.v.title,
      notes: r.v.notes,
      versionNo: r.v.versionNo,
      organisationName: r.orgName,
      regionCode: r.regionCode,
      effectiveFrom: r.v.effectiveFrom,
      publishedOn: r.v.publishedOn,
      itemCount: (items.get(r.v.id) ?? []).length,
      items: its.map((i) => ({
        seq: i.seq,
        matterName: i.matterName,
        matterCode: i.matterCode ?? "",
        circumstances: i.circumstances,
        basis: i.basis.map(formatCitation),
        basisText: i.basisText,
        measures: [...i.measures.map((m) => softMethodLabels[m]), ...i.otherMeasures],
        remarks: i.remarks ?? "",
      })),
    });
  }
  return { today, items: out };
}

export { filingDeadline };
