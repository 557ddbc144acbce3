import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import "./validation";
import { apiNotFound, clientErrorHandler, errorHandler, frameworkErrors, trackRoutes } from "./error-contract";
import { installInputGuard } from "./input-guard";
import { loggerOptions, logHashKey } from "./log";
import { installAuth } from "./auth-hook";
import type { AppContext } from "./context";
import { registerModules } from "./modules";
import { registerSecurityHeaders } from "./security";
import { registerRateLimits } from "./rateLimit";
import { staticAssetOptions } from "./staticAssets";

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

export type App = FastifyInstance;

export async function buildApp(
  ctx: AppContext,
  options: { logger?: boolean; logStream?: NodeJS.WritableStream; /** tests: another console build */ webDist?: string } = {},
): Promise<App> {
  const webDist = options.webDist ?? defaultWebDist;
  const app = Fastify({
    // Personal data never reaches the log: no bodies, no headers, hashed query values, scrubbed errors.
    logger: options.logger ? loggerOptions(ctx.config.logLevel, logHashKey(ctx.config.logHashKey), options.logStream) : false,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true } },
    // Errors the router and the HTTP parser raise get the contract too (Chinese, no framework text).
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await registerSecurityHeaders(app, ctx);
  await app.register(swagger, {
    openapi: {
      info: { title: "宽严 Kuanyan API", description: "柔性执法平台接口（JSON，错误统一为 {code, message}）", version: "1" },
      servers: [],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  // One error contract for every non-2xx (src/http/error-contract.ts); bad characters refused first.
  app.setErrorHandler(errorHandler);
  const allowedMethods = trackRoutes(app);
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === "/api" || request.url.startsWith("/api/") || request.url.startsWith("/api?");
    if (isApi || (request.method !== "GET" && request.method !== "HEAD") || !fs.existsSync(path.join(webDist, "index.html"))) {
      return apiNotFound(allowedMethods, request, reply);
    }
    // The console is a single-page app: every other path gets its index.html.
    return reply.type("text/html").sendFile("index.html", webDist);
  });
  installInputGuard(app);

  await installAuth(app, ctx);
  await registerRateLimits(app, ctx);

  app.get("/api/v1/health", { config: { access: "public" }, schema: { hide: true } }, async () => ({
    status: "ok",
    database: ctx.database.kind,
  }));
  app.get("/api/v1/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());

  await registerModules(app, ctx);

  if (fs.existsSync(webDist)) {
    await app.register(fastifyStatic, staticAssetOptions(webDist));
  }
  return app;
}
