import net from "node:net";
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
  KUANYAN_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  KUANYAN_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  KUANYAN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  KUANYAN_PUBLIC_URL: z.string().url("必须是完整的网址，例如 https://kuanyan.example.gov.cn").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // sessions (issue 15 item 4): idle timeout and the number of concurrent sessions per user.
  KUANYAN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  KUANYAN_MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
  // pii: the data key (encrypts ID numbers and phones), from the environment or a key file, never the database.
  // An empty value (e.g. `KUANYAN_DATA_KEY=` in a compose file) counts as not set.
  KUANYAN_DATA_KEY: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .refine(
        (v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, "base64").length === 32,
        "应为 32 字节随机数的 base64 编码（可用 openssl rand -base64 32 生成）",
      )
      .optional(),
  ),
  KUANYAN_KEY_FILE: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().min(1).optional()),
  // edge (rate limits): requests per window; 0 turns that limit off. The defaults sit well above what
  // the browser and server test suites do from 127.0.0.1 (they log in many times a minute), so only
  // abuse reaches them; tests that check the limits lower them through the config.
  KUANYAN_RATE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(60),
  KUANYAN_RATE_LOGIN_PER_IP: z.coerce.number().int().min(0).max(1_000_000).default(120),
  KUANYAN_RATE_LOGIN_PER_USER: z.coerce.number().int().min(0).max(1_000_000).default(60),
  KUANYAN_RATE_PUBLIC: z.coerce.number().int().min(0).max(1_000_000).default(300),
  KUANYAN_RATE_UPLOAD: z.coerce.number().int().min(0).max(1_000_000).default(60),
  // errors slice: the key of the keyed hash (HMAC-SHA256) that replaces query values in logged URLs.
  KUANYAN_LOG_HASH_KEY: z.string().min(16, "至少 16 个字符").optional(),
  // audit (issue 15): the proxies whose X-Forwarded-For/-Proto are believed; the checkpoint export.
  KUANYAN_TRUST_PROXY: z
    .string()
    .trim()
    .default("")
    .refine(
      (v) => parseTrustProxy(v) !== undefined,
      "应为空（不信任任何代理）、loopback、代理 IP/网段列表（逗号分隔，如 10.0.0.1,10.0.1.0/24）或代理层数（如 1）",
    ),
  KUANYAN_AUDIT_EXPORT_DIR: z.string().min(1).optional(),
  KUANYAN_AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(1).max(1_000_000).default(100),
  // uploads slice: limits of parsed uploads (src/uploads/limits.ts has the others).
  KUANYAN_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
  KUANYAN_PARSE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  KUANYAN_PARSE_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(2),
  KUANYAN_PARSE_HEAP_MB: z.coerce.number().int().min(64).max(8192).default(512),
});

/**
 * What Fastify's trustProxy receives: false (nobody), a list of addresses/CIDRs/names, or for a hop
 * count a function trusting the first N hops (Fastify itself ignores a bare number). A hop count
 * cannot tell the proxy from a client that sends its own X-Forwarded-For: use it only when the
 * server cannot be reached except through the proxies.
 */
export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

const proxyNames = new Set(["loopback", "linklocal", "uniquelocal"]);

/** Parses KUANYAN_TRUST_PROXY; undefined when the value is not valid. */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  const v = value.trim();
  if (v === "" || v === "off" || v === "none") return false;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 10 ? (_address: string, hop: number) => hop < n : undefined;
  }
  const parts = v
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return undefined;
  for (const p of parts) {
    if (proxyNames.has(p)) continue;
    const [ip, bits, ...rest] = p.split("/");
    const family = net.isIP(ip);
    if (!family || rest.length) return undefined;
    if (bits !== undefined) {
      if (!/^\d+$/.test(bits) || Number(bits) > (family === 4 ? 32 : 128)) return undefined;
    }
  }
  return parts;
}

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
  // sessions (issue 15 item 4)
  sessionIdleMinutes: number;
  maxSessionsPerUser: number;
  // pii: base64 of the 32-byte data key, or the file that holds it (see src/pii/keySource.ts).
  dataKey?: string;
  keyFile?: string;
  // edge (rate limits): see KUANYAN_RATE_* above.
  rateWindowSeconds: number;
  /** Login attempts per client IP (any username) per window. */
  rateLoginPerIp: number;
  /** Login attempts per client IP and username per window. */
  rateLoginPerUser: number;
  /** Anonymous requests to public endpoints per client IP per window. */
  ratePublic: number;
  /** Uploads per user (or, anonymous, per client IP) per window. */
  rateUpload: number;
  /** errors slice: key for hashing query values in logged URLs (random per process when absent). */
  logHashKey?: string;
  // audit (issue 15)
  /** Proxies trusted for X-Forwarded-For/-Proto (KUANYAN_TRUST_PROXY); false: none. */
  trustProxy: TrustProxy;
  /** Where audit checkpoints are exported (KUANYAN_AUDIT_EXPORT_DIR; default: <data dir>-audit). */
  auditExportDir: string;
  /** A checkpoint every N audit events (KUANYAN_AUDIT_CHECKPOINT_EVERY). */
  auditCheckpointEvery: number;
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
    // sessions (issue 15 item 4)
    sessionIdleMinutes: e.KUANYAN_SESSION_IDLE_MINUTES,
    maxSessionsPerUser: e.KUANYAN_MAX_SESSIONS_PER_USER,
    dataKey: e.KUANYAN_DATA_KEY,
    keyFile: e.KUANYAN_KEY_FILE ? path.resolve(e.KUANYAN_KEY_FILE) : undefined,
    rateWindowSeconds: e.KUANYAN_RATE_WINDOW_SECONDS,
    rateLoginPerIp: e.KUANYAN_RATE_LOGIN_PER_IP,
    rateLoginPerUser: e.KUANYAN_RATE_LOGIN_PER_USER,
    ratePublic: e.KUANYAN_RATE_PUBLIC,
    rateUpload: e.KUANYAN_RATE_UPLOAD,
    logHashKey: e.KUANYAN_LOG_HASH_KEY,
    trustProxy: parseTrustProxy(e.KUANYAN_TRUST_PROXY) as TrustProxy,
    auditExportDir: path.resolve(e.KUANYAN_AUDIT_EXPORT_DIR ?? `${path.resolve(e.KUANYAN_DATA_DIR)}-audit`),
    auditCheckpointEvery: e.KUANYAN_AUDIT_CHECKPOINT_EVERY,
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
