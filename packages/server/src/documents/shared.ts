/**
 * What the document use cases share: labels, the organisation chain, the
 * template an organisation uses, the seal, hashes and short codes, and re-rendering a stored
 * document from its frozen fields.
 */
import crypto from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import {
  BUILT_IN_TEMPLATES,
  DOCUMENT_TYPES,
  documentIssuerRoles,
  documentPageRules,
  fillTemplate,
  selectTemplate,
  type DocumentTemplate,
  type DocumentType,
  type FilledDocument,
} from "@kuanyan/domain/documents";
import type { Role } from "@kuanyan/domain/organisations";
import type { DbOrTx } from "../db/client";
import { documentTemplates, organisations, seals } from "../db/schema";
import { AppError } from "../http/errors";
import type { Auth } from "../http/context";
import { renderPdf } from "./render/pdf";
import { renderDocx } from "./render/docx";

export type DocumentRow = typeof import("./schema").documents.$inferSelect;
export type DeliveryRow = typeof import("./schema").deliveries.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

/** Who acts: a logged-in user, or the system (demo data). */
export type Actor = Pick<Auth, "userId" | "displayName" | "ip"> | null;

// Statuses, delivery methods and their labels, and who issues: the domain's document lifecycle.
export {
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  DOCUMENT_STATUS_LABELS,
  type DeliveryMethod,
  type DocumentStatus,
} from "@kuanyan/domain/documents";

/** Roles that issue and deliver documents (the domain's document lifecycle). */
export const issuerRoles: readonly Role[] = documentIssuerRoles;
/** Roles that manage an organisation's templates, number pattern and seal (permissions.ts documents.settings). */
export const adminRoles: readonly Role[] = documentPageRules.settings.roles;

export function isDocumentType(t: string): t is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(t);
}

export const sha256Hex = (data: Buffer | Uint8Array): string => crypto.createHash("sha256").update(data).digest("hex");

const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/** An 8-character verification code without look-alike characters (0/O, 1/I). */
export function newShortCode(): string {
  const bytes = crypto.randomBytes(8);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

export function verificationUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/verify/${code}`;
}

/** The organisation first, then its superiors up to the top. */
export async function organisationChain(db: DbOrTx, organisationId: string): Promise<OrganisationRow[]> {
  const all = await db.select().from(organisations);
  const byId = new Map(all.map((o) => [o.id, o]));
  const chain: OrganisationRow[] = [];
  let current = byId.get(organisationId);
  while (current && !chain.includes(current) && chain.length < 20) {
    chain.push(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  if (chain.length === 0) throw new AppError("not_found", "单位不存在");
  return chain;
}

export interface EffectiveTemplate {
  template: DocumentTemplate;
  /** The stored row, or null for the built-in template. */
  templateId: string | null;
  /** The owning organisation, or null for the built-in template. */
  ownerId: string | null;
  ownerName: string | null;
}

/**
 * The template an organisation uses for a type: its own newest version, else its nearest superior's
 * (seed 001: 上级部门已制发相关文书范本的，可以直接适用), else the built-in one.
 */
export async function effectiveTemplate(db: DbOrTx, type: DocumentType, chain: OrganisationRow[]): Promise<EffectiveTemplate> {
  const ids = chain.map((o) => o.id);
  const rows = await db
    .select()
    .from(documentTemplates)
    .where(and(eq(documentTemplates.type, type), inArray(documentTemplates.organisationId, ids)))
    .orderBy(desc(documentTemplates.version));
  const candidates = rows.map((r) => ({ organisationId: r.organisationId, template: r.body as DocumentTemplate, id: r.id }));
  const chosen = selectTemplate(type, candidates, ids);
  const hit = candidates.find((c) => c.template === chosen);
  if (!chosen || !hit) return { template: BUILT_IN_TEMPLATES[type], templateId: null, ownerId: null, ownerName: null };
  return {
    template: chosen,
    templateId: hit.id,
    ownerId: hit.organisationId,
    ownerName: chain.find((o) => o.id === hit.organisationId)?.name ?? null,
  };
}

/** The template an issued document used (the stored version, or the built-in one). */
export async function templateOf(db: DbOrTx, row: Pick<DocumentRow, "templateId" | "type">): Promise<DocumentTemplate> {
  if (row.templateId) {
    const [t] = await db.select().from(documentTemplates).where(eq(documentTemplates.id, row.templateId));
    if (t) return t.body as DocumentTemplate;
  }
  return BUILT_IN_TEMPLATES[row.type as DocumentType];
}

export async function loadSeal(db: DbOrTx, organisationId: string): Promise<Buffer | undefined> {
  const [s] = await db.select({ image: seals.image }).from(seals).where(eq(seals.organisationId, organisationId));
  return s?.image;
}

/**
 * What a document keeps besides its bytes: the values it was filled with, the verification URL
 * printed in its QR code and the seal it was sealed with (a snapshot: a later seal upload does not
 * change how an issued document is re-rendered).
 */
export interface FrozenFields {
  values: Record<string, string>;
  verificationUrl: string;
  sealBase64: string | null;
}

export function frozenFields(row: Pick<DocumentRow, "fields">): FrozenFields {
  return row.fields as FrozenFields;
}

export interface RenderVariant {
  cancelled?: boolean;
  /** Delivery values for the footer (送达人, 被送达人签名, 送达时间) and the signature image. */
  delivery?: { values: Record<string, string>; signature?: Buffer | null };
}

/** Fills the stored values into the document's template again (no date checks: it was issued). */
export function refill(template: DocumentTemplate, values: Record<string, string>): FilledDocument {
  const result = fillTemplate(template, values);
  if (!result.ok) throw new AppError("internal", `文书无法重新生成：${result.message}`);
  return result.document;
}

/** The PDF of a stored document, re-rendered from its frozen fields (same creation date, seal and code). */
export async function renderStoredPdf(db: DbOrTx, row: DocumentRow, variant: RenderVariant = {}): Promise<Buffer> {
  const template = await templateOf(db, row);
  const f = frozenFields(row);
  const filled = refill(template, { ...f.values, ...(variant.delivery?.values ?? {}) });
  return renderPdf(filled, {
    creationDate: row.issuedAt,
    sealImage: f.sealBase64 ? Buffer.from(f.sealBase64, "base64") : undefined,
    verification: { url: f.verificationUrl, code: row.shortCode },
    signatureImage: variant.delivery?.signature ?? undefined,
    cancelled: variant.cancelled,
  });
}

/** The DOCX of a stored document, generated on demand from its frozen fields. */
export async function renderStoredDocx(db: DbOrTx, row: DocumentRow): Promise<Buffer> {
  const template = await templateOf(db, row);
  return renderDocx(refill(template, frozenFields(row).values), { cancelled: row.status === "cancelled" });
}

/** A file name for downloads: 行政告诫书-明溪应急告〔2026〕3号.pdf */
export function downloadName(row: Pick<DocumentRow, "number" | "shortCode">, title: string, ext: string): string {
  return `${title}-${row.number || row.shortCode}.${ext}`;
}

export function contentDisposition(fileName: string, inline = false): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
