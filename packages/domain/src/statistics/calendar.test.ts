import { describe, expect, it } from "vitest";
import { computeForm, type CountingRecords, type MeasureRecord } from "./counting";
import {
  aggregateSnapshots,
  chinaDate,
  correctSnapshot,
  createSnapshot,
  dueDate,
  latestSnapshot,
  reportPeriod,
  reportStatus,
  submissionOverview,
} from "./calendar";

function m(id: string, organisationId: string, carriedOutOn = "2026-03-01"): MeasureRecord {
  return {
    id,
    caseId: null,
    organisationId,
    method: "persuasion",
    carriedOutOn,
    persons: 1,
    writtenRecordId: `doc-${id}`,
    cancelled: false,
  };
}

describe("reporting calendar", () => {
  it("the half-year report (1 Jan–30 Jun) is due by 7月5日 (seed 000)", () => {
    const p = reportPeriod("half_year", 2026);
    expect(p).toEqual({ kind: "half_year", from: "2026-01-01", to: "2026-06-30" });
    expect(dueDate("half_year", p)).toBe("2026-07-05");
  });

  it("the annual report is due by 12月30日 of its own year (seed 000)", () => {
    const p = reportPeriod("annual", 2026);
    expect(p.to).toBe("2026-12-31");
    expect(dueDate("annual", p)).toBe("2026-12-30");
  });

  it("a monthly report (seed 001 月报) is due on the 5th of the next month, December's in January", () => {
    expect(dueDate("monthly", reportPeriod("monthly", 2026, 3))).toBe("2026-04-05");
    expect(dueDate("monthly", reportPeriod("monthly", 2026, 12))).toBe("2027-01-05");
  });

  it("status: submitted on the due day is on time, a day later is late; unsubmitted is due then overdue", () => {
    expect(reportStatus("2026-07-05", "2026-07-05T23:59:00+08:00", "2026-08-01")).toBe("submitted");
    expect(reportStatus("2026-07-05", "2026-07-06T00:01:00+08:00", "2026-08-01")).toBe("submitted_late");
    expect(reportStatus("2026-07-05", undefined, "2026-07-05")).toBe("due");
    expect(reportStatus("2026-07-05", undefined, "2026-07-06")).toBe("overdue");
  });

  it("a UTC timestamp is judged by its date in China (UTC+8)", () => {
    expect(chinaDate("2026-07-05T16:30:00Z")).toBe("2026-07-06");
    expect(reportStatus("2026-07-05", "2026-07-05T16:30:00Z", "2026-07-10")).toBe("submitted_late");
    expect(reportStatus("2026-07-05", "2026-07-05T15:30:00Z", "2026-07-10")).toBe("submitted");
  });
});

describe("report snapshots", () => {
  const period = reportPeriod("half_year", 2026);

  it("a submitted snapshot does not change when the records or the form change later", () => {
    const records: CountingRecords = { decisions: [], measures: [m("a", "orgA"), m("b", "orgA")] };
    const form = computeForm(records, period, { organisationIds: ["orgA"] });
    const snap = createSnapshot({
      form,
      organisationId: "orgA",
      reportingOrganisation: "明溪县应急管理局",
      phone: "0598-2812345",
      reportKind: "half_year",
      submittedBy: "user1",
      submittedAt: "2026-07-03T10:00:00+08:00",
    });
    // Records change afterwards: one more measure, one cancelled; the form object is mutated too.
    records.measures[0]!.cancelled = true;
    (records.measures as MeasureRecord[]).push(m("c", "orgA"));
    form.cells.persuasion.value = 99;
    form.cells.persuasion.recordIds.push("zzz");
    form.cells.persuasion.entries[0]!.writtenRecordId = "changed";
    expect(computeForm(records, period, { organisationIds: ["orgA"] }).cells.persuasion.recordIds).toEqual(["b", "c"]);
    expect(snap.cells.persuasion.value).toBe(2);
    expect(snap.cells.persuasion.recordIds).toEqual(["a", "b"]);
    expect(snap.cells.persuasion.entries[0]!.writtenRecordId).toBe("doc-a");
    expect(Object.isFrozen(snap.cells.persuasion.recordIds)).toBe(true);
    expect(() => (snap.cells.persuasion.recordIds as string[]).push("x")).toThrow();
  });

  it("a correction makes a new revision and keeps the earlier one", () => {
    const records: CountingRecords = { decisions: [], measures: [m("a", "orgA")] };
    const first = createSnapshot({
      form: computeForm(records, period, { organisationIds: ["orgA"] }),
      organisationId: "orgA",
      reportingOrganisation: "明溪县应急管理局",
      phone: "0598-2812345",
      reportKind: "half_year",
      submittedBy: "user1",
      submittedAt: "2026-07-03T10:00:00+08:00",
    });
    (records.measures as MeasureRecord[]).push(m("late-entry", "orgA"));
    const history = correctSnapshot([first], {
      form: computeForm(records, period, { organisationIds: ["orgA"] }),
      submittedBy: "user2",
      submittedAt: "2026-07-20T09:00:00+08:00",
      correctionReason: "补录一份说服教育记录",
    });
    expect(history.map((s) => [s.revision, s.cells.persuasion.value])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(history[0]).toBe(first);
    expect(latestSnapshot(history)?.submittedBy).toBe("user2");
    expect(() =>
      correctSnapshot(history, {
        form: computeForm(records, period, { organisationIds: ["orgA"] }),
        submittedBy: "u",
        submittedAt: "2026-07-21",
        correctionReason: "  ",
      }),
    ).toThrow("更正原因");
    // A late correction does not make an on-time report late.
    const [row] = submissionOverview([{ id: "orgA" }], history, "half_year", period, "2026-08-01");
    expect(row).toMatchObject({ status: "submitted", latestRevision: 2 });
  });

  it("a snapshot must cover the report's own period", () => {
    const form = computeForm({ decisions: [], measures: [] }, reportPeriod("annual", 2026), { organisationIds: [] });
    expect(() =>
      createSnapshot({
        form,
        organisationId: "o",
        reportingOrganisation: "x",
        phone: "",
        reportKind: "half_year",
        submittedBy: "u",
        submittedAt: "2026-07-01",
      }),
    ).toThrow("期间");
  });

  it("the superior sees who submitted, who is late, and the sum of everyone's latest revision", () => {
    const records: CountingRecords = {
      decisions: [],
      measures: [m("a1", "A"), m("a2", "A"), m("b1", "B"), m("c1", "C")],
    };
    const submit = (org: string, at: string) =>
      createSnapshot({
        form: computeForm(records, period, { organisationIds: [org] }),
        organisationId: org,
        reportingOrganisation: org,
        phone: "",
        reportKind: "half_year",
        submittedBy: "u",
        submittedAt: at,
      });
    const snaps = [submit("A", "2026-07-01T09:00:00+08:00"), submit("B", "2026-07-08T09:00:00+08:00")];
    const rows = submissionOverview([{ id: "A" }, { id: "B" }, { id: "C" }], snaps, "half_year", period, "2026-07-10");
    expect(rows.map((r) => r.status)).toEqual(["submitted", "submitted_late", "overdue"]);
    const sum = aggregateSnapshots([...snaps, snaps[0]!]);
    expect(sum.persuasion.value).toBe(3);
    expect([...sum.persuasion.recordIds].sort()).toEqual(["a1", "a2", "b1"]);
  });
});
