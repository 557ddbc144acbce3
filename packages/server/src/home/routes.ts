/** 工作台 API: the to-do list of the logged-in user, per role, within his data scope. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZTodo } from "@kuanyan/contract/home";
import type { AppContext } from "../http/context";
import { getTodo } from "./getTodo";

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/v1/home/todo",
    { schema: { tags: ["工作台"], summary: "我的待办（按角色：期限将到与逾期、待审核、待发布、待报送、偏离建议）", response: { 200: ZTodo } } },
    async (request) => getTodo(ctx, request.auth),
  );
}
