/**
 * A failed item → 立案 (issue 10 §7): the domain prefills the case (prefillCase: party, matter, facts,
 * inspectors; a 重大事故隐患 goes into its circumstances), the item's photos become its evidence; one
 * case per item, a replay (or a racing second device) answers with it.
 */
import { and, eq } from "drizzle-orm";
import { inspectionStatusLabels, prefillCase } from "@kuanyan/domain/inspections";
import type { DbOrTx } from "../../db/client";
import { cases, evidence } from "../../db/schema";
import { inspectionCaseLinks, inspectionPhotos } from "./schema";
import { requireRole } from "../../access";
import type { AppContext, Auth } from "../../http/context";
import { openCase } from "../../cases/openCase";
import { roles } from "../../hazards/service";
import { audit, domainRecord, readable, rule } from "./shared";

export async function openCaseFromItem(ctx: AppContext, auth: Auth, id: string, itemId: string): Promise<{ caseId: string; caseNo: string }> {
  const { db } = ctx.database;
  requireRole(auth, roles("inspection.conduct"), "由检查项立案");
  const src = await readable(db, auth, id);
  const existing = await linkedCase(db, id, itemId);
  if (existing) return existing; // a replay: one case per item
  if (src.status !== "started" && src.status !== "submitted") throw rule(`检查当前状态为“${inspectionStatusLabels[src.status]}”，不能立案`);
  const record = await domainRecord(db, src);
  const item = src.checklist?.items.find((i) => i.id === itemId);
  if (!item) throw rule(`检查表中没有检查项${itemId}`);
  const result = record.results.find((r) => r.itemId === itemId);
  if (!result) throw rule(`检查项${itemId}尚未填写`);
  if (result.finding && result.finding.kind !== "case") throw rule(`检查项${itemId}已确定为隐患，不能立案`);
  const p = prefillCase({ inspection: record, unit: src.unit, item, result, inspectors: src.inspectors });
  if (!p.ok) throw rule(p.error);
  const pre = p.prefill;
  try {
    const row = await openCase(
      ctx,
      auth,
      {
        organisationId: src.organisationId,
        party: { ...pre.party, address: pre.party.address || src.unit.name },
        matterCode: pre.matterCode,
        facts: pre.facts,
        actDate: pre.actDate,
        discoveredOn: pre.discoveredOn,
        inspection: pre.inspection,
      },
      {
        within: async (tx, c) => {
          // The 重大事故隐患 flag goes into the case's circumstances: the decision engine then excludes
          // every lenient list outcome (the lists' 重大事故隐患除外).
          if (pre.circumstances.majorHazard) {
            await tx
              .update(cases)
              .set({ circumstances: { ...(c.circumstances as Record<string, unknown>), majorHazard: true } })
              .where(eq(cases.id, c.id));
          }
          await tx
            .insert(inspectionCaseLinks)
            .values({ regionCode: src.regionCode, organisationId: src.organisationId, inspectionId: id, itemId, caseId: c.id });
          // The item's photos become the case's evidence (same bytes, same hash).
          for (const hash of result.photos) {
            const [photo] = await tx
              .select()
              .from(inspectionPhotos)
              .where(and(eq(inspectionPhotos.inspectionId, id), eq(inspectionPhotos.sha256, hash)));
            if (!photo) continue;
            await tx.insert(evidence).values({
              regionCode: c.regionCode,
              organisationId: c.organisationId,
              caseId: c.id,
              fileName: `现场检查照片-${item.id}-${hash.slice(0, 8)}.${photo.mime === "image/png" ? "png" : "jpg"}`,
              mime: photo.mime,
              size: photo.size,
              sha256: hash,
              data: photo.data,
              description: `现场检查（检查项${item.id}）拍摄`,
              uploadedBy: auth.userId,
            });
          }
          await audit(tx, auth, src, "inspection.case_opened", {
            itemId,
            caseId: c.id,
            caseNo: c.caseNo,
            majorHazard: pre.circumstances.majorHazard,
          });
        },
      },
    );
    return { caseId: row.id, caseNo: row.caseNo };
  } catch (err) {
    // Two devices racing on the same item: the unique link refuses the second; answer with the first.
    const again = await linkedCase(db, id, itemId);
    if (again) return again;
    throw err;
  }
}

async function linkedCase(db: DbOrTx, id: string, itemId: string) {
  const [row] = await db
    .select({ caseId: inspectionCaseLinks.caseId, caseNo: cases.caseNo })
    .from(inspectionCaseLinks)
    .innerJoin(cases, eq(cases.id, inspectionCaseLinks.caseId))
    .where(and(eq(inspectionCaseLinks.inspectionId, id), eq(inspectionCaseLinks.itemId, itemId)));
  return row ?? null;
}
