/**
 * Templates per organisation (seed 001: 各行政执法机关可以根据自身实际进行调整，上级部门已制发相关文书范本的，
 * 可以直接适用): an edited template is a new version of the organisation's own; a superior's template is
 * the default of its subordinates; a template with unknown fields cannot be saved.
 */
import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import {
  BUILT_IN_TEMPLATES,
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  formatDocumentNumber,
  previewTemplate,
  sampleValues,
  validateTemplate,
  type DocumentTemplate,
  type DocumentType,
  type FilledDocument,
} from "@kuanyan/domain/documents";
import type { DbOrTx } from "../db/client";
import { cases, documentTemplates } from "../db/schema";
import { recordAudit } from "../audit/record";
import { requireAccess } from "../access";
import { AppError, notFound } from "../http/errors";
import type { AppContext, Auth } from "../http/context";
import { formFields, valuesFromCase, type FormField } from "./caseValues";
import { numberSettings } from "./numbering";
import { adminRoles, effectiveTemplate, organisationChain, type OrganisationRow } from "./shared";
import { today as todayOf } from "../shared/clock";

export interface TemplateSummary {
  type: DocumentType;
  label: string;
  /** Where the template in use comes from. */
  source: "own" | "superior" | "built_in";
  ownerName: string | null;
  templateId: string | null;
  version: number;
  template: DocumentTemplate;
  /** The organisation's own versions, newest first. */
  versions: { id: string; version: number; createdAt: string }[];
}

async function summary(db: DbOrTx, type: DocumentType, chain: OrganisationRow[]): Promise<TemplateSummary> {
  const chosen = await effectiveTemplate(db, type, chain);
  const own = await db
    .select({ id: documentTemplates.id, version: documentTemplates.version, createdAt: documentTemplates.createdAt })
    .from(documentTemplates)
    .where(and(eq(documentTemplates.organisationId, chain[0].id), eq(documentTemplates.type, type)))
    .orderBy(desc(documentTemplates.version));
  return {
    type,
    label: DOCUMENT_TYPE_LABELS[type],
    source: chosen.ownerId === null ? "built_in" : chosen.ownerId === chain[0].id ? "own" : "superior",
    ownerName: chosen.ownerName,
    templateId: chosen.templateId,
    version: chosen.template.version,
    template: chosen.template,
    versions: own.map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt.toISOString() })),
  };
}

export async function listTemplates(ctx: AppContext, auth: Auth, organisationId = auth.organisationId): Promise<TemplateSummary[]> {
  const { db } = ctx.database;
  await requireAccess(db, auth, { mode: "read", organisationId });
  const chain = await organisationChain(db, organisationId);
  return Promise.all(DOCUMENT_TYPES.map((t) => summary(db, t, chain)));
}

export async function getTemplate(ctx: AppContext, auth: Auth, type: DocumentType, organisationId = auth.organisationId) {
  const { db } = ctx.database;
  await requireAccess(db, auth, { mode: "read", organisationId });
  return summary(db, type, await organisationChain(db, organisationId));
}

/** A stored template version by id (read access to its owner). */
export async function getTemplateVersion(ctx: AppContext, auth: Auth, id: string) {
  const { db } = ctx.database;
  const [row] = await db.select().from(documentTemplates).where(eq(documentTemplates.id, id));
  if (!row || !row.organisationId) throw notFound("文书模板");
  await requireAccess(db, auth, { mode: "read", organisationId: row.organisationId }).catch(() => {
    throw notFound("文书模板");
  });
  return {
    id: row.id,
    organisationId: row.organisationId,
    version: row.version,
    template: row.body as DocumentTemplate,
    createdAt: row.createdAt.toISOString(),
  };
}

import { ZTemplateBody } from "@kuanyan/contract/documents";
export { ZTemplateBody };

