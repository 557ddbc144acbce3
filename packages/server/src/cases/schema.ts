import { sql } from "drizzle-orm";
import { boolean, customType, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** 柔性执法案件. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    caseNo: text("case_no").notNull(),
    status: text("status").notNull(),
    route: text("route"),
    /** Details of the route: the transfer (reason, receiving body) or the escalation (to whom, question). */
    routeDetail: jsonb("route_detail"),
    /** 法制审核 (行政处罚法 第五十八条) of an ordinary-procedure case: pending | approved | returned. */
    reviewStatus: text("review_status"),
    /** The review's record: reviewer, date, opinion; 集体讨论 where required. */
    review: jsonb("review"),
    partyType: text("party_type").notNull(),
    partyName: text("party_name").notNull(),
    partyCreditCode: text("party_credit_code"),
    partyIdNumberEnc: text("party_id_number_enc"),
    partyIdNumberMasked: text("party_id_number_masked"),
    /** Blind index (HMAC-SHA256, src/pii) of the ID number, for exact search. */
    partyIdNumberBidx: text("party_id_number_bidx"),
    partyAddress: text("party_address"),
    partyContact: text("party_contact"),
    // pii: the phone encrypted, masked and blind-indexed; the old clear column "party_phone" is emptied at start.
    partyPhoneEnc: text("party_phone_enc"),
    partyPhoneMasked: text("party_phone_masked"),
    partyPhoneBidx: text("party_phone_bidx"),
    industryCategory: text("industry_category"),
    matterCode: text("matter_code").notNull(),
    matterName: text("matter_name").notNull(),
    facts: text("facts").notNull().default(""),
    actDate: date("act_date", { mode: "string" }).notNull(),
    actEndDate: date("act_end_date", { mode: "string" }),
    discoveredOn: date("discovered_on", { mode: "string" }).notNull(),
    circumstances: jsonb("circumstances").notNull().default({}),
    inspection: jsonb("inspection").notNull().default({}),
    decision: jsonb("decision"),
    proposedOutcome: text("proposed_outcome"),
    decidedOutcome: text("decided_outcome"),
    departureReason: text("departure_reason"),
    decidedBy: uuid("decided_by"),
    decidedOn: date("decided_on", { mode: "string" }),
    listVersionId: uuid("list_version_id"),
    listItemSeq: integer("list_item_seq"),
    fineYuan: numeric("fine_yuan", { precision: 14, scale: 2, mode: "number" }),
    benchmarkFineYuan: numeric("benchmark_fine_yuan", { precision: 14, scale: 2, mode: "number" }),
    partyChoice: text("party_choice"),
    terminationReason: text("termination_reason"),
    correctionDue: date("correction_due", { mode: "string" }),
    correctedOn: date("corrected_on", { mode: "string" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /**
     * The earliest deadline still open: the correction deadline while uncorrected in an open case, or the
     * due date of an open 复查/回访 task. Kept by triggers (migration 0015) in the writing transaction; the
     * case is overdue when this day is before today (the case list's flag and filter, from an index).
     */
    openDueOn: date("open_due_on", { mode: "string" }),
    reopenCount: integer("reopen_count").notNull().default(0),
    isDemo: boolean("is_demo").notNull().default(false),
    createdBy: uuid("created_by"),
    lockVersion: integer("lock_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cases_no_uq").on(t.organisationId, t.caseNo),
    // The case list's order (newest first, id breaking ties; scanned backwards) inside the data scope, with and without a status.
    index("cases_org_created_idx").on(t.organisationId, t.createdAt, t.id),
    index("cases_org_status_created_idx").on(t.organisationId, t.status, t.createdAt, t.id),
    index("cases_created_idx").on(t.createdAt, t.id),
    index("cases_org_open_due_idx")
      .on(t.organisationId, t.openDueOn)
      .where(sql`${t.openDueOn} IS NOT NULL`),
    index("cases_region_decided_idx").on(t.regionCode, t.decidedOn),
    index("cases_org_decided_idx").on(t.organisationId, t.decidedOn),
    index("cases_due_idx").on(t.correctionDue),
    index("cases_party_phone_bidx_idx").on(t.partyPhoneBidx),
    index("cases_party_id_number_bidx_idx").on(t.partyIdNumberBidx),
  ],
);

/** A soft measure carried out (a statistics record) with its written record. */
export const measures = pgTable(
  "measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    caseId: uuid("case_id"),
    method: text("method").notNull(),
    carriedOutOn: date("carried_out_on", { mode: "string" }).notNull(),
    persons: integer("persons").notNull().default(1),
    writtenRecord: text("written_record"),
    documentId: uuid("document_id"),
    cancelled: boolean("cancelled").notNull().default(false),
    isDemo: boolean("is_demo").notNull().default(false),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("measures_case_idx").on(t.caseId),
    index("measures_org_date_idx").on(t.organisationId, t.carriedOutOn),
    index("measures_region_date_idx").on(t.regionCode, t.carriedOutOn),
  ],
);

/** 证据 files, hashed (SHA-256). */
export const evidence = pgTable(
  "evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    caseId: uuid("case_id").notNull(),
    fileName: text("file_name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    description: text("description"),
    uploadedBy: uuid("uploaded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evidence_case_idx").on(t.caseId)],
);

/** 复查 of a correction order and 回访 after a decision: scheduled tasks with results. */
export const caseTasks = pgTable(
  "case_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    caseId: uuid("case_id").notNull(),
    kind: text("kind").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    doneOn: date("done_on", { mode: "string" }),
    result: jsonb("result"),
    doneBy: uuid("done_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_tasks_case_idx").on(t.caseId), index("case_tasks_due_idx").on(t.organisationId, t.doneOn, t.dueOn)],
);
