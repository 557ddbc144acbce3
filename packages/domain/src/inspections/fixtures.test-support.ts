/** Helpers for tests and the bench: valid 统一社会信用代码 and generated pools. */
import type { PoolObject } from "./pool";
import { industries, riskLevels } from "./units";

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid 统一社会信用代码 "91" + region + 9-digit serial + check character (GB 32100-2015). */
export function makeCreditCode(regionCode: string, serial: number): string {
  const body = `91${regionCode}${String(serial).padStart(9, "0")}`;
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARS.indexOf(body[i]) * w;
    w = (w * 3) % 31;
  }
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** A deterministic pool of n units in 晋江 (350582), every 20th a key unit. */
export function generatedObjects(n: number, regionCode = "350582"): PoolObject[] {
  return Array.from({ length: n }, (_, i) => ({
    creditCode: makeCreditCode(regionCode, 100_000 + i),
    name: `晋江市测试企业${i + 1}有限公司`,
    regionCode,
    industry: industries[(i * 7) % industries.length],
    riskLevel: riskLevels[(i * 3) % riskLevels.length],
    keyUnit: i % 20 === 0,
  }));
}
