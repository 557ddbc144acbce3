/**
 * 一公开: the public page of the draws (no login, no personal data). Each draw with its pool hash,
 * the pool file itself (byte for byte as frozen; units by credit code and name, inspectors by 执法证号),
 * the seed inputs (commitment, public value and its source, revealed secret, seed) and the selection,
 * and the results of the inspections it planned (双随机抽查结果公示, publicResults.ts). The page and its
 * JSON name no person: units by name (a 个体工商户 under its operator's name masked) and credit code,
 * inspectors only counted (their 执法证号 stay in the pool and draw files, which the re-computation needs).
 */
import { asc, desc, eq } from "drizzle-orm";
import { publicUnitName, type DrawSelection } from "@kuanyan/domain/inspections";
import type { DbOrTx } from "../db/client";
import { organisations } from "../db/schema";
import { notFound } from "../http/errors";
import { presentSelection } from "./draws";
import { publicResults } from "./publicResults";
import { inspectionDraws } from "./schema";

type DrawRow = typeof inspectionDraws.$inferSelect;

function publicSummary(d: DrawRow, orgName: string, redrawOfNo: string | null) {
  return {
    id: d.id,
    drawNo: d.drawNo,
    organisationName: orgName,
    kind: d.kind as "annual" | "periodic",
    title: d.title,
    status: (d.drawnAt ? "drawn" : "announced") as "drawn" | "announced",
    poolSha256: d.poolSha256,
    poolBytes: Buffer.byteLength(d.poolText, "utf8"),
    objectCount: d.objectCount,
    commitment: d.commitment,
    publicSource: d.publicSource,
    publicValueDate: d.publicValueDate,
    announcedOn: d.announcedOn,
    publicValue: d.publicValue,
    secret: d.secret,
    seed: d.seed,
    drawnOn: d.drawnOn,
    redrawOf: redrawOfNo,
    redrawReason: d.redrawReason,
  };
}

const summaryColumns = {
  id: inspectionDraws.id,
  organisationId: inspectionDraws.organisationId,
  drawNo: inspectionDraws.drawNo,
};

export async function listPublicDraws(db: DbOrTx, organisationId?: string) {
  const rows = await db
    .select({ d: inspectionDraws, orgName: organisations.name })
    .from(inspectionDraws)
    .innerJoin(organisations, eq(organisations.id, inspectionDraws.organisationId))
    .where(organisationId ? eq(inspectionDraws.organisationId, organisationId) : undefined)
    .orderBy(desc(inspectionDraws.announcedOn), asc(inspectionDraws.drawNo))
    .limit(500);
  const noOf = new Map(rows.map((r) => [r.d.id, r.d.drawNo]));
  const orgs = await db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .innerJoin(inspectionDraws, eq(inspectionDraws.organisationId, organisations.id))
    .orderBy(asc(organisations.name));
  return { items: rows.map((r) => publicSummary(r.d, r.orgName, r.d.redrawOf ? (noOf.get(r.d.redrawOf) ?? null) : null)), organisations: orgs };
}

async function loadPublic(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ d: inspectionDraws, orgName: organisations.name })
    .from(inspectionDraws)
    .innerJoin(organisations, eq(organisations.id, inspectionDraws.organisationId))
    .where(eq(inspectionDraws.id, id));
  if (!row) throw notFound("抽取");
  return row;
}

/** The selection as published: names as publicUnitName gives them, the inspectors counted. */
function publicSelection(d: DrawRow) {
  const selection = presentSelection(d.result as DrawSelection | null, d.poolText);
  if (!selection) return null;
  return {
    strata: selection.strata,
    objects: selection.objects.map((o) => ({
      creditCode: o.creditCode,
      unitName: publicUnitName(o.creditCode, o.unitName),
      reason: o.reason,
      inspectorCount: o.inspectors.length,
    })),
  };
}

export async function getPublicDraw(db: DbOrTx, id: string, today: string) {
  const { d, orgName } = await loadPublic(db, id);
  let redrawOfNo: string | null = null;
  if (d.redrawOf) {
    const [prev] = await db.select(summaryColumns).from(inspectionDraws).where(eq(inspectionDraws.id, d.redrawOf));
    redrawOfNo = prev?.drawNo ?? null;
  }
  return {
    ...publicSummary(d, orgName, redrawOfNo),
    selection: publicSelection(d),
    ...(await publicResults(db, d, today)),
  };
}

/** The draw's results for the CSV download. */
export async function publicDrawResults(db: DbOrTx, id: string, today: string) {
  const { d } = await loadPublic(db, id);
  return { drawNo: d.drawNo, ...(await publicResults(db, d, today)) };
}

export async function publicPoolFile(db: DbOrTx, id: string) {
  const { d } = await loadPublic(db, id);
  return d;
}

/** The published draw as scripts/verify-draw.mjs reads it (the domain's DrawResult), or 404 before the draw. */
export async function publicDrawResult(db: DbOrTx, id: string) {
  const { d } = await loadPublic(db, id);
  if (!d.drawnAt || !d.result) throw notFound("抽取结果");
  return {
    drawId: d.drawNo,
    poolSha256: d.poolSha256,
    commitment: d.commitment,
    publicSource: d.publicSource,
    publicValue: d.publicValue,
    secret: d.secret,
    seed: d.seed,
    drawnOn: d.drawnOn,
    selection: d.result,
  };
}
