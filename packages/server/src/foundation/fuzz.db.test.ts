/**
 * Fuzz test over every endpoint of the OpenAPI description: malformed bodies (wrong types, missing
 * and extra fields, arrays for objects, deep nesting), NUL bytes and lone surrogates in every string
 * field, path and query parameter, huge strings and numbers, invalid UUIDs and over-long path
 * parameters — as a user whose role fits and anonymously. Asserts zero 5xx and that every error
 * body follows the contract {code, message (Chinese), fields?}.
 *
 * Seeded (KUANYAN_FUZZ_SEED, default 15) and bounded by count (at most MAX_PER_ENDPOINT requests per
 * endpoint and user, ~3,000 in all): the same requests every run, ~30 s of CPU per database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { testApp, type Session, type TestApp } from "../testing/app";

const SEED = Number(process.env.KUANYAN_FUZZ_SEED ?? 15);
/** Per-endpoint cap on generated requests (keeps the run bounded whatever the schema's size). */
const MAX_PER_ENDPOINT = 40;

/** mulberry32: a small seeded PRNG. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: Json[];
  const?: Json;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}
interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  params: { name: string; in: "path" | "query"; schema: JsonSchema }[];
}

/** Body text of an error that may not leak to a user: framework English, stacks, source paths. */
const FORBIDDEN_TEXT =
  /FST_ERR|Bad Request|Not Found|Internal Server Error|Unsupported Media Type|Payload Too Large|URI Too Long|Method Not Allowed|Too Many Requests|statusCode|is not a valid url|max param length|Unexpected token|must be |Cannot read prop|is not a function|undefined is not|TypeError|SyntaxError|ReferenceError|at .+\.(ts|js):\d+|node_modules|Failed query|params:/;
const HAN = /\p{Script=Han}/u;

/** Why a response breaks the error contract, or null when it is fine. */
export function contractViolation(res: LightMyRequestResponse, method: string): string | null {
  if (res.statusCode >= 500) return `5xx (${res.statusCode})`;
  if (res.statusCode < 400) return null;
  if (method === "HEAD") return null;
  if (!String(res.headers["content-type"] ?? "").includes("application/json")) return `not JSON (${res.headers["content-type"]})`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.body);
  } catch {
    return "unparseable JSON";
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "body not an object";
  if (typeof body.code !== "string" || !/^[a-z][a-z0-9_]*$/.test(body.code)) return `bad code ${JSON.stringify(body.code)}`;
  if (typeof body.message !== "string" || !HAN.test(body.message)) return `message not Chinese: ${JSON.stringify(body.message)}`;
  if ("stack" in body || "statusCode" in body || "error" in body) return "framework keys in body";
  for (const k of Object.keys(body)) if (!["code", "message", "fields"].includes(k)) return `unexpected key ${k}`;
  if (body.fields !== undefined) {
    if (!Array.isArray(body.fields)) return "fields not an array";
    for (const f of body.fields as { field?: unknown; message?: unknown }[]) {
      if (typeof f?.field !== "string" || typeof f?.message !== "string") return "malformed fields entry";
    }
  }
  if (FORBIDDEN_TEXT.test(res.body)) return `forbidden text: ${res.body.match(FORBIDDEN_TEXT)![0]}`;
  return null;
}

let t: TestApp;
let doc: { paths: Record<string, Record<string, Record<string, unknown>>>; components?: { schemas?: Record<string, JsonSchema> } };
const sessions = new Map<string, Session | null>();
const ids: Record<string, string> = {};

function resolve(s: JsonSchema | undefined): JsonSchema | undefined {
  let cur = s;
  for (let i = 0; cur?.$ref && i < 10; i++) cur = doc.components?.schemas?.[cur.$ref.split("/").pop()!];
  if (cur?.allOf?.length === 1) return resolve(cur.allOf[0]);
  const alt = cur?.anyOf ?? cur?.oneOf;
  if (alt) return resolve(alt.find((x) => x.type !== "null") ?? alt[0]);
  return cur;
}

function typeOf(s: JsonSchema): string | undefined {
  return Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
}

