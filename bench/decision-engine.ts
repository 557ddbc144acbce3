/**
 * Decision engine throughput: evaluations per second on one core with 1,000 list items loaded
 * (三明's 10 items plus 990 generated ones over 250 matter codes and 5 organisations, with
 * claims). Run: npx tsx bench/decision-engine.ts — prints one JSON line {name, opsPerSec, items}.
 */
import { buildDecisionIndex, evaluateDecision, type DecisionInput } from "../packages/domain/src/decisions";
import { fixtureLookup } from "../packages/domain/src/decisions/provisions.test-support";
import { highRiskIndustries, sanmingLists, type Claim, type ListItem, type ListRecord, type ListType } from "../packages/domain/src/lists";

const TARGET_ITEMS = 1000;
const ORGS = ["org-0", "org-1", "org-2", "org-3", "org-4"];
const TYPES: ListType[] = ["no_penalty", "mitigated", "lighter", "heavier"];

function generatedLists(count: number): ListRecord[] {
  const perList = Math.ceil(count / (ORGS.length * TYPES.length));
  const records: ListRecord[] = [];
  let made = 0;
  for (const org of ORGS) {
    for (const type of TYPES) {
      const items: ListItem[] = [];
      for (let seq = 1; seq <= perList && made < count; seq += 1, made += 1) {
        const code = `GEN-${String((made * 7) % 250).padStart(3, "0")}`;
        items.push({
          seq,
          matterName: `生成事项${code}`,
          matterCode: code,
          circumstances: "测试情形",
          basis: [{ law: "中华人民共和国行政处罚法", article: type === "no_penalty" ? 33 : type === "heavier" ? 5 : 32 }],
          basisText: "测试依据",
          measures: type === "heavier" ? [] : ["persuasion", "administrativeAdvice"],
          otherMeasures: [],
          conditions:
            type === "heavier"
              ? [{ kind: "repeatOffence", withinMonths: 12 }]
              : [
                  { kind: "subjectCategoryNotIn", categories: [...highRiskIndustries] },
                  { kind: "firstTimeFound" },
                  { kind: "corrected", how: "within_deadline" },
                  { kind: "harm", atMost: type === "no_penalty" ? "none" : "minor" },
                  { kind: "question", id: `q${seq}`, text: "有证据证明开展了相关工作", expected: true },
                ],
        });
      }
      records.push({
        list: { id: `${org}-${type}`, type, organisationId: org, title: `${org}${type}`, notes: "", status: "in_force" },
        versions: [{ version: 1, status: "published", effectiveFrom: "2022-01-01", reviews: [], evaluations: [], items }],
      });
    }
  }
  return records;
}

const sanming = sanmingLists();
const sanmingItems = sanming.reduce((n, r) => n + r.versions[0].items.length, 0);
const lists = [...sanming, ...generatedLists(TARGET_ITEMS - sanmingItems)];
const items = lists.reduce((n, r) => n + r.versions.reduce((m, v) => m + v.items.length, 0), 0);
const claims: Claim[] = ["sanming-yjj-no-penalty", "sanming-yjj-mitigated", "sanming-yjj-lighter"].map((listId) => ({
  listId,
  version: 1,
  organisationId: "mingxi-yjj",
  claimedOn: "2022-06-01",
}));
const index = buildDecisionIndex({ lists, claims });
const context = { index, lookup: fixtureLookup };

const inputs: DecisionInput[] = [];
for (let i = 0; i < 64; i += 1) {
  const org = i % 3 === 0 ? "sanming-yjj" : i % 3 === 1 ? "mingxi-yjj" : ORGS[i % ORGS.length];
  const code = org.startsWith("org")
    ? `GEN-${String((i * 13) % 250).padStart(3, "0")}`
    : ["YJ-AQSCF-097-04", "YJ-AQSCF-097-05", "YJ-YJYA-PS", "YJ-AQSCF-097-06"][i % 4];
  inputs.push({
    organisationId: org,
    decisionDate: "2023-03-01",
    matter: { code, name: "事项", fineRange: { minYuan: 0, maxYuan: 100000 }, penaltyText: "责令限期改正，处十万元以下的罚款" },
    subject: { kind: "enterprise", industryCategory: i % 5 === 0 ? "construction" : "general" },
    act: { date: "2023-01-10", discoveredOn: "2023-02-01" },
    circumstances: {
      firstTimeFound: i % 7 !== 0,
      correction: i % 2 === 0 ? "within_deadline" : "on_spot",
      harm: i % 3 === 0 ? "minor" : "none",
      proactiveElimination: i % 4 === 0,
      priorViolationDates: i % 6 === 0 ? ["2022-10-01"] : [],
      answers: {
        hazard_check_evidence: true,
        training_done_evidence: true,
        plan_prepared: true,
        rescue_plan_exists: true,
        q1: true,
        q2: i % 2 === 0,
      },
    },
  });
}

function run(iterations: number): number {
  let sink = 0;
  for (let i = 0; i < iterations; i += 1) sink += evaluateDecision(inputs[i & 63], context).basis.length;
  return sink;
}

run(20_000); // warm-up
const iterations = 200_000;
// Throughput per CPU-second of this (single-threaded) process: on a shared machine wall-clock time
// includes time spent waiting for the CPU; the wall-clock rate is printed too.
const cpuStart = process.cpuUsage();
const started = process.hrtime.bigint();
const sink = run(iterations);
const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
if (sink === 0) throw new Error("no basis produced");
console.log(
  JSON.stringify({
    name: "decision-engine",
    opsPerSec: Math.round(iterations / cpuSeconds),
    items,
    wallOpsPerSec: Math.round(iterations / wallSeconds),
    iterations,
  }),
);
