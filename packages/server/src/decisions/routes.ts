import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireAccess, requireAuth } from "../access";
import type { AppContext } from "../http/context";
import { ZDecision, ZDecisionRequest } from "@kuanyan/contract/decisions";
import { decide } from "./decide";

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  app.post(
    "/api/v1/decisions/evaluate",
    {
      schema: {
        tags: ["决策"],
        summary: "决策引擎：依据法律和本单位（含认领）在决定日期施行的清单，研判处理结果",
        description: "输入与输出的 JSON 结构见 docs/decision-input.schema.json（由 ZDecisionInput 生成）与 docs/decision-output.schema.json。",
        body: ZDecisionRequest,
        response: { 200: ZDecision },
      },
    },
    async (request) => {
      const auth = requireAuth(request.auth);
      await requireAccess(db, auth, { mode: "read", organisationId: request.body.organisationId });
      return decide(db, request.body);
    },
  );
}