/** A plausible (often valid) value for a schema, so that mutations reach deeper than the first check. */
function sample(schema: JsonSchema | undefined, key = "", depth = 0): Json {
  const s = resolve(schema);
  if (!s || depth > 8) return "测试";
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case "string":
      if (s.format === "uuid") return ids[key] ?? ids.organisationId;
      if (s.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) return "2026-11-20";
      if (s.format === "date-time") return "2026-11-20T09:00:00.000Z";
      return "测试".repeat(Math.max(1, Math.ceil((s.minLength ?? 1) / 2)));
    case "integer":
    case "number":
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case "boolean":
      return true;
    case "array":
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, key, depth + 1));
    case "object": {
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, k, depth + 1);
      if (!s.properties && s.additionalProperties && typeof s.additionalProperties === "object")
        out.key = sample(s.additionalProperties, "", depth + 1);
      return out;
    }
    default:
      return "测试";
  }
}

/** Paths to every leaf of a value (object keys and array indexes). */
function leaves(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (v !== null && typeof v === "object") {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    if (prefix.length) out.push(prefix);
    for (const [k, x] of entries) leaves(x, [...prefix, k], out);
  } else out.push(prefix);
  return out;
}

function setAt(v: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(v);
  if (!path.length) return value ?? null;
  let cur = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

function getAt(v: Json, path: (string | number)[]): Json {
  let cur: Json = v;
  for (const k of path) cur = (cur as Record<string | number, Json>)[k];
  return cur;
}

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

const NUL = "a\u0000b";
const SURROGATE = "x\uD800y";
const LOW_SURROGATE = "\uDFFF";

/** Mutated bodies (as JSON text) for one operation. */
function bodyMutations(op: Operation, pick: () => number): string[] {
  const base = sample(op.body);
  const out: string[] = [
    JSON.stringify(base),
    "{}",
    "[]",
    "null",
    '"x"',
    "42",
    JSON.stringify([base]),
    nested(5000),
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"admin":true}}}',
  ];
  if (base && typeof base === "object" && !Array.isArray(base)) {
    out.push(JSON.stringify({ ...base, extraField: "多余", ["\u0000"]: "x" }));
    out.push(JSON.stringify({ ...base, deep: JSON.parse(nested(200)) }));
  }
  const paths = leaves(base).filter((p) => p.length);
  let hugeDone = false;
  for (const p of paths) {
    const v = getAt(base, p);
    const variants: (Json | undefined | { raw: string })[] = [undefined, [1], { a: 1 }];
    if (typeof v === "string") {
      variants.push(NUL, SURROGATE, LOW_SURROGATE, 12345, "", "   ", "x".repeat(10_001));
      if (!hugeDone) {
        variants.push("长".repeat(600_000)); // ~1.8 MB of UTF-8: just under the body limit
        hugeDone = true;
      }
    } else if (typeof v === "number") {
      variants.push(-1, 0.5, 1e308, -1e308, 2 ** 53 /* beyond Number.MAX_SAFE_INTEGER */, "NaN", "Infinity", "1", { raw: "1e400" }, { raw: "-0" });
    } else if (typeof v === "boolean") {
      variants.push("true", 1, null);
    } else if (Array.isArray(v)) {
      variants.push(
        "x",
        [null],
        [[[]]],
        Array.from({ length: 2000 }, () => 1),
      );
    } else if (v && typeof v === "object") {
      variants.push("x", [], null);
    }
    // Strings always get NUL and surrogates; the rest a seeded choice.
    const must = typeof v === "string" ? 4 : 0;
    const chosen = variants.slice(3, 3 + must).concat(variants.filter((_, i) => i < 3 || i >= 3 + must).filter(() => pick() < 0.35));
    if (typeof v === "string" && variants.length > 10) chosen.push(variants[variants.length - 1]);
    for (const x of chosen) {
      if (x && typeof x === "object" && !Array.isArray(x) && "raw" in x) {
        out.push(JSON.stringify(setAt(base, p, "@@RAW@@")).replace('"@@RAW@@"', (x as { raw: string }).raw));
      } else out.push(JSON.stringify(setAt(base, p, x as Json | undefined)));
    }
  }
  return out;
}

const PARAM_VARIANTS = [
  "not-a-uuid",
  "0",
  "-1",
  "1.5",
  "1e400",
  "NaN",
  "%00",
  "a%00b",
  "%ED%A0%80", // a lone surrogate in CESU-8: not valid UTF-8
  "%EF%BF%BF",
  "%",
  "%ZZ",
  "..%2F..%2Fetc",
  "x".repeat(220),
  "长".repeat(120),
];
const QUERY_VARIANTS = [
  "%00",
  "x%00y",
  "%ED%A0%80",
  "%ED%B0%80",
  "%",
  "-1",
  "1e400",
  "NaN",
  "0.5",
  "99999999999999999999",
  "x".repeat(5000),
  "%E5%BC%A0".repeat(700),
];

