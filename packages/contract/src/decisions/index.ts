/**
 * The decision input (决策输入), one zod schema for the engine's callers: the API
 * (POST /api/v1/decisions/evaluate), the CLI (`kuanyan decide`), the cases module and the web.
 * docs/decision-input.schema.json is generated from it (scripts/gen-decision-schema.ts) and a test
 * keeps the two equal. Every message is Chinese and names the field, so no zod locale is needed.
 */
import { z } from "zod";
import { isIsoDate } from "@kuanyan/domain/dates";
import { decisionDocumentTypes, outcomes, type Decision, type DecisionInput, type DecisionInputError } from "@kuanyan/domain/decisions";
import { listTypes } from "@kuanyan/domain/lists";
import { softMethods } from "@kuanyan/domain/measures";
import { InvalidInputError } from "@kuanyan/domain/errors";

type Issue = { code: string; input?: unknown; keys?: string[] };

/** "请填写X" when missing, else `wrong`. */
const says = (label: string, wrong: string) => ({
  error: (issue: Issue) => (issue.input === undefined && issue.code === "invalid_type" ? `请填写${label}` : wrong),
});

const unknownKeys = {
  error: (issue: Issue) => (issue.code === "unrecognized_keys" ? `未知字段“${(issue.keys ?? []).join("”“")}”` : undefined),
};

const day = (label: string) =>
  z
    .string(says(label, `${label}不是有效日期（应为YYYY-MM-DD）`))
    .refine((v) => isIsoDate(v), `${label}不是有效日期（应为YYYY-MM-DD）`)
    .describe(label)
    .meta({ format: "date" });

const yesNo = (label: string, wrong = "只能填是或否") => z.boolean(says(label, wrong)).optional().describe(label);

export const ZCitation = z.strictObject(
  {
    law: z.string().describe("法律法规名称"),
    article: z.number().int().describe("条"),
    paragraph: z.number().int().optional().describe("款"),
    item: z.number().int().optional().describe("项"),
  },
  unknownKeys,
);

export const ZFineRange = z
  .strictObject(
    {
      minYuan: z.number().min(0).describe("最低罚款（元）"),
      maxYuan: z.number().min(0).describe("最高罚款（元）"),
    },
    { error: "罚款幅度无效：最低额和最高额须为非负数，且最低额不大于最高额" },
  )
  .refine((r) => r.minYuan <= r.maxYuan, { message: "罚款幅度无效：最低额和最高额须为非负数，且最低额不大于最高额" })
  .describe("罚款幅度");

const matterShape = {
  code: z.string(says("事项编码", "请填写事项编码")).trim().min(1, "请填写事项编码").describe("事项编码"),
  name: z.string(says("事项名称", "请填写事项名称")).trim().min(1, "请填写事项名称").describe("事项名称"),
  fineRange: ZFineRange.optional(),
  penaltyText: z.string().optional().describe("处罚内容"),
  lifeHealthOrFinancialSafety: yesNo("涉及生命健康安全、金融安全", "是否涉及生命健康安全、金融安全只能填是或否"),
  penaltyBasis: z.array(ZCitation, { error: "处罚依据格式无效" }).optional().describe("处罚依据"),
};

export const ZDecisionMatter = z.strictObject(matterShape, { error: (i: Issue) => unknownKeys.error(i) ?? "请选择执法事项" }).describe("执法事项");

export const ZDecisionSubject = z
  .strictObject(
    {
      kind: z.enum(["enterprise", "individual"], says("当事人类型", "当事人类型只能是单位（enterprise）或个人（individual）")).describe("当事人类型"),
      industryCategory: z.string().min(1, "行业类别无效").optional().describe("行业类别"),
      birthDate: day("出生日期").optional(),
      ageAtAct: z
        .number("违法时年龄应为0到150之间的整数（周岁）")
        .int("违法时年龄应为0到150之间的整数（周岁）")
        .min(0, "违法时年龄应为0到150之间的整数（周岁）")
        .max(150, "违法时年龄应为0到150之间的整数（周岁）")
        .optional()
        .describe("违法时年龄"),
      mentalCapacity: z.enum(["full", "unable", "partial", "intermittent_lucid"], { error: "精神状况取值无效" }).optional().describe("精神状况"),
    },
    { error: (i: Issue) => unknownKeys.error(i) ?? "请填写当事人信息" },
  )
  .describe("当事人");

export const ZDecisionAct = z
  .strictObject(
    {
      date: day("违法行为发生日期"),
      discoveredOn: day("发现日期"),
      continuing: yesNo("连续或者继续状态", "是否连续或继续状态只能填是或否"),
      endDate: day("行为终了日期").optional(),
    },
    { error: (i: Issue) => unknownKeys.error(i) ?? "请填写违法行为的发生和发现日期" },
  )
  .describe("违法行为");

