// One error path (issue 16): a domain error becomes its HTTP status with its Chinese message in
// one place (src/http/errors.ts + the error handler); anything else is a bug — logged, answered
// 500 with a generic Chinese message and nothing of its own text.
import { Writable } from "node:stream";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { ConflictError, DomainError, InvalidInputError, NotFoundError, RefusedError } from "@kuanyan/domain/errors";
import { errorHandler } from "./error-contract";
import { AppError } from "./errors";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A bare Fastify with our error handler and a route that throws `err`; the log goes to `lines`. */
async function throwing(err: unknown, lines: string[] = []) {
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = Fastify({ logger: { level: "info", stream } });
  app.setErrorHandler(errorHandler);
  app.get("/boom", async () => {
    throw err;
  });
  await app.ready();
  return app.inject({ method: "GET", url: "/boom" });
}

describe("领域错误在一处映射为 HTTP 状态，消息为中文", () => {
  it.each([
    [new NotFoundError("案件不存在或无权查看"), 404, "not_found"],
    [new InvalidInputError("统计期间起始日期晚于截止日期：2026-12-01 至 2026-01-01"), 400, "validation_failed"],
    [new RefusedError("案件已办结归档并锁定，不能修改"), 422, "rule_violation"],
    [new ConflictError("该报表已报送，如需修改请更正"), 409, "conflict"],
    [new DomainError("decision_basis_missing", "无法在法律法规库中找到决定所依据的条款"), 422, "decision_basis_missing"],
    [new AppError("version_conflict", "该记录已被他人修改，请刷新后重试（您的修改未保存）"), 409, "version_conflict"],
  ])("%s → %i", async (err, status, code) => {
    const res = await throwing(err);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ code, message: (err as Error).message });
  });

  it("输入错误带出有问题的字段", async () => {
    const res = await throwing(new InvalidInputError("输入有误：请填写决定日期", [{ field: "decisionDate", message: "请填写决定日期" }]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: "validation_failed",
      message: "输入有误：请填写决定日期",
      fields: [{ field: "decisionDate", message: "请填写决定日期" }],
    });
  });

  it("程序缺陷（普通异常）：500、通用中文提示、不含内部文字，并写入日志", async () => {
    const lines: string[] = [];
    const res = await throwing(new TypeError("Cannot read properties of undefined (reading 'regionCode') 内部细节"), lines);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: "internal", message: "服务器内部错误，请稍后重试" });
    expect(res.body).not.toContain("regionCode");
    expect(res.body).not.toContain("内部细节");
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
    expect(logged).toHaveLength(1);
    expect(logged[0].msg).toBe("unhandled error");
    expect(logged[0].err.message).toContain("Cannot read properties of undefined");
    expect(logged[0].err.stack).toContain("domain-errors.test.ts");
  });

  it("带中文消息的 RangeError 也是程序缺陷，不以 400 交给执法人员", async () => {
    const res = await throwing(new RangeError("月份无效：13"));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain("月份无效");
  });
});
