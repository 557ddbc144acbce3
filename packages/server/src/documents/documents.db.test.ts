import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, gte, isNull, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES, DOCUMENT_TYPES, sampleValues, type DocumentType } from "@kuanyan/domain/documents";
import { formatChineseDate } from "@kuanyan/domain/dates";
import { MATTERS } from "@kuanyan/domain/matters";
import { cases, organisations } from "../db/schema";
import { partyPhoneColumns } from "../pii/values";
import { testApp, type Session, type TestApp } from "../testing/app";
import { testDbKind } from "../testing/db";
import { sampleSealPng, sampleSignaturePng } from "./render/sample-images";

// 2026-11-25 10:00 in China.
const NOW = new Date("2026-11-25T02:00:00Z");
const TODAY = "2026-11-25";

let t: TestApp;
let officer: Session;
let orgAdmin: Session;
let orgId: string;
let caseId: string;

const matter = MATTERS.find((m) => m.name.startsWith("生产经营单位未将事故隐患排查治理情况如实记录"))!;

/** A case of 明溪县应急管理局 to issue documents for: a demo case when the cases demo made one, else one made here. */
async function demoCase(): Promise<string> {
  const [existing] = await t.database.db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.organisationId, orgId),
        eq(cases.isDemo, true),
        eq(cases.status, "in_progress"),
        or(isNull(cases.correctionDue), gte(cases.correctionDue, TODAY)),
      ),
    )
    .limit(1);
  if (existing) return existing.id;
  const [org] = await t.database.db.select().from(organisations).where(eq(organisations.id, orgId));
  const [row] = await t.database.db
    .insert(cases)
    .values({
      regionCode: org.regionCode,
      organisationId: orgId,
      caseNo: "明溪应急柔〔2026〕18号",
      status: "in_progress",
      route: "caution",
      partyType: "unit",
      partyName: "明溪县宏达木业有限公司",
      partyCreditCode: "91350421MA2Y8K7Q3L",
      partyAddress: "福建省三明市明溪县城关乡工业园区8号",
      partyContact: "林建华",
      ...partyPhoneColumns("0598-2812345"),
      matterCode: matter.code,
      matterName: matter.name,
      facts: "建立了事故隐患排查治理制度并开展了隐患排查治理工作，但未将事故隐患排查治理情况向从业人员通报",
      actDate: "2026-11-10",
      discoveredOn: "2026-11-20",
      decidedOutcome: "no_penalty",
      correctionDue: "2026-12-10",
      decision: {
        basis: [{ cited: "《中华人民共和国行政处罚法》第三十三条第一款", text: "初次违法且危害后果轻微并及时改正的，可以不予行政处罚。" }],
        listItem: { listTitle: "三明市应急管理局不予处罚事项清单", seq: 1 },
      },
    })
    .returning();
  return row.id;
}

/** The officer's values: every field the case leaves to the officer, from the sample values. */
async function officerValues(type: DocumentType, overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const res = await t.post("/api/v1/documents/preview", { type, caseId }, officer);
  expect(res.statusCode, res.body).toBe(200);
  const sample = sampleValues(type, TODAY);
  const out: Record<string, string> = {};
  for (const f of res.json().form as { key: string; editable: boolean }[]) if (f.editable && sample[f.key]) out[f.key] = sample[f.key]!;
  return { ...out, ...overrides };
}

async function issue(type: DocumentType, overrides: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  return t.post("/api/v1/documents", { caseId, type, values: await officerValues(type, overrides), ...extra }, officer);
}

beforeAll(async () => {
  t = await testApp({ now: () => NOW });
  officer = await t.login("demo-officer");
  orgAdmin = await t.login("demo-orgadmin");
  const [org] = await t.database.db.select().from(organisations).where(eq(organisations.name, "明溪县应急管理局"));
  orgId = org.id;
  caseId = await demoCase();
}, 120_000);
afterAll(async () => t?.close());

