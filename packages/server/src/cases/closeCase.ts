/**
 * 办结归档: refused while a deadline is open (a correction not yet verified, a follow-up not yet
 * made) or a required record is missing; then the case is locked.
 *
 * Required records: a 不予处罚 needs at least one educational measure with its written record
 * (行政处罚法 第三十三条第三款: 应当对当事人进行教育; seed 001: every counted item has a written
 * record). When the documents module is installed (src/documents/routes.ts), the decision's own
 * document must also be issued for the case: the 不予行政处罚决定书 of a 不予处罚 (seed 002: 一般应当
 * 作出不予行政处罚决定), and the 责令限期改正通知书 where a correction was ordered — each only where the
 * engine named it. The documents of the soft measures are satisfied by the measures' written records.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { z } from "zod";
import type { ZCloseCase } from "@kuanyan/contract/cases";
import { decisionDocumentLabels, type Decision, type DecisionDocumentType } from "@kuanyan/domain/decisions";
import { softMethodLabels, type SoftMethod } from "@kuanyan/domain/measures";
import type { DbOrTx } from "../db/client";
import { caseTasks, documents, measures } from "../db/schema";
import type { AppContext, Auth } from "../http/context";
import { AppError } from "../http/errors";
import { editableCase, saveCase, type CaseRow } from "./shared";

const documentsRoutes = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../documents/routes.ts");
export const documentsModuleInstalled = () => fs.existsSync(documentsRoutes);

const educational: SoftMethod[] = [
  "persuasion",
  "administrativeWarning",
  "administrativeAdvice",
  "administrativeGuidance",
  "administrativeInterview",
  "administrativeReminder",
  "guidanceDemonstration",
];

/** The documents the case must have before closing (from the engine's decision). */
export function requiredDocuments(c: CaseRow): DecisionDocumentType[] {
  const named = (c.decision as Decision | null)?.documents ?? [];
  const out: DecisionDocumentType[] = [];
  if (c.decidedOutcome === "no_penalty" && named.includes("no_penalty_decision")) out.push("no_penalty_decision");
  if (c.correctionDue && named.includes("correction_order")) out.push("correction_order");
  return out;
}

/** What still stands in the way of closing, in Chinese (empty when the case may close). */
export async function closeProblems(db: DbOrTx, c: CaseRow): Promise<string[]> {
  const problems: string[] = [];
  const open = await db
    .select()
    .from(caseTasks)
    .where(and(eq(caseTasks.caseId, c.id), isNull(caseTasks.doneOn)));
  for (const t of open) problems.push(`${t.kind === "reinspection" ? "复查" : "回访"}（期限 ${t.dueOn}）尚未完成`);
  if (c.correctionDue && !c.correctedOn && !open.some((t) => t.kind === "reinspection")) {
    problems.push(`改正期限 ${c.correctionDue} 已过，复查未改正：请责令改正并复查，或转入普通程序`);
  }
  if (c.decidedOutcome === "no_penalty" || c.decidedOutcome === "no_compulsion") {
    const rows = await db
      .select()
      .from(measures)
      .where(and(eq(measures.caseId, c.id), eq(measures.cancelled, false)));
    const ok = rows.some((m) => educational.includes(m.method as SoftMethod) && (m.writtenRecord || m.documentId));
    if (!ok) {
      problems.push(
        `缺少对当事人进行教育的书面记录（${educational
          .slice(0, 3)
          .map((m) => softMethodLabels[m])
          .join("、")}等，《中华人民共和国行政处罚法》第三十三条第三款）`,
      );
    }
  }
  if (documentsModuleInstalled()) {
    const needed = requiredDocuments(c);
    if (needed.length) {
      const issued = await db
        .select({ type: documents.type })
        .from(documents)
        .where(and(eq(documents.caseId, c.id), inArray(documents.type, needed), notInArray(documents.status, ["draft", "cancelled"])));
      for (const t of needed) if (!issued.some((i) => i.type === t)) problems.push(`缺少文书：${decisionDocumentLabels[t]}`);
    }
  }
  return problems;
}

export async function closeCase(ctx: AppContext, auth: Auth, caseId: string, body: z.infer<typeof ZCloseCase>): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "close");
    const problems = await closeProblems(tx, c);
    if (problems.length) {
      throw new AppError(
        "rule_violation",
        `案件不能办结归档：${problems.join("；")}`,
        problems.map((p) => ({ field: "(case)", message: p })),
      );
    }
    return saveCase(tx, auth, c, { status: "closed", closedAt: ctx.now() }, "case.closed");
  });
}