export const ZDecisionEmergency = z
  .strictObject(
    { violatesEmergencyMeasures: yesNo("违反突发事件应对措施"), exploitsEmergency: yesNo("利用突发事件实施违法行为") },
    { error: (i: Issue) => unknownKeys.error(i) ?? "突发事件情况格式无效" },
  )
  .describe("突发事件");

export const ZDecisionCircumstances = z
  .strictObject(
    {
      firstTimeFound: yesNo("首次被发现"),
      firstOffence: yesNo("初次违法"),
      correction: z
        .enum(["on_spot", "within_deadline", "after_deadline", "not_corrected", "pending"], { error: "改正情况取值无效" })
        .optional()
        .describe("改正情况"),
      harm: z.enum(["none", "minor", "serious"], { error: "危害后果只能是没有、轻微或者严重" }).optional().describe("危害后果"),
      noSubjectiveFault: yesNo("没有主观过错"),
      proactiveElimination: yesNo("主动消除或者减轻危害后果"),
      coercedOrDeceived: yesNo("受他人胁迫或者诱骗"),
      confessedUnknownViolation: yesNo("主动供述尚未掌握的违法行为"),
      meritoriousCooperation: yesNo("有立功表现"),
      majorHazard: yesNo("重大事故隐患"),
      minorViolation: yesNo("违法行为轻微"),
      significantlyMinor: yesNo("情节显著轻微"),
      noObviousSocialHarm: yesNo("没有明显社会危害"),
      refusedCorrection: yesNo("拒不改正"),
      obstructedInspection: yesNo("阻碍执法检查"),
      priorViolationDates: z
        .array(
          z.string().refine((v) => isIsoDate(v), "此前违法日期必须是日期列表（YYYY-MM-DD）"),
          { error: "此前违法日期必须是日期列表（YYYY-MM-DD）" },
        )
        .optional()
        .describe("此前违法日期"),
      answers: z
        .record(z.string(), z.boolean({ error: "清单问题的回答只能是是或否" }), { error: "清单问题的回答只能是是或否" })
        .optional()
        .describe("清单问题的回答"),
    },
    { error: (i: Issue) => unknownKeys.error(i) ?? "请填写违法情节" },
  )
  .describe("违法情节");

const inputShape = {
  kind: z.enum(["penalty", "compulsion"], { error: "决策类型只能是处罚（penalty）或行政强制（compulsion）" }).optional().describe("决策类型"),
  organisationId: z.string(says("执法主体", "请指定作出决定的执法主体")).trim().min(1, "请指定作出决定的执法主体").describe("执法主体"),
  decisionDate: day("决定日期"),
  matter: ZDecisionMatter,
  subject: ZDecisionSubject,
  act: ZDecisionAct,
  emergency: ZDecisionEmergency.optional(),
  circumstances: ZDecisionCircumstances,
};

type Shape = z.infer<z.ZodObject<typeof inputShape>>;

/** What no field can say alone: the order of the dates, what an enterprise has not got. */
function crossFieldRules(v: Omit<Shape, "matter">, ctx: z.RefinementCtx): void {
  const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const { act, subject, decisionDate } = v;
  if (subject.kind === "enterprise" && (subject.birthDate !== undefined || subject.ageAtAct !== undefined || subject.mentalCapacity !== undefined)) {
    add(["subject"], "单位当事人不应填写年龄或精神状况");
  }
  if (act.endDate && act.continuing !== true) add(["act", "endDate"], "只有连续或者继续状态的违法行为才填写行为终了日期");
  if (act.discoveredOn < act.date) add(["act", "discoveredOn"], "发现日期不能早于违法行为发生日期");
  if (act.endDate && act.endDate < act.date) add(["act", "endDate"], "行为终了日期不能早于违法行为发生日期");
  if (decisionDate < act.date) add(["decisionDate"], "决定日期不能早于违法行为发生日期");
  if (decisionDate < act.discoveredOn) add(["decisionDate"], "决定日期不能早于发现日期");
  if (subject.birthDate && subject.birthDate > act.date) add(["subject", "birthDate"], "出生日期不能晚于违法行为发生日期");
}

const objectError = { error: (i: Issue) => unknownKeys.error(i) ?? "决策输入必须是一个对象" };

/** The engine's complete input (the matter named): what evaluateDecision accepts. */
export const ZDecisionInput = z.strictObject(inputShape, objectError).superRefine(crossFieldRules).describe("决策输入");

/**
 * The API's request: as the engine's input, but the matter may be given by its code alone (its
 * name, fine range and penalty text are completed from the matter catalogue).
 */
