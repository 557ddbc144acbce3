import { z } from "zod";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireAccess, requireAuth } from "../access";
import type { AppContext } from "../http/context";
import { decide } from "./decide";

const bool = (label: string) => z.boolean().optional().describe(label);
const isoDate = (label: string) => z.string().describe(label);

const ZCitation = z.object({
  law: z.string(),
  article: z.number().int(),
  paragraph: z.number().int().optional(),
  item: z.number().int().optional(),
});

/** The decision input (docs: decision-input.schema.json); the engine checks dates and values. */
export const ZDecisionInput = z.object({
  kind: z.enum(["penalty", "compulsion"]).optional().describe("决策类型"),
  organisationId: z.string().describe("执法主体"),
  decisionDate: isoDate("决定日期"),
  matter: z
    .object({
      code: z.string().describe("事项编码"),
      name: z.string().optional().describe("事项名称"),
      fineRange: z.object({ minYuan: z.number(), maxYuan: z.number() }).optional().describe("罚款幅度"),
      penaltyText: z.string().optional().describe("处罚内容"),
      lifeHealthOrFinancialSafety: bool("涉及生命健康安全、金融安全"),
      penaltyBasis: z.array(ZCitation).optional().describe("处罚依据"),
    })
    .describe("执法事项"),
  subject: z
    .object({
      kind: z.enum(["enterprise", "individual"]).describe("当事人类型"),
      industryCategory: z.string().optional().describe("行业类别"),
      birthDate: isoDate("出生日期").optional(),
      ageAtAct: z.number().int().optional().describe("违法时年龄"),
      mentalCapacity: z.enum(["full", "unable", "partial", "intermittent_lucid"]).optional().describe("精神状况"),
    })
    .describe("当事人"),
  act: z
    .object({
      date: isoDate("违法行为发生日期"),
      discoveredOn: isoDate("发现日期"),
      continuing: bool("连续或者继续状态"),
      endDate: isoDate("行为终了日期").optional(),
    })
    .describe("违法行为"),
  emergency: z
    .object({ violatesEmergencyMeasures: bool("违反突发事件应对措施"), exploitsEmergency: bool("利用突发事件实施违法行为") })
    .optional()
    .describe("突发事件"),
  circumstances: z
    .object({
      firstTimeFound: bool("首次被发现"),
      firstOffence: bool("初次违法"),
      correction: z.enum(["on_spot", "within_deadline", "after_deadline", "not_corrected", "pending"]).optional().describe("改正情况"),
      harm: z.enum(["none", "minor", "serious"]).optional().describe("危害后果"),
      noSubjectiveFault: bool("没有主观过错"),
      proactiveElimination: bool("主动消除或者减轻危害后果"),
      coercedOrDeceived: bool("受他人胁迫或者诱骗"),
      confessedUnknownViolation: bool("主动供述尚未掌握的违法行为"),
      meritoriousCooperation: bool("有立功表现"),
      majorHazard: bool("重大事故隐患"),
      minorViolation: bool("违法行为轻微"),
      significantlyMinor: bool("情节显著轻微"),
      noObviousSocialHarm: bool("没有明显社会危害"),
      refusedCorrection: bool("拒不改正"),
      obstructedInspection: bool("阻碍执法检查"),
      priorViolationDates: z.array(z.string()).optional().describe("此前违法日期"),
      answers: z.record(z.string(), z.boolean()).optional().describe("清单问题的回答"),
    })
    .describe("违法情节"),
});

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  app.post(
    "/api/v1/decisions/evaluate",
    {
      schema: {
        tags: ["决策"],
        summary: "决策引擎：依据法律和本单位（含认领）在决定日期施行的清单，研判处理结果",
        description: "输入与输出的 JSON 结构见 docs/decision-input.schema.json 与 docs/decision-output.schema.json。",
        body: ZDecisionInput,
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      await requireAccess(db, auth, { mode: "read", organisationId: request.body.organisationId });
      return decide(db, request.body);
    },
  );
}