export async function saveTemplateVersion(
  ctx: AppContext,
  auth: Auth,
  type: DocumentType,
  input: { organisationId?: string; template: z.infer<typeof ZTemplateBody> },
) {
  const organisationId = input.organisationId ?? auth.organisationId;
  const { db } = ctx.database;
  await requireAccess(db, auth, { mode: "write", organisationId, roles: adminRoles, what: "修改文书模板" });
  const chain = await organisationChain(db, organisationId);
  const org = chain[0];
  return db.transaction(async (tx) => {
    const current = await effectiveTemplate(tx, type, chain);
    const [ownNewest] = await tx
      .select({ version: documentTemplates.version })
      .from(documentTemplates)
      .where(and(eq(documentTemplates.organisationId, organisationId), eq(documentTemplates.type, type)))
      .orderBy(desc(documentTemplates.version))
      .limit(1);
    const version = Math.max(current.template.version, ownNewest?.version ?? 0) + 1;
    const template = { ...input.template, type, version } as DocumentTemplate;
    const errors = validateTemplate(template);
    if (errors.length)
      throw new AppError(
        "validation_failed",
        `模板不能保存：${errors.join("；")}`,
        errors.map((message) => ({ field: "template", message })),
      );
    const [row] = await tx
      .insert(documentTemplates)
      .values({ regionCode: org.regionCode, organisationId, type, version, body: template, createdBy: auth.userId })
      .returning();
    await recordAudit(tx, auth, {
      action: "document_template.saved",
      entityType: "document_template",
      entityId: row.id,
      organisationId,
      regionCode: org.regionCode,
      before: { templateId: current.templateId, version: current.template.version },
      after: { type, version, title: template.title },
    });
    return { id: row.id, version, template };
  });
}

export interface PreviewResult {
  document: FilledDocument;
  /** The form for issuing: fields from the case (read-only) and those the officer types. */
  form: FormField[];
  /** What the number will look like (the next number is given at issue). */
  numberExample: string;
  templateVersion: number;
}

/**
 * Live preview: the template (the one in use, or an edited one not yet saved) filled with a case's
 * values and what the officer typed, or with sample values; blanks show where a value is missing.
 */
export async function previewDocument(
  ctx: AppContext,
  auth: Auth,
  input: {
    type: DocumentType;
    caseId?: string;
    values?: Record<string, string>;
    template?: z.infer<typeof ZTemplateBody>;
    organisationId?: string;
    sample?: boolean;
  },
): Promise<PreviewResult> {
  const { db } = ctx.database;
  let organisationId = input.organisationId ?? auth.organisationId;
  let caseValues: Record<string, string> = {};
  if (input.caseId) {
    const [c] = await db.select().from(cases).where(eq(cases.id, input.caseId));
    if (!c) throw notFound("案件");
    await requireAccess(db, auth, { mode: "read", organisationId: c.organisationId }).catch(() => {
      throw notFound("案件");
    });
    organisationId = c.organisationId;
    const chain = await organisationChain(db, organisationId);
    caseValues = await valuesFromCase(db, c, chain[0]);
  } else {
    await requireAccess(db, auth, { mode: "read", organisationId });
  }
  const chain = await organisationChain(db, organisationId);
  const org = chain[0];
  const current = await effectiveTemplate(db, input.type, chain);
  const template = input.template
    ? ({ ...input.template, type: input.type, version: current.template.version + 1 } as DocumentTemplate)
    : current.template;
  const today = todayOf(ctx);
  const { numberPattern } = await numberSettings(db, org.id);
  let numberExample: string;
  try {
    numberExample = formatDocumentNumber(numberPattern, {
      orgShort: org.shortName,
      typeShort: template.typeShort || "?",
      year: Number(today.slice(0, 4)),
      seq: 1,
    });
  } catch {
    numberExample = "";
  }
  const officer: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.values ?? {})) if (v && v.trim() && !caseValues[k]) officer[k] = v;
  const base = input.sample ? { ...sampleValues(input.type, today) } : {};
  const values = {
    ...base,
    ...caseValues,
    ...officer,
    organisationName: org.name,
    issueDate: today,
    documentNumber: numberExample.replace(/1(?=\D*$)/, "　"),
  };
  const document = previewTemplate(template, values);
  return { document, form: formFields(template, caseValues), numberExample, templateVersion: template.version };
}

/** The built-in templates (for the editor's "restore the seed wording"). */
export const builtInTemplates = BUILT_IN_TEMPLATES;
