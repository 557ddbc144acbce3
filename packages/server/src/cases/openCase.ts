/**
 * 登记 (intake): the party (enterprise with a valid 统一社会信用代码, or individual with a valid ID
 * number, stored encrypted), the matter from the catalogue, the facts and the inspection by at
 * least two officers with 执法证号 (行政处罚法 第四十二条). Dates: discovery not before the act, no
 * date in the future.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { OpenCaseInput } from "@kuanyan/contract/cases";
import { validateIdNumber, validateUnifiedSocialCreditCode, validatePhone } from "@kuanyan/domain/codes";
import { cases, organisations, users } from "../db/schema";
import { recordAudit } from "../audit/record";
import { requireAccess } from "../access";
import { AppError } from "../http/errors";
import type { Tx } from "../db/client";
import type { AppContext, Auth } from "../http/context";
import { loadMatterCatalogue } from "../decisions/loadDecisionContext";
import { partyIdNumberColumns, partyPhoneColumns } from "../pii/values";
import { bad, nextCaseNo, officerRoles, type CaseRow } from "./shared";
import { today } from "../shared/clock";

function isRealDate(d: string): boolean {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

/**
 * `options.within` runs inside the intake's transaction after the case row and its audit event
 * (e.g. the inspection that found the case links it: both commit together or not at all).
 */
export async function openCase(
  ctx: AppContext,
  auth: Auth,
  input: OpenCaseInput,
  options: { within?: (tx: Tx, row: CaseRow) => Promise<void> } = {},
): Promise<CaseRow> {
  const { db } = ctx.database;
  const organisationId = input.organisationId ?? auth.organisationId;
  await requireAccess(db, auth, { mode: "write", organisationId, roles: officerRoles, what: "登记案件" });
  const now = today(ctx);

  // Party.
  const p = input.party;
  let creditCode: string | null = null;
  let idNumber: string | null = null;
  if (p.type === "enterprise") {
    if (!p.creditCode) throw bad("party.creditCode", "统一社会信用代码：单位当事人必须填写统一社会信用代码");
    const check = validateUnifiedSocialCreditCode(p.creditCode);
    if (!check.ok) throw bad("party.creditCode", `统一社会信用代码：${check.error}`);
    creditCode = check.value;
  } else {
    if (!p.idNumber) throw bad("party.idNumber", "身份证号码：个人当事人必须填写身份证号码");
    const check = validateIdNumber(p.idNumber, now);
    if (!check.ok) throw bad("party.idNumber", `身份证号码：${check.error}`);
    idNumber = check.value;
  }
  if (p.phone) {
    const check = validatePhone(p.phone);
    if (!check.ok) throw bad("party.phone", `联系电话：${check.error}`);
  }

  // Dates.
  for (const [field, label, value] of [
    ["actDate", "违法行为发生日期", input.actDate],
    ["discoveredOn", "发现日期", input.discoveredOn],
    ["inspection.date", "检查日期", input.inspection.date],
    ["actEndDate", "行为终了日期", input.actEndDate],
  ] as const) {
    if (value === undefined) continue;
    if (!isRealDate(value)) throw bad(field, `${label}：不是有效日期`);
    if (value > now) throw bad(field, `${label}：不能晚于今天（${now}）`);
  }
  if (input.discoveredOn < input.actDate) throw bad("discoveredOn", "发现日期：不能早于违法行为发生日期");
  if (input.actEndDate && input.actEndDate < input.actDate) throw bad("actEndDate", "行为终了日期：不能早于违法行为发生日期");
  if (input.actEndDate && !input.continuing) throw bad("actEndDate", "行为终了日期：只有连续或者继续状态的违法行为才填写");

  // Matter.
  const matter = (await loadMatterCatalogue(db)).get(input.matterCode.toUpperCase());
  if (!matter) throw bad("matterCode", `执法事项：事项库中没有编码为“${input.matterCode}”的事项`);

  // Inspection: ≥ 2 officers of the organisation with 执法证号 (行政处罚法 第四十二条).
  const officerIds = [...new Set(input.inspection.officerIds)];
  if (officerIds.length < 2) throw bad("inspection.officerIds", "执法人员：执法人员不得少于两人（《中华人民共和国行政处罚法》第四十二条）");
  const officerRows = await db
    .select({ id: users.id, displayName: users.displayName, licenceNo: users.licenceNo })
    .from(users)
    .where(and(inArray(users.id, officerIds), eq(users.organisationId, organisationId), eq(users.active, true)));
  if (officerRows.length !== officerIds.length) throw bad("inspection.officerIds", "执法人员：只能选择本单位在职的执法人员");
  const withoutLicence = officerRows.filter((o) => !o.licenceNo);
  if (withoutLicence.length) {
    throw bad("inspection.officerIds", `执法人员：${withoutLicence.map((o) => o.displayName).join("、")}没有执法证号，不能执法`);
  }

  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw new AppError("not_found", "执法主体不存在");

  return db.transaction(async (tx) => {
    const caseNo = await nextCaseNo(tx, organisationId, org.regionCode, Number(now.slice(0, 4)));
    const [row] = await tx
      .insert(cases)
      .values({
        regionCode: org.regionCode,
        organisationId,
        caseNo,
        status: "intake",
        partyType: p.type,
        partyName: p.name,
        partyCreditCode: creditCode,
        ...partyIdNumberColumns(idNumber),
        partyAddress: p.address,
        partyContact: p.contact ?? null,
        ...partyPhoneColumns(p.phone),
        industryCategory: p.industryCategory,
        matterCode: matter.code,
        matterName: matter.name,
        facts: input.facts,
        actDate: input.actDate,
        actEndDate: input.actEndDate ?? null,
        discoveredOn: input.discoveredOn,
        circumstances: { continuing: input.continuing ?? false },
        inspection: {
          date: input.inspection.date,
          place: input.inspection.place,
          officerIds,
          officers: officerIds.map((id) => {
            const o = officerRows.find((r) => r.id === id)!;
            return { id, name: o.displayName, licenceNo: o.licenceNo };
          }),
        },
        createdBy: auth.userId,
      })
      .returning();
    await recordAudit(tx, auth, {
      action: "case.opened",
      entityType: "case",
      entityId: row.id,
      organisationId,
      regionCode: org.regionCode,
      after: { caseNo, partyName: row.partyName, matterCode: row.matterCode, partyIdNumberMasked: row.partyIdNumberMasked },
    });
    if (options.within) await options.within(tx, row);
    return row;
  });
}