describe("签发文书", () => {
  it.each(DOCUMENT_TYPES)("the %s template issues for a demo case with no unfilled field", async (type) => {
    const res = await issue(type);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    const template = BUILT_IN_TEMPLATES[type];
    const unfilled = template.fields.filter((f) => f.source !== "delivery" && (doc.values[f.key] ?? "") === "").map((f) => f.label);
    expect(unfilled).toEqual([]);
    expect(doc.templateVersion).toBe(template.version);
    if (template.numbered) expect(doc.number).toMatch(new RegExp(`^明溪应急${template.typeShort}〔2026〕\\d+号$`));
    const pdf = await t.get(`/api/v1/documents/${doc.id}/pdf`, officer);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("the issued 行政告诫书 PDF reads back its number, party and deadline (pdftotext); DOCX is generated on demand", async () => {
    const res = await issue("warning");
    const doc = res.json();
    const pdf = await t.get(`/api/v1/documents/${doc.id}/pdf`, officer);
    const file = path.join(os.tmpdir(), `kuanyan-doc-${doc.id}.pdf`);
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString().replace(/\s+/g, "");
    fs.rmSync(file);
    expect(text).toContain(doc.number);
    const [c] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(text).toContain(c.partyName);
    expect(text).toContain(formatChineseDate(doc.values.dueDate));
    expect(text).toContain("本文书一式二份，一份送达，一份归档。");
    expect(text).toContain(doc.shortCode);
    const docx = await t.get(`/api/v1/documents/${doc.id}/docx`, officer);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("numbers are consecutive per organisation, type and year (sequential issues)", async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await issue("reminder");
      expect(res.statusCode).toBe(201);
      numbers.push(Number(/〔2026〕(\d+)号/.exec(res.json().number)![1]));
    }
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBe(numbers[i - 1] + 1);
  });

  it("a failed issue leaves no gap: the number rolls back with the transaction", async () => {
    const first = await issue("advice");
    const n1 = Number(/〔2026〕(\d+)号/.exec(first.json().number)![1]);
    const before = await t.count("documents");
    // The measure does not exist: the failure happens after the number was drawn, inside the transaction.
    const failed = await issue("advice", {}, { measureId: "00000000-0000-4000-8000-000000000000" });
    expect(failed.statusCode).toBe(400);
    expect(failed.json().message).toMatch(/措施/);
    expect(await t.count("documents")).toBe(before);
    const next = await issue("advice");
    expect(Number(/〔2026〕(\d+)号/.exec(next.json().number)![1])).toBe(n1 + 1);
  });

  it("a cancelled document keeps its number and is marked 作废; numbers are not reused", async () => {
    const a = (await issue("guidance")).json();
    const cancelled = await t.post(`/api/v1/documents/${a.id}/cancel`, { reason: "当事人名称有误" }, officer);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: "cancelled", statusLabel: "作废", number: a.number });
    const b = (await issue("guidance")).json();
    expect(b.number).not.toBe(a.number);
    const pdf = await t.get(`/api/v1/documents/${a.id}/pdf`, officer);
    const file = path.join(os.tmpdir(), `kuanyan-cancel-${a.id}.pdf`);
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync("pdftotext", [file, "-"]).toString();
    fs.rmSync(file);
    expect(text.replace(/\s+/g, "")).toContain("作废");
    expect(text.replace(/\s+/g, "")).toContain(a.number);
    const verify = await t.get(`/api/v1/public/verify/${a.shortCode}`);
    expect(verify.json()).toMatchObject({ status: "cancelled", statusLabel: "作废" });
  });

  it("each document comes with the actions the user may take (allowedActions): 送达/更正/作废 while issued, nothing once 作废, nothing for a 法制审核人员", async () => {
    const doc = (await issue("guidance")).json();
    expect(doc.allowedActions).toEqual(["deliver", "correct", "cancel"]);
    const reviewer = await t.login("demo-reviewer");
    expect((await t.get(`/api/v1/documents/${doc.id}`, reviewer)).json().allowedActions).toEqual([]);
    const list = (await t.get(`/api/v1/documents?caseId=${caseId}`, officer)).json();
    expect(list.allowedActions).toEqual(["issue"]);
    expect(list.items.find((d: { id: string }) => d.id === doc.id).allowedActions).toEqual(["deliver", "correct", "cancel"]);
    expect((await t.get("/api/v1/documents/settings", orgAdmin)).json().allowedActions).toEqual(["issue", "settings"]);
    expect((await t.get("/api/v1/documents/templates", officer)).json().allowedActions).toEqual(["issue"]);
    const cancelled = (await t.post(`/api/v1/documents/${doc.id}/cancel`, { reason: "测试作废" }, officer)).json();
    expect(cancelled.allowedActions).toEqual([]);
    // The lifecycle table refuses what allowedActions does not offer, in Chinese, changing nothing.
    const again = await t.post(`/api/v1/documents/${doc.id}/cancel`, { reason: "再次作废" }, officer);
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toBe(`文书${doc.number}已经作废`);
  });

  it("an issued document cannot be edited; a correction supersedes it and both are kept", async () => {
    const a = (await issue("commitment")).json();
    const patch = await t.patch(`/api/v1/documents/${a.id}`, { values: { facts: "改" } }, officer);
    expect(patch.statusCode).toBe(422);
    expect(patch.json().message).toMatch(/已签发，不能修改/);
    const b = await issue("commitment", {}, { supersedesId: a.id });
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json().supersedesId).toBe(a.id);
    const old = (await t.get(`/api/v1/documents/${a.id}`, officer)).json();
    expect(old.status).toBe("superseded");
    expect(old.supersededBy.number).toBe(b.json().number);
    expect(old.sha256).toBe(a.sha256);
  });
});

