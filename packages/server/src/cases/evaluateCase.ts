/**
 * The engine's proposal for a case: the case's facts plus the officer's answers become a decision
 * input; the decision (with its reasons, basis, trace and questions) is stored on the case.
 */
import type { z } from "zod";
import { ZEvaluateCase } from "@kuanyan/contract/cases";
import { evaluateDecision, type Decision, type DecisionInput } from "@kuanyan/domain/decisions";
import { validateIdNumber } from "@kuanyan/domain/codes";
import type { DbOrTx } from "../db/client";
import type { AppContext, Auth } from "../http/context";
import { parseDecisionInput } from "@kuanyan/contract/decisions";
import { completeInput, loadDecisionContext } from "../decisions/loadDecisionContext";
import { assertAnsweredAnything } from "./answers";
import { decryptIdNumber } from "./idNumbers";
import { editableCase, saveCase, type CaseRow } from "./shared";
import { today } from "../shared/clock";

export type EvaluateCaseInput = z.infer<typeof ZEvaluateCase>;

interface StoredCircumstances {
  continuing?: boolean;
  kind?: "penalty" | "compulsion";
  emergency?: DecisionInput["emergency"];
  mentalCapacity?: DecisionInput["subject"]["mentalCapacity"];
  lifeHealthOrFinancialSafety?: boolean;
  answers?: DecisionInput["circumstances"];
}

/** The correction as the case records it: an order with a reinspection tells within/after the deadline. */
function recordedCorrection(c: CaseRow, on: string): DecisionInput["circumstances"]["correction"] | undefined {
  if (!c.correctionDue) return undefined;
  if (c.correctedOn) return c.correctedOn <= c.correctionDue ? "within_deadline" : "after_deadline";
  return c.correctionDue < on ? "not_corrected" : "pending";
}

/** The decision input of a case on a date. */
export async function caseDecisionInput(db: DbOrTx, c: CaseRow, on: string, extra: StoredCircumstances): Promise<DecisionInput> {
  const subject: DecisionInput["subject"] = { kind: c.partyType as "enterprise" | "individual", industryCategory: c.industryCategory ?? undefined };
  if (c.partyType === "individual" && c.partyIdNumberEnc) {
    const id = validateIdNumber(await decryptIdNumber(db, c.partyIdNumberEnc));
    if (id.ok) subject.birthDate = id.birthDate;
    if (extra.mentalCapacity) subject.mentalCapacity = extra.mentalCapacity;
  }
  const circumstances = { ...(extra.answers ?? {}) };
  const recorded = recordedCorrection(c, on);
  if (recorded && circumstances.correction !== "on_spot") circumstances.correction = recorded;
  const input: DecisionInput = {
    kind: extra.kind,
    organisationId: c.organisationId,
    decisionDate: on,
    matter: { code: c.matterCode, name: c.matterName, lifeHealthOrFinancialSafety: extra.lifeHealthOrFinancialSafety },
    subject,
    act: {
      date: c.actDate,
      discoveredOn: c.discoveredOn,
      ...(extra.continuing ? { continuing: true, ...(c.actEndDate ? { endDate: c.actEndDate } : {}) } : {}),
    },
    emergency: extra.emergency,
    circumstances,
  };
  return JSON.parse(JSON.stringify(input)) as DecisionInput;
}

export async function proposeDecision(db: DbOrTx, c: CaseRow, on: string, extra: StoredCircumstances) {
  const context = await loadDecisionContext(db, c.organisationId, on);
  const input = completeInput(await caseDecisionInput(db, c, on, extra), context.matters);
  const decision: Decision = evaluateDecision(parseDecisionInput(input), context);
  const version = decision.listItem
    ? context.versions.find((v) => v.listId === decision.listItem!.listId && v.versionNo === decision.listItem!.version)
    : undefined;
  return { input, decision, listVersionId: version?.listVersionId ?? null, listItemSeq: decision.listItem?.seq ?? null };
}

export async function evaluateCase(ctx: AppContext, auth: Auth, caseId: string, body: EvaluateCaseInput): Promise<CaseRow> {
  return ctx.database.db.transaction(async (tx) => {
    const c = await editableCase(tx, auth, caseId, body.lockVersion, "evaluate");
    const stored = (c.circumstances ?? {}) as StoredCircumstances;
    assertAnsweredAnything(body);
    const extra: StoredCircumstances = {
      continuing: stored.continuing,
      kind: body.kind,
      emergency: body.emergency,
      mentalCapacity: body.mentalCapacity,
      lifeHealthOrFinancialSafety: body.lifeHealthOrFinancialSafety,
      answers: body.circumstances,
    };
    const proposal = await proposeDecision(tx, c, today(ctx), extra);
    return saveCase(
      tx,
      auth,
      c,
      {
        circumstances: extra,
        decision: proposal.decision,
        proposedOutcome: proposal.decision.outcome,
        listVersionId: proposal.listVersionId,
        listItemSeq: proposal.listItemSeq,
      },
      "case.evaluated",
      {
        outcome: proposal.decision.outcome,
        reasons: proposal.decision.reasons,
        firm: proposal.decision.firm,
        basis: proposal.decision.basis.map((b) => b.cited),
      },
    );
  });
}
