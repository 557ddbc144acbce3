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
  // pii: the data key (encrypts ID numbers and phones), from the environment or a key file, never the database.
  // An empty value (e.g. `KUANYAN_DATA_KEY=` in a compose file) counts as not set.
  KUANYAN_DATA_KEY: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, "base64").length === 32, "应为 32 字节随机数的 base64 编码（可用 openssl rand -base64 32 生成）")
      .optional(),
  ),
  KUANYAN_KEY_FILE: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().min(1).optional()),
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
  // pii: base64 of the 32-byte data key, or the file that holds it (see src/pii/keySource.ts).
  dataKey?: string;
  keyFile?: string;
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
    dataKey: e.KUANYAN_DATA_KEY,
    keyFile: e.KUANYAN_KEY_FILE ? path.resolve(e.KUANYAN_KEY_FILE) : undefined,
    ...overrides,
  };
}
