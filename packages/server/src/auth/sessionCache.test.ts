// The session cache's own rules (src/auth/sessionCache.ts), on a clock the test moves.
import { describe, expect, it } from "vitest";
import { FALLBACK_MAX_AGE_MS, LISTENING_MAX_AGE_MS, MAX_ENTRIES, SessionCache, type SessionRecord } from "./sessionCache";

const now = new Date("2026-12-01T02:00:00Z");

function record(tokenHash: string, over: Partial<SessionRecord> = {}): SessionRecord {
  return {
    tokenHash,
    csrfToken: "c",
    userId: "u1",
    username: "demo-officer",
    displayName: "张三",
    roles: ["officer"],
    licenceNo: null,
    organisationId: "o1",
    organisationName: "明溪县应急管理局",
    organisationDomain: "应急管理",
    regionCode: "350421",
    expiresAt: new Date(now.getTime() + 3600_000),
    lastSeenAt: now,
    ...over,
  };
}

function cacheAt() {
  let ms = 0;
  const cache = new SessionCache(() => ms);
  return { cache, advance: (d: number) => (ms += d) };
}

describe("session cache", () => {
  it("监听正常时条目至多使用 30 秒；监听中断时至多 2 秒，之后重新读库", () => {
    const { cache, advance } = cacheAt();
    cache.setListening(true);
    cache.put(record("a"), cache.generation);
    advance(LISTENING_MAX_AGE_MS);
    expect(cache.get("a", now)).toBeDefined();
    advance(1);
    expect(cache.get("a", now)).toBeUndefined();

    cache.setListening(false);
    cache.put(record("b"), cache.generation);
    advance(FALLBACK_MAX_AGE_MS);
    expect(cache.get("b", now)).toBeDefined();
    advance(1);
    expect(cache.get("b", now)).toBeUndefined();
  });

  it("监听中断或恢复时清空缓存（期间的通知可能已丢失）", () => {
    const { cache } = cacheAt();
    cache.setListening(true);
    cache.put(record("a"), cache.generation);
    cache.setListening(false);
    expect(cache.get("a", now)).toBeUndefined();
    cache.put(record("a"), cache.generation);
    cache.setListening(true);
    expect(cache.get("a", now)).toBeUndefined();
  });

  it("读库期间收到失效通知时，读到的旧会话不进缓存", () => {
    const { cache } = cacheAt();
    cache.setListening(true);
    const generation = cache.generation; // a read begins
    cache.apply("t:a"); // meanwhile the session ends on another process
    cache.put(record("a"), generation); // the read returns what it saw before
    expect(cache.get("a", now)).toBeUndefined();
  });

  it("通知按会话、用户、单位或全部失效", () => {
    const { cache } = cacheAt();
    cache.setListening(true);
    const fill = () => {
      cache.put(record("a", { userId: "u1", organisationId: "o1" }), cache.generation);
      cache.put(record("b", { userId: "u2", organisationId: "o1" }), cache.generation);
      cache.put(record("c", { userId: "u3", organisationId: "o2" }), cache.generation);
    };
    const held = () => ["a", "b", "c"].filter((h) => cache.get(h, now));
    fill();
    cache.apply("t:b");
    expect(held()).toEqual(["a", "c"]);
    fill();
    cache.apply("u:u3");
    expect(held()).toEqual(["a", "b"]);
    fill();
    cache.apply("o:o1");
    expect(held()).toEqual(["c"]);
    fill();
    cache.apply("*");
    expect(held()).toEqual([]);
  });

  it("过期或按本进程所知已空闲超时的会话不由缓存认出（交给数据库判断）", () => {
    const { cache } = cacheAt();
    cache.setListening(true);
    cache.put(record("expired", { expiresAt: now }), cache.generation);
    expect(cache.get("expired", now)).toBeUndefined();
    cache.put(record("idle", { lastSeenAt: new Date(now.getTime() - 30 * 60_000) }), cache.generation);
    expect(cache.get("idle", now, 30)).toBeUndefined();
    cache.put(record("busy", { lastSeenAt: new Date(now.getTime() - 29 * 60_000) }), cache.generation);
    expect(cache.get("busy", now, 30)).toBeDefined();
  });

  it("缓存条目数有上限，超出时最早的条目先出", () => {
    const { cache } = cacheAt();
    cache.setListening(true);
    for (let i = 0; i <= MAX_ENTRIES; i++) cache.put(record(`h${i}`), cache.generation);
    expect(cache.size).toBe(MAX_ENTRIES);
    expect(cache.get("h0", now)).toBeUndefined();
    expect(cache.get(`h${MAX_ENTRIES}`, now)).toBeDefined();
  });
});