function pathWith(op: Operation, override?: { name: string; raw: string }): string {
  let p = op.path;
  for (const prm of op.params.filter((x) => x.in === "path")) {
    const raw = override?.name === prm.name ? override.raw : encodeURIComponent(ids[`path:${op.path}:${prm.name}`] ?? ids[prm.name] ?? "1");
    p = p.replace(`{${prm.name}}`, raw);
  }
  return p;
}

/** Which demo users fit an endpoint (one or two), by the area of the API. */
function rolesFor(op: Operation): string[] {
  const p = op.path;
  if (p.startsWith("/api/v1/public/") || p === "/api/v1/auth/login") return [];
  if (p.startsWith("/api/v1/auth/")) return ["demo-officer2"];
  if (p.startsWith("/api/v1/audit")) return ["demo-orgadmin", "demo-admin"];
  if (p.startsWith("/api/v1/users") || p.startsWith("/api/v1/organisations")) return ["demo-orgadmin", "demo-admin"];
  if (/\/cases\/\{id\}\/(review|decide|route)/.test(p)) return ["demo-reviewer", "demo-officer"];
  if (p.startsWith("/api/v1/cases") || p.startsWith("/api/v1/decisions")) return ["demo-officer"];
  if (/\/documents\/(templates|settings|seal)/.test(p) && op.method !== "GET") return ["demo-orgadmin"];
  if (p.startsWith("/api/v1/documents")) return ["demo-officer"];
  if (/\/lists\/.*\/(approve|return|file|evaluations)$/.test(p)) return ["demo-justice", "demo-listmanager"];
  if (p.startsWith("/api/v1/lists")) return ["demo-listmanager"];
  if (p.startsWith("/api/v1/supervision") || p.includes("/reports/board")) return ["demo-justice"];
  if (p.startsWith("/api/v1/statistics")) return ["demo-orgadmin", "demo-justice"];
  return ["demo-officer"];
}

async function session(user: string): Promise<Session | null> {
  if (!sessions.has(user)) sessions.set(user, await t.login(user).catch(() => null));
  return sessions.get(user)!;
}

