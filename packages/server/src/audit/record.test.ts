// recordAudit takes the transaction that makes the change: a call with the database handle (outside
// a transaction) does not compile (checked by `tsc`, which includes this file).
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Db, Tx } from "../db/client";
import { recordAudit } from "./record";

describe("recordAudit 只接受事务", () => {
  it("第一个参数是事务，数据库句柄不能代替", () => {
    expectTypeOf(recordAudit).parameter(0).toEqualTypeOf<Tx>();
    expectTypeOf<Db>().not.toExtend<Tx>();
    const outsideATransaction = (db: Db) =>
      // @ts-expect-error a database handle is not a transaction
      recordAudit(db, null, { action: "x", entityType: "x", entityId: "x", organisationId: null, regionCode: "350421" });
    expect(typeof outsideATransaction).toBe("function");
  });
});