describe("bad input → Chinese errors, nothing issued", () => {
  it.each([
    ["a deadline before today", "commitment" as DocumentType, { dueDate: "2026-11-24" }, /改正期限.*不能早于今天/],
    ["an appointment in the past", "interview_notice" as DocumentType, { appointmentTime: "2026-11-20T09:30" }, /约谈时间.*不能早于今天/],
    ["a missing required field", "guidance" as DocumentType, { guidance: "" }, /以下必填项未填写：指导建议/],
    ["a field the case already gives", "warning" as DocumentType, { partyName: "别的公司" }, /取自案件，不能在文书中修改/],
  ])("%s", async (_name, type, overrides, message) => {
    const before = await t.count("documents");
    const counters = await t.database.query<{ value: number }>("SELECT coalesce(sum(value),0)::int AS value FROM counters");
    let values = await officerValues(type);
    const [{ due }] = await t.database.db.select({ due: cases.correctionDue }).from(cases).where(eq(cases.id, caseId));
    if ("dueDate" in overrides) {
      // The demo case has a due date; a case without one lets the officer type it.
      await t.database.db.update(cases).set({ correctionDue: null }).where(eq(cases.id, caseId));
      values = { ...(await officerValues(type)), ...overrides };
    } else values = { ...values, ...overrides };
    const res = await t.post("/api/v1/documents", { caseId, type, values }, officer);
    if ("dueDate" in overrides) await t.database.db.update(cases).set({ correctionDue: due }).where(eq(cases.id, caseId));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
    expect(await t.count("documents")).toBe(before);
    expect(await t.database.query("SELECT coalesce(sum(value),0)::int AS value FROM counters")).toEqual(counters);
  });

  it("an unknown field in a template refuses to save it (Chinese error)", async () => {
    const template = {
      ...BUILT_IN_TEMPLATES.warning,
      blocks: [...BUILT_IN_TEMPLATES.warning.blocks, { kind: "paragraph", text: "{{suddenField}}" }],
    };
    const before = await t.count("document_templates");
    const res = await t.post("/api/v1/documents/templates/warning", { template }, orgAdmin);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/未定义的字段：suddenField/);
    expect(await t.count("document_templates")).toBe(before);
  });

  it.each([
    ["an oversize seal", () => Buffer.concat([sampleSealPng(), Buffer.alloc(1024 * 1024)]), 413, /不得超过 1 MB/],
    ["a non-image seal", () => Buffer.from("%PDF-1.7 not an image"), 415, /必须是 PNG 或 JPEG/],
    ["a text file named like a PNG", () => Buffer.from("hello"), 415, /必须是 PNG 或 JPEG/],
  ])("%s is refused and nothing stored", async (_name, bytes, status, message) => {
    const sealOf = () => t.database.query<{ sha: string }>("SELECT md5(image) AS sha FROM seals WHERE organisation_id = $1", [orgId]);
    const before = await sealOf();
    const res = await t.post("/api/v1/documents/seal", { contentBase64: bytes().toString("base64") }, orgAdmin);
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toMatch(message);
    expect(await sealOf()).toEqual(before);
  });
});

