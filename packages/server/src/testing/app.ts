import type { LightMyRequestResponse } from "fastify";
import { buildApp, type App } from "../http/app";
import type { AppContext } from "../http/context";
import type { Database } from "../db/client";
import { DEMO_PASSWORD } from "../demo/organisations";
import { freshDatabase, testConfig } from "./db";

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  database: Database;
  /** Logs in a (demo) user and returns the session cookie and CSRF token. */
  login(username: string, password?: string): Promise<Session>;
  get(url: string, session?: Session): Promise<LightMyRequestResponse>;
  post(url: string, body: unknown, session?: Session): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, session?: Session): Promise<LightMyRequestResponse>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

/** An app on a fresh database with demo data, driven through Fastify's inject (no port). */
export async function testApp(options: { now?: () => Date } = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const ctx: AppContext = { database, config: testConfig(), now: options.now ?? (() => new Date()) };
  const app = await buildApp(ctx);
  const headers = (s?: Session) => (s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {});
  const t: TestApp = {
    app,
    ctx,
    database,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      return { cookie, csrf: res.json().csrfToken };
    },
    get: (url, s) => app.inject({ method: "GET", url, headers: headers(s) }),
    post: (url, body, s) => app.inject({ method: "POST", url, payload: body as object, headers: headers(s) }),
    patch: (url, body, s) => app.inject({ method: "PATCH", url, payload: body as object, headers: headers(s) }),
    async count(table) {
      const [{ n }] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      return n;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return t;
}