export const ZDecisionRequest = z
  .strictObject({ ...inputShape, matter: ZDecisionMatter.extend({ name: matterShape.name.optional() }) }, objectError)
  .superRefine(crossFieldRules)
  .describe("决策输入");

export type DecisionRequest = z.infer<typeof ZDecisionRequest>;

// The schema and the engine's type must say the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsEngine: Same<z.infer<typeof ZDecisionInput>, DecisionInput> = true;
void sameAsEngine;

/** Zod's issues as the field-by-field errors of the decision input (one per unknown field). */
export function decisionInputErrors(error: z.ZodError): DecisionInputError[] {
  const out: DecisionInputError[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = path ? `${path}.${key}` : key;
        out.push({ field, message: `未知字段“${field}”` });
      }
    } else {
      out.push({ field: path, message: issue.message });
    }
  }
  return out;
}

/** The problems of a decision input, field by field; empty when it can be evaluated. */
export function validateDecisionInput(raw: unknown): DecisionInputError[] {
  const result = ZDecisionInput.safeParse(raw);
  return result.success ? [] : decisionInputErrors(result.error);
}

/** The input, checked: throws InvalidInputError (400) with the Chinese messages field by field. */
export function parseDecisionInput(raw: unknown): DecisionInput {
  const result = ZDecisionInput.safeParse(raw);
  if (result.success) return result.data;
  const errors = decisionInputErrors(result.error);
  throw new InvalidInputError(`输入有误：${errors.map((e) => e.message).join("；")}`, errors);
}

/** docs/decision-input.schema.json: the JSON Schema of ZDecisionInput (scripts/gen-decision-schema.ts). */
export function decisionInputJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ZDecisionInput, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
  const { $schema, description: _label, ...rest } = generated;
  return {
    $schema,
    $id: "https://kuanyan.example/schemas/decision-input.schema.json",
    title: "决策输入",
    description:
      "Input of evaluateDecision, POST /api/v1/decisions/evaluate and `kuanyan decide`. Generated from ZDecisionInput (packages/contract/src/decisions) by scripts/gen-decision-schema.ts; do not edit. Cross-field rules (discovery not before the act, decision not before discovery, endDate only for continuing acts) are checked by the zod schema, not by this file.",
    ...rest,
  };
}

// ------------------------------------------------------------------------------------------------
// The engine's output (docs/decision-output.schema.json): the response of POST /decisions/evaluate.

const ZOutcome = z.enum(outcomes);
const ZConditionResult = z.enum(["held", "failed", "unanswered"]);

const ZListItemRef = z.object({
  listId: z.string(),
  listType: z.enum(listTypes),
  listTitle: z.string(),
  organisationId: z.string(),
  version: z.number().int(),
  seq: z.number().int(),
  matterName: z.string(),
  circumstances: z.string(),
  claimed: z.boolean(),
});

export const ZDecision = z
  .object({
    kind: z.enum(["penalty", "compulsion"]),
    outcome: ZOutcome,
    outcomeLabel: z.string(),
    permittedOutcomes: z.array(ZOutcome),
    firm: z.boolean(),
    organisationId: z.string(),
    decisionDate: z.string(),
    matter: z.object({ code: z.string(), name: z.string() }),
    reasons: z.array(z.string()),
    basis: z.array(
      z.object({
        citation: z.object({ law: z.string(), article: z.number().int(), paragraph: z.number().int().optional(), item: z.number().int().optional() }),
        cited: z.string(),
        part: z.enum(["前段", "后段"]).optional(),
        text: z.string(),
      }),
    ),
    policyBasis: z.array(z.object({ document: z.string(), section: z.string(), text: z.string() })),
    listItem: ZListItemRef.nullable(),
    trace: z.array(
      z.object({
        rule: z.string(),
        label: z.string(),
        result: ZConditionResult,
        outcome: ZOutcome.nullable(),
        applied: z.boolean(),
        skipped: z.string().optional(),
        conditions: z.array(z.object({ description: z.string(), result: ZConditionResult, resultLabel: z.string() })),
        listItem: ZListItemRef.optional(),
      }),
    ),
    questions: z.array(z.object({ key: z.string(), text: z.string() })),
    measures: z.array(z.enum(softMethods)),
    otherMeasures: z.array(z.string()),
    documents: z.array(z.enum(decisionDocumentTypes)),
    fine: z.object({ minYuan: z.number(), maxYuan: z.number(), guidance: z.string() }).nullable(),
    warnings: z.array(z.string()),
  })
  .describe("决策结果");

const sameOutput: Same<z.infer<typeof ZDecision>, Decision> = true;
void sameOutput;