beforeAll(async () => {
  t = await testApp();
  doc = (await t.get("/api/v1/openapi.json")).json();
  const one = async (sql: string) => (await t.database.query<{ v: string }>(sql))[0]?.v;
  const mx = await one("SELECT id::text AS v FROM organisations WHERE name = '明溪县应急管理局'");
  const caseId = await one(`SELECT id::text AS v FROM cases WHERE organisation_id = '${mx}' ORDER BY created_at LIMIT 1`);
  const docId = await one(`SELECT id::text AS v FROM documents WHERE organisation_id = '${mx}' ORDER BY created_at LIMIT 1`);
  const listId = await one("SELECT id::text AS v FROM lists ORDER BY created_at LIMIT 1");
  const laws = (await t.get("/api/v1/laws", (await session("demo-officer"))!)).json().items as { id: string }[];
  Object.assign(ids, {
    organisationId: mx,
    id: caseId,
    caseId,
    evidenceId: (await one(`SELECT id::text AS v FROM evidence WHERE case_id = '${caseId}' LIMIT 1`)) ?? "9b0f6c1e-3c1a-4a57-9f7e-2b1d4c5e6f70",
    deliveryId: (await one(`SELECT id::text AS v FROM deliveries WHERE document_id = '${docId}' LIMIT 1`)) ?? "9b0f6c1e-3c1a-4a57-9f7e-2b1d4c5e6f71",
    shortCode: (await one(`SELECT short_code AS v FROM documents WHERE id = '${docId}'`)) ?? "ABCDEFGH",
    no: "1",
    type: "warning",
    code: await one("SELECT code AS v FROM matters ORDER BY code LIMIT 1"),
  });
  for (const [p, v] of [
    ["/api/v1/documents/{id}", docId],
    ["/api/v1/lists/{id}", listId],
    ["/api/v1/laws/{id}", laws[0]?.id],
    ["/api/v1/organisations/{id}", mx],
    ["/api/v1/users/{id}", await one("SELECT id::text AS v FROM users WHERE username = 'demo-listmanager-mx'")],
    ["/api/v1/documents/template-versions/{id}", await one("SELECT id::text AS v FROM document_templates WHERE organisation_id IS NOT NULL LIMIT 1")],
    ["/api/v1/statistics/reports/{id}", await one("SELECT id::text AS v FROM statistics_reports LIMIT 1")],
  ] as const) {
    if (!v) continue;
    for (const full of Object.keys(doc.paths)) if (full.startsWith(p)) ids[`path:${full}:id`] = v;
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("模糊测试：每个接口面对畸形输入都不出现 5xx，错误均符合 {code, message, fields?} 约定", () => {
  it("所有接口 × 畸形请求体、NUL/孤立代理字符、超长字符串与数字、无效 UUID、超长路径参数", async () => {
    const started = Date.now();
    const pick = rng(SEED);
    const ops: Operation[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, raw] of Object.entries(methods)) {
        const op = raw as { parameters?: Operation["params"]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } };
        ops.push({
          method: method.toUpperCase(),
          path,
          body: op.requestBody?.content?.["application/json"]?.schema,
          params: (op.parameters ?? []).filter((x) => x.in === "path" || x.in === "query"),
        });
      }
    }
    expect(ops.length).toBeGreaterThan(90);

    const failures: string[] = [];
    let sent = 0;
    const send = async (op: Operation, url: string, user: string | null, payload?: string) => {
      const s = user ? await session(user) : null;
      const headers: Record<string, string> = s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {};
      if (payload !== undefined) headers["content-type"] = "application/json";
      const res = await t.app.inject({ method: op.method as "GET", url, headers, ...(payload !== undefined ? { payload } : {}) });
      sent++;
      const why = contractViolation(res, op.method);
      if (why)
        failures.push(
          `${op.method} ${url.slice(0, 160)} as ${user ?? "anonymous"} body=${(payload ?? "").slice(0, 120)} → ${res.statusCode} ${why} :: ${res.body.slice(0, 200)}`,
        );
      return res;
    };

    const timings: [number, string][] = [];
    for (const op of ops) {
      const opStarted = Date.now();
      const users = rolesFor(op);
      const requests: { url: string; payload?: string }[] = [];
      const hasBody = op.method !== "GET" && op.method !== "DELETE";
      const basePath = pathWith(op);
      if (hasBody) for (const b of bodyMutations(op, pick)) requests.push({ url: basePath, payload: b });
      else requests.push({ url: basePath });
      const baseBody = hasBody ? JSON.stringify(sample(op.body)) : undefined;
      for (const prm of op.params.filter((x) => x.in === "path")) {
        for (const v of PARAM_VARIANTS)
          if (pick() < 0.6 || v.length > 100 || v.includes("%00") || v.includes("%ED"))
            requests.push({ url: pathWith(op, { name: prm.name, raw: v }), payload: baseBody });
      }
      for (const prm of op.params.filter((x) => x.in === "query")) {
        const good = encodeURIComponent(String(sample(prm.schema, prm.name)));
        for (const v of QUERY_VARIANTS) {
          if (pick() < 0.5 || v.includes("%00") || v.includes("%ED")) requests.push({ url: `${basePath}?${prm.name}=${v}`, payload: baseBody });
        }
        requests.push({ url: `${basePath}?${prm.name}=${good}&${prm.name}=${good}`, payload: baseBody });
        requests.push({ url: `${basePath}?${prm.name}[a]=1`, payload: baseBody });
      }
      const bounded = requests.slice(0, MAX_PER_ENDPOINT);
      for (const user of users) {
        for (const r of bounded) await send(op, r.url, user, r.payload);
        // A fuzzed write may have ended the session (logout, password change): log in again.
        const me = await t.get("/api/v1/auth/me", (await session(user)) ?? undefined);
        if (me.statusCode !== 200) sessions.delete(user);
      }
      // Anonymously: everything on public endpoints, a sample elsewhere (the 401 must be in the contract too).
      const anon = users.length === 0 ? bounded : bounded.filter((_, i) => i < 3 || pick() < 0.05);
      for (const r of anon) await send(op, r.url, null, r.payload);
      timings.push([Date.now() - opStarted, `${op.method} ${op.path}`]);
    }
    timings.sort((a, b) => b[0] - a[0]);
    console.log(
      `slowest: ${timings
        .slice(0, 8)
        .map(([ms, name]) => `${name} ${ms} ms`)
        .join("; ")}`,
    );

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`fuzz: seed ${SEED}, ${ops.length} endpoints, ${sent} requests in ${seconds} s, ${failures.length} failures`);
    expect(failures, `seed ${SEED}`).toEqual([]);
  }, 300_000);
});
