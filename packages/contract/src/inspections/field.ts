/**
 * The inspection on site (issue 10 §6): the inspector's day, check-in, results item by item
 * (idempotent by a client key), signatures, submission of the 现场检查记录, and a failed item → case.
 */
import { z } from "zod";
import { ZDay, ZTimestamp } from "../common/index";

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/, "应为SHA-256摘要（64位十六进制）");
/** A key the client generates once per action (a UUID); replaying it changes nothing. */
export const ZIdempotencyKey = z.string().trim().min(8).max(100).describe("客户端生成的幂等键");

export const ZFinding = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("hazard"), level: z.enum(["general", "major"]), criterion: z.string().trim().max(500).optional() }),
  z.object({ kind: z.literal("case"), majorHazard: z.boolean().optional(), criterion: z.string().trim().max(500).optional() }),
]);
export type Finding = z.infer<typeof ZFinding>;

export const ZFieldItem = z.object({
  id: z.string(),
  area: z.string(),
  text: z.string(),
  basis: z.string(),
  matterCode: z.string(),
});

export const ZFieldResult = z.object({
  itemId: z.string(),
  outcome: z.enum(["pass", "fail", "not_applicable"]),
  note: z.string().nullable(),
  photos: z.array(z.string()),
  finding: ZFinding.nullable(),
  recordedAt: ZTimestamp,
});

export const ZFieldSignature = z.object({
  id: z.uuid(),
  signerKind: z.enum(["inspector", "representative"]),
  userId: z.uuid().nullable(),
  name: z.string(),
  refused: z.boolean(),
  note: z.string().nullable(),
  hasImage: z.boolean(),
  signedAt: ZTimestamp,
});

export const ZFieldInspectionSummary = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  unitName: z.string(),
  creditCode: z.string(),
  address: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  dueBy: ZDay.nullable(),
  overdue: z.boolean(),
  inspectorNames: z.array(z.string()),
});
export const ZMyDay = z.object({ today: ZDay, items: z.array(ZFieldInspectionSummary) });
export type MyDay = z.infer<typeof ZMyDay>;

export const ZFieldInspection = ZFieldInspectionSummary.extend({
  inspectors: z.array(z.object({ userId: z.uuid(), name: z.string(), certificateNo: z.string().nullable() })),
  checkIn: z.object({ at: ZTimestamp, latitude: z.number().nullable(), longitude: z.number().nullable() }).nullable(),
  checklistTitle: z.string().nullable(),
  items: z.array(ZFieldItem),
  results: z.array(ZFieldResult),
  signatures: z.array(ZFieldSignature),
  record: z.object({ id: z.uuid(), recordNo: z.string(), submittedAt: ZTimestamp, sha256: z.string() }).nullable(),
  hazards: z.array(z.object({ id: z.uuid(), itemId: z.string().nullable(), level: z.string(), status: z.string() })),
  cases: z.array(z.object({ id: z.uuid(), caseNo: z.string(), itemId: z.string() })),
  /** Records a correction superseded (已被更正): kept and downloadable. */
  supersededRecords: z.array(z.object({ id: z.uuid(), recordNo: z.string(), submittedAt: ZTimestamp, correctionReason: z.string().nullable() })),
  allowedActions: z.array(z.string()),
});
export type FieldInspection = z.infer<typeof ZFieldInspection>;

export const ZCheckIn = z.object({
  idempotencyKey: ZIdempotencyKey,
  location: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), accuracyMetres: z.number().min(0).optional() })
    .optional(),
});

export const ZSaveResult = z.object({
  idempotencyKey: ZIdempotencyKey,
  outcome: z.enum(["pass", "fail", "not_applicable"]).describe("符合、不符合、不适用"),
  note: z.string().trim().max(2000).optional(),
  photos: z.array(ZSha256).max(20).default([]),
  finding: ZFinding.optional(),
});
export type SaveResult = z.infer<typeof ZSaveResult>;

export const ZPhotoUpload = z.object({ contentBase64: z.string().min(1).max(14_000_000) });
export const ZPhotoUploaded = z.object({ sha256: z.string(), size: z.number().int(), mime: z.string() });

export const ZSign = z.object({
  idempotencyKey: ZIdempotencyKey,
  signer: z.enum(["inspector", "representative"]),
  name: z.string().trim().max(50).optional().describe("被检查单位签名人"),
  refused: z.boolean().optional(),
  note: z.string().trim().max(500).optional(),
  imageBase64: z.string().max(2_000_000).optional().describe("手写签名（PNG）"),
});

export const ZSubmit = z.object({ idempotencyKey: ZIdempotencyKey });

export const ZOpenCaseFromItem = z.object({ idempotencyKey: ZIdempotencyKey });
export const ZOpenedCase = z.object({ caseId: z.uuid(), caseNo: z.string() });

/** 更正: the corrected results of the items (the others stay as they were) and why. */
export const ZCorrection = z.object({
  idempotencyKey: ZIdempotencyKey,
  reason: z.string().trim().min(5, "更正理由不少于5个字").max(500).describe("更正理由"),
  results: z
    .array(
      z.object({
        itemId: z.string().trim().min(1).max(40),
        outcome: z.enum(["pass", "fail", "not_applicable"]).describe("符合、不符合、不适用"),
        note: z.string().trim().max(2000).optional(),
        finding: ZFinding.optional(),
      }),
    )
    .min(1, "请填写更正后的检查项结果")
    .max(200),
});
export type Correction = z.infer<typeof ZCorrection>;
