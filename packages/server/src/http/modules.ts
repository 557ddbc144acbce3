import type { FastifyInstance } from "fastify";
import type { AppContext } from "./context";
import { authRoutes } from "../auth/routes";
import { organisationRoutes } from "../organisations/routes";
import { userRoutes } from "../users/routes";
import { regionRoutes } from "../regions/routes";
import { auditRoutes } from "../audit/routes";

/** Every module's routes, registered in one place. */
export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await authRoutes(app, ctx);
  await organisationRoutes(app, ctx);
  await userRoutes(app, ctx);
  await regionRoutes(app, ctx);
  await auditRoutes(app, ctx);
}