describe("templates per organisation", () => {
  it("an organisation's edited template is a new version, a superior's is its subordinates' default, the document records the version", async () => {
    // 三明市应急管理局 has no orgAdmin in the demo: the sysAdmin edits the city's template.
    const admin = await t.login("demo-admin");
    const [cityOrg] = await t.database.db.select().from(organisations).where(eq(organisations.name, "三明市应急管理局"));
    const edited = { ...BUILT_IN_TEMPLATES.reminder, title: "行政执法提示书", basis: "三明市应急管理局调整" };
    edited.blocks = edited.blocks.map((b) =>
      b.kind === "paragraph" && b.text.includes("{{riskBehaviour}}") ? { ...b, text: `${b.text}（市局范本）` } : b,
    );
    const saved = await t.post("/api/v1/documents/templates/reminder", { organisationId: cityOrg.id, template: edited }, admin);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().version).toBe(BUILT_IN_TEMPLATES.reminder.version + 1);
    // 明溪县应急管理局 (subordinate) now uses the city's template by default.
    const mine = (await t.get("/api/v1/documents/templates/reminder", officer)).json();
    expect(mine).toMatchObject({ source: "superior", ownerName: "三明市应急管理局", version: saved.json().version });
    const doc = (await issue("reminder")).json();
    expect(doc.templateVersion).toBe(saved.json().version);
    const preview = await t.post("/api/v1/documents/preview", { type: "reminder", caseId }, officer);
    expect(JSON.stringify(preview.json().document)).toContain("（市局范本）");
    // The county's own edit is a newer version and takes precedence.
    const own = await t.post("/api/v1/documents/templates/reminder", { template: { ...edited, basis: "明溪调整" } }, orgAdmin);
    expect(own.json().version).toBe(saved.json().version + 1);
    expect((await t.get("/api/v1/documents/templates/reminder", officer)).json().source).toBe("own");
  });

  it("the number pattern is configurable per organisation", async () => {
    const settings = (await t.get("/api/v1/documents/settings", orgAdmin)).json();
    const res = await t.patch(
      "/api/v1/documents/settings",
      { numberPattern: "{org}{type}字〔{year}〕第{seq:3}号", version: settings.version },
      orgAdmin,
    );
    expect(res.statusCode, res.body).toBe(200);
    const doc = (await issue("correction_order")).json();
    expect(doc.number).toMatch(/^明溪应急责改字〔2026〕第\d{3}号$/);
    const bad = await t.patch("/api/v1/documents/settings", { numberPattern: "{org}{seq}", version: res.json().version }, orgAdmin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/年份占位符/);
    await t.patch("/api/v1/documents/settings", { numberPattern: "{org}{type}〔{year}〕{seq}号", version: res.json().version }, orgAdmin);
  });
});

