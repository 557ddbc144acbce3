import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance, type FastifyError } from "fastify";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import "./validation";
import { AppError, errorStatus } from "./errors";
import { validationFields } from "./validation";
import { installAuth } from "./auth-hook";
import type { AppContext } from "./context";
import { registerModules } from "./modules";

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

export type App = FastifyInstance;

export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: ctx.config.logLevel,
          // Personal data never reaches the log: no bodies, and cookies/CSRF headers redacted.
          redact: ["req.headers.cookie", "req.headers[\"x-csrf-token\"]"],
        }
      : false,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: "宽严 Kuanyan API", description: "柔性执法平台接口（JSON，错误统一为 {code, message}）", version: "1" },
      servers: [],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send({ code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = (err as FastifyError & { validationContext?: string }).validationContext ?? "body";
      const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[part];
      const fields = validationFields(schema, err.validation as { instancePath: string; message?: string }[]);
      return reply.status(400).send({
        code: "validation_failed",
        message: `输入有误：${fields.map((f) => f.message).join("；")}`,
        fields,
      });
    }
    if (err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || err instanceof SyntaxError) {
      return reply.status(400).send({ code: "invalid_json", message: "请求内容不是有效的 JSON" });
    }
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.status(413).send({ code: "payload_too_large", message: "请求内容过大" });
    }
    if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply.status(415).send({ code: "unsupported_media_type", message: "不支持的内容类型，请使用 application/json" });
    }
    if (err.statusCode && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ code: "validation_failed", message: `请求有误：${err.message}` });
    }
    request.log.error({ err: { message: err.message?.slice(0, 500), code: err.code } }, "unhandled error");
    return reply.status(errorStatus.internal).send({ code: "internal", message: "服务器内部错误，请稍后重试" });
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !fs.existsSync(path.join(webDist, "index.html"))) {
      return reply.status(404).send({ code: "not_found", message: "请求的地址不存在" });
    }
    // The console is a single-page app: every other path gets its index.html.
    return reply.type("text/html").sendFile("index.html", webDist);
  });

  installAuth(app, ctx);

  app.get("/api/v1/health", { config: { access: "public" }, schema: { hide: true } }, async () => ({
    status: "ok",
    database: ctx.database.kind,
  }));
  app.get("/api/v1/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());

  await registerModules(app, ctx);

  if (fs.existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, prefix: "/", wildcard: false, index: ["index.html"] });
  }
  return app;
}
