import path from "node:path";
import { z } from "zod";

/**
 * Configuration is read once from the environment, validated and typed. A bad value stops the
 * start with the list of what is wrong (in Chinese, with the variable's name).
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  KUANYAN_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "必须以 postgres:// 或 postgresql:// 开头")
    .optional(),
  KUANYAN_DEMO: z.enum(["auto", "on", "off"]).default("auto"),
  KUANYAN_COOKIE_SECURE: z.enum(["auto", "on", "off"]).default("auto"),
  KUANYAN_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  KUANYAN_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  KUANYAN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  KUANYAN_PUBLIC_URL: z.string().url("必须是完整的网址，例如 https://kuanyan.example.gov.cn").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // uploads slice: limits of parsed uploads (src/uploads/limits.ts has the others).
  KUANYAN_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
  KUANYAN_PARSE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  KUANYAN_PARSE_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(2),
  KUANYAN_PARSE_HEAP_MB: z.coerce.number().int().min(64).max(8192).default(512),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: "auto" | "on" | "off";
  cookieSecure: "auto" | "on" | "off";
  sessionHours: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  publicUrl?: string;
  logLevel: string;
  // uploads slice
  uploads: {
    maxMb: number;
    parseTimeoutSeconds: number;
    parseConcurrency: number;
    parseHeapMb: number;
    /** Any other limit of src/uploads/limits.ts (tests). */
    overrides?: Partial<import("../uploads/limits").UploadLimits>;
  };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`配置有误，无法启动：\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}：${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.KUANYAN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.KUANYAN_DEMO,
    cookieSecure: e.KUANYAN_COOKIE_SECURE,
    sessionHours: e.KUANYAN_SESSION_HOURS,
    loginMaxFailures: e.KUANYAN_LOGIN_MAX_FAILURES,
    lockoutMinutes: e.KUANYAN_LOCKOUT_MINUTES,
    publicUrl: e.KUANYAN_PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    // uploads slice
    uploads: {
      maxMb: e.KUANYAN_UPLOAD_MAX_MB,
      parseTimeoutSeconds: e.KUANYAN_PARSE_TIMEOUT_SECONDS,
      parseConcurrency: e.KUANYAN_PARSE_CONCURRENCY,
      parseHeapMb: e.KUANYAN_PARSE_HEAP_MB,
    },
    ...overrides,
  };
}