describe("seal, delivery and verification", () => {
  it("an uploaded seal is printed on documents issued afterwards", async () => {
    const res = await t.post("/api/v1/documents/seal", { contentBase64: sampleSealPng().toString("base64") }, orgAdmin);
    expect(res.statusCode, res.body).toBe(201);
    const doc = (await issue("warning")).json();
    expect(doc.sealed).toBe(true);
  });

  it("verification says unchanged for the issued file and changed for a modified one, without personal data", async () => {
    const doc = (await issue("warning")).json();
    const info = await t.get(`/api/v1/public/verify/${doc.shortCode}`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({
      number: doc.number,
      organisationName: "明溪县应急管理局",
      typeLabel: "行政告诫书",
      issuedOn: TODAY,
      sha256: doc.sha256,
    });
    const [c] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(info.body).not.toContain(c.partyName);
    const pdf = (await t.get(`/api/v1/documents/${doc.id}/pdf`, officer)).rawPayload;
    const same = await t.post(`/api/v1/public/verify/${doc.shortCode}`, { contentBase64: pdf.toString("base64") });
    expect(same.json()).toMatchObject({ unchanged: true, matched: "original" });
    expect(same.json().message).toMatch(/^未被篡改/);
    const modified = Buffer.from(pdf);
    modified[modified.length - 20] ^= 1;
    const changed = await t.post(`/api/v1/public/verify/${doc.shortCode}`, { contentBase64: modified.toString("base64") });
    expect(changed.json()).toMatchObject({ unchanged: false });
    expect(changed.json().message).toMatch(/与签发文件不一致/);
    expect((await t.get("/api/v1/public/verify/ZZZZZZZZ")).statusCode).toBe(404);
  });

  it("a signed delivery renders onto the footer of a signed copy; the frozen original and its hash are unchanged", async () => {
    const doc = (await issue("warning")).json();
    const original = (await t.get(`/api/v1/documents/${doc.id}/pdf`, officer)).rawPayload;
    const res = await t.post(
      `/api/v1/documents/${doc.id}/deliveries`,
      {
        method: "direct",
        deliverer: "李明、王芳",
        recipient: "林建华",
        deliveredAt: `${TODAY}T09:40`,
        place: "公司办公室",
        signatureBase64: sampleSignaturePng().toString("base64"),
      },
      officer,
    );
    expect(res.statusCode, res.body).toBe(201);
    const delivery = res.json().deliveries[0];
    expect(delivery).toMatchObject({ methodLabel: "直接送达", signed: true, hasSignedPdf: true });
    const signed = (await t.get(`/api/v1/documents/${doc.id}/deliveries/${delivery.id}/pdf`, officer)).rawPayload;
    const file = path.join(os.tmpdir(), `kuanyan-signed-${doc.id}.pdf`);
    fs.writeFileSync(file, signed);
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, "");
    fs.rmSync(file);
    expect(text).toContain("送达人签名：李明、王芳");
    expect(text).toContain("2026年11月25日9时40分");
    const after = (await t.get(`/api/v1/documents/${doc.id}/pdf`, officer)).rawPayload;
    expect(after.equals(original)).toBe(true);
    expect((await t.get(`/api/v1/documents/${doc.id}`, officer)).json().sha256).toBe(doc.sha256);
    const cmp = await t.post(`/api/v1/public/verify/${doc.shortCode}`, { contentBase64: signed.toString("base64") });
    expect(cmp.json()).toMatchObject({ unchanged: true, matched: "signed" });
  });

  it.each([
    ["留置送达 without witnesses", { method: "lodged", refused: true, witnesses: [], refusalReason: "拒绝签收", place: "公司办公室" }, /见证人/],
    ["留置送达 without the refusal reason", { method: "lodged", refused: true, witnesses: ["张三"], place: "公司办公室" }, /拒收事由/],
    ["电子送达 without the party's consent", { method: "electronic", place: "hd@example.com" }, /经当事人同意/],
    ["a signature that is not a PNG", { method: "direct", signatureBase64: Buffer.from("GIF89a....").toString("base64") }, /签名必须是 PNG/],
    ["a delivery in the future", { method: "direct", deliveredAt: "2026-11-26T09:00" }, /不能晚于现在/],
  ])("delivery refused: %s", async (_name, patch, message) => {
    const doc = (await issue("warning")).json();
    const before = await t.count("deliveries");
    const res = await t.post(
      `/api/v1/documents/${doc.id}/deliveries`,
      { deliverer: "李明", recipient: "林建华", deliveredAt: `${TODAY}T09:40`, ...patch },
      officer,
    );
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.json().message).toMatch(message);
    expect(await t.count("deliveries")).toBe(before);
  });

  it("留置送达 with witnesses and 电子送达 with recorded consent are recorded", async () => {
    const doc = (await issue("warning")).json();
    const lodged = await t.post(
      `/api/v1/documents/${doc.id}/deliveries`,
      {
        method: "lodged",
        deliverer: "李明",
        recipient: "林建华",
        deliveredAt: `${TODAY}T09:40`,
        place: "公司办公室",
        refused: true,
        refusalReason: "受送达人当场拒绝签收",
        witnesses: ["城关乡工业园区管委会 张三"],
      },
      officer,
    );
    expect(lodged.statusCode, lodged.body).toBe(201);
    const electronic = await t.post(
      `/api/v1/documents/${doc.id}/deliveries`,
      {
        method: "electronic",
        deliverer: "李明",
        recipient: "林建华",
        deliveredAt: `${TODAY}T09:45`,
        place: "hongda@example.com",
        consent: true,
        consentRecord: "当事人于2026年11月20日签署送达地址确认书",
      },
      officer,
    );
    expect(electronic.statusCode, electronic.body).toBe(201);
    expect(electronic.json().deliveries.map((d: { methodLabel: string }) => d.methodLabel)).toEqual(["留置送达", "电子送达"]);
  });

  const pdfText = (bytes: Buffer) => {
    const file = path.join(os.tmpdir(), `kuanyan-delivery-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
    fs.writeFileSync(file, bytes);
    try {
      return execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, "");
    } finally {
      fs.rmSync(file);
    }
  };

  it("未设置 KUANYAN_PUBLIC_URL 时，编号与印章设置页收到警告和二维码将编码的地址", async () => {
    const res = await t.get("/api/v1/documents/settings", officer);
    expect(res.statusCode, res.body).toBe(200);
    const status = res.json().publicUrl;
    expect(status.configured).toBe(false);
    expect(status.warning).toMatch(/未设置 KUANYAN_PUBLIC_URL/);
    expect(status.verificationBase).toMatch(/^https?:\/\//);
  });

  it("直接送达未签名不能保存：中文400，没有送达记录，文书不变", async () => {
    const doc = (await issue("warning")).json();
    const before = await t.count("deliveries");
    const res = await t.post(
      `/api/v1/documents/${doc.id}/deliveries`,
      { method: "direct", deliverer: "李明", recipient: "张三", deliveredAt: `${TODAY}T09:40`, place: "公司办公室" },
      officer,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/直接送达须由受送达人当场手写签名/);
    expect(await t.count("deliveries")).toBe(before);
    expect((await t.get(`/api/v1/documents/${doc.id}`, officer)).json().deliveries).toEqual([]);
  });

  it("打印件不把打字的姓名当作签名：签发件留空白签名栏，签名件印签名图，留置送达印“拒绝签收（留置送达）”及见证人", async () => {
    const doc = (await issue("warning")).json();
    // Printed before delivery: a blank line to sign on paper.
    const original = pdfText((await t.get(`/api/v1/documents/${doc.id}/pdf`, officer)).rawPayload);
    expect(original).toMatch(/被送达人签名：送达时间：/);
    const signed = await t.post(
      `/api/v1/documents/${doc.id}/deliveries`,
      {
        method: "direct",
        deliverer: "李明",
        recipient: "张三",
        deliveredAt: `${TODAY}T09:40`,
        signatureBase64: sampleSignaturePng().toString("base64"),
      },
      officer,
    );
    expect(signed.statusCode, signed.body).toBe(201);
    const signedDelivery = signed.json().deliveries[0];
    const signedText = pdfText((await t.get(`/api/v1/documents/${doc.id}/deliveries/${signedDelivery.id}/pdf`, officer)).rawPayload);
    expect(signedText).toContain("送达人签名：李明");
    expect(signedText).not.toContain("张三");
    expect(signedText).toMatch(/被送达人签名：送达时间：/);

    const lodged = await t.post(
      `/api/v1/documents/${doc.id}/deliveries`,
      {
        method: "lodged",
        deliverer: "李明",
        recipient: "张三",
        deliveredAt: `${TODAY}T09:50`,
        place: "公司办公室",
        refused: true,
        refusalReason: "受送达人当场拒绝签收",
        witnesses: ["王五", "赵六"],
      },
      officer,
    );
    expect(lodged.statusCode, lodged.body).toBe(201);
    const lodgedDelivery = lodged.json().deliveries[1];
    expect(lodgedDelivery.remarks).toContain("拒收事由：受送达人当场拒绝签收");
    const lodgedText = pdfText((await t.get(`/api/v1/documents/${doc.id}/deliveries/${lodgedDelivery.id}/pdf`, officer)).rawPayload);
    expect(lodgedText).toContain("被送达人签名：拒绝签收（留置送达，见证人：王五、赵六）");
    expect(lodgedText).not.toContain("张三");
  });

  it("the case archive is one PDF: cover, contents, every document with its delivery records", async () => {
    const res = await t.get(`/api/v1/documents/archive/${caseId}`, officer);
    expect(res.statusCode).toBe(200);
    const file = path.join(os.tmpdir(), `kuanyan-archive-${caseId}.pdf`);
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync("pdftotext", [file, "-"]).toString();
    const info = execFileSync("pdfinfo", [file]).toString();
    fs.rmSync(file);
    expect(text).toContain("行政执法案卷");
    expect(text).toContain("目");
    expect(text).toContain("送达记录");
    const docs = (await t.get(`/api/v1/documents?caseId=${caseId}&limit=500`, officer)).json();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2 + docs.total * 2);
  });
});

// 100 parallel issues need real concurrency (a connection pool and row locks): PGlite is one
// connection that serialises everything, so this runs on PostgreSQL only.
it.runIf(testDbKind === "postgres")(
  "100 parallel issues on PostgreSQL give 100 distinct consecutive numbers",
  async () => {
    const values = await officerValues("interview_notice");
    const results = await Promise.all(
      Array.from({ length: 100 }, () => t.post("/api/v1/documents", { caseId, type: "interview_notice", values }, officer)),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(100).fill(201));
    const seqs = results.map((r) => Number(/〔2026〕(\d+)号/.exec(r.json().number)![1])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(100);
    expect(seqs.at(-1)! - seqs[0]).toBe(99);
  },
  120_000,
);
