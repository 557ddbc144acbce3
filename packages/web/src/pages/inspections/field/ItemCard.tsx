// One checklist item of the 现场检查 page: its outcome, note, photos and finding, saved through the
// offline queue; for a failed item, the hazard to register or the case to open.
import { App, Button, Card, DatePicker, Divider, Input, Radio, Select, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { base64ToBytes, sha256Hex, shrinkPhoto, type FieldInspection, type Finding, type Outcome, type QueueEntry } from "../../../services/field";

type Act = (e: Omit<QueueEntry, "key" | "createdAt" | "inspectionId">) => void;
type Item = FieldInspection["items"][number];
type Current = { outcome?: Outcome; note?: string; photos?: string[]; finding?: Finding };

export const outcomeLabels: Record<Outcome, string> = { pass: "符合", fail: "不符合", not_applicable: "不适用" };

interface Draft {
  outcome?: Outcome;
  note: string;
  photos: string[];
  findingKind?: "hazard" | "case";
  level: "general" | "major";
  criterion: string;
}

function draftOf(current: Current | undefined): Draft {
  const finding = current?.finding;
  return {
    outcome: current?.outcome,
    note: current?.note ?? "",
    photos: current?.photos ?? [],
    findingKind: finding?.kind,
    level: finding?.kind === "hazard" ? finding.level : finding?.kind === "case" && finding.majorHazard ? "major" : "general",
    criterion: finding?.criterion ?? "",
  };
}

type Saved = FieldInspection["results"][number];

/** What the item holds now: the last queued result, else the saved one. */
function currentOf(pending: QueueEntry | undefined, saved: Saved | undefined): Current | undefined {
  if (pending) return pending.body as Current;
  return saved ? { ...saved, finding: saved.finding ?? undefined, note: saved.note ?? undefined } : undefined;
}

/** The body of the result's PUT: the outcome, the note, the photos and the finding of a failed item. */
function resultBody(outcome: Outcome, d: Draft) {
  const criterion = d.criterion.trim() ? { criterion: d.criterion.trim() } : {};
  const finding: Finding | undefined =
    outcome !== "fail" || !d.findingKind
      ? undefined
      : d.findingKind === "hazard"
        ? { kind: "hazard", level: d.level, ...criterion }
        : { kind: "case", majorHazard: d.level === "major", ...criterion };
  return {
    outcome,
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
    photos: outcome === "fail" || d.photos.length ? d.photos : [],
    ...(finding ? { finding } : {}),
  };
}

export default function ItemCard({
  data,
  item,
  queue,
  locked,
  act,
}: {
  data: FieldInspection;
  item: Item;
  queue: QueueEntry[];
  locked: boolean;
  act: Act;
}) {
  const { message } = App.useApp();
  const saved = data.results.find((r) => r.itemId === item.id);
  const pending = [...queue].reverse().find((e) => e.kind === "result" && e.itemId === item.id);
  const current = currentOf(pending, saved);
  // The draft starts again from what was saved or queued last (adjusted while rendering, not in an effect).
  const draftKey = `${saved?.recordedAt ?? ""}|${pending?.key ?? ""}`;
  const [d, setD] = useState<Draft>(() => draftOf(current));
  const [draftFor, setDraftFor] = useState(draftKey);
  if (draftFor !== draftKey) {
    setDraftFor(draftKey);
    setD(draftOf(current));
  }
  const pendingHazard = queue.some((e) => e.kind === "hazard" && e.itemId === item.id);
  const pendingCase = queue.some((e) => e.kind === "case" && e.itemId === item.id);

  const save = () => {
    if (!d.outcome) return message.error("请选择检查结果");
    act({
      kind: "result",
      method: "PUT",
      path: `/field/inspections/${data.id}/results/${encodeURIComponent(item.id)}`,
      body: resultBody(d.outcome, d),
      label: `检查项${item.id}`,
      itemId: item.id,
    });
  };

  const addPhoto = async (file: File) => {
    const b64 = await shrinkPhoto(file);
    const sha = await sha256Hex(base64ToBytes(b64));
    act({
      kind: "photo",
      method: "POST",
      path: `/field/inspections/${data.id}/photos`,
      body: { contentBase64: b64 },
      label: `检查项${item.id}的照片`,
      itemId: item.id,
    });
    setD((x) => ({ ...x, photos: [...new Set([...x.photos, sha])] }));
  };

  return (
    <Card size="small" data-testid={`item-${item.id}`} title={<span style={{ whiteSpace: "normal" }}>{`${item.id} · ${item.area}`}</span>}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{item.text}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        依据：{item.basis}
      </Typography.Paragraph>
      <Radio.Group
        disabled={locked}
        value={d.outcome}
        optionType="button"
        buttonStyle="solid"
        onChange={(e) => setD({ ...d, outcome: e.target.value as Outcome })}
        options={(["pass", "fail", "not_applicable"] as const).map((o) => ({ value: o, label: outcomeLabels[o] }))}
      />
      {d.outcome === "fail" && !locked && <FailFields item={item} d={d} setD={setD} addPhoto={addPhoto} />}
      {d.outcome !== "fail" && d.note !== "" && !locked && (
        <Input.TextArea value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} style={{ marginTop: 8 }} />
      )}
      {!locked && (
        <div style={{ marginTop: 8 }}>
          <Button type="primary" onClick={save} disabled={!d.outcome}>
            保存本项
          </Button>{" "}
          {pending ? <Tag color="gold">待同步</Tag> : saved ? <Tag color="green">已保存：{outcomeLabels[saved.outcome]}</Tag> : null}
        </div>
      )}
      {locked && saved && <Tag color={saved.outcome === "fail" ? "red" : "green"}>{outcomeLabels[saved.outcome]}</Tag>}
      {saved?.outcome === "fail" && saved.finding?.kind === "hazard" && (
        <HazardFollowUp data={data} item={item} level={saved.finding.level} pending={pendingHazard} act={act} />
      )}
      {saved?.outcome === "fail" && saved.finding?.kind === "case" && <CaseFollowUp data={data} item={item} pending={pendingCase} act={act} />}
    </Card>
  );
}

/** A failed item's hazard: registered, waiting to be sent, or to be registered (deadline, responsible person). */
function HazardFollowUp({
  data,
  item,
  level,
  pending,
  act,
}: {
  data: FieldInspection;
  item: Item;
  level: "general" | "major";
  pending: boolean;
  act: Act;
}) {
  const hazard = data.hazards.find((h) => h.itemId === item.id);
  const [deadline, setDeadline] = useState<string>(dayjs().add(15, "day").format("YYYY-MM-DD"));
  const [responsible, setResponsible] = useState("");
  return (
    <div style={{ marginTop: 8 }}>
      {hazard ? (
        <Tag color="orange" data-testid={`hazard-${item.id}`}>
          已登记{level === "major" ? "重大事故隐患" : "一般隐患"}
        </Tag>
      ) : pending ? (
        <Tag color="gold">隐患登记待同步</Tag>
      ) : (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Divider style={{ margin: "4px 0" }} />
          <DatePicker
            value={dayjs(deadline)}
            onChange={(v) => v && setDeadline(v.format("YYYY-MM-DD"))}
            placeholder="整改期限"
            style={{ width: "100%" }}
            aria-label="整改期限"
          />
          <Input
            placeholder="整改责任人"
            value={responsible}
            onChange={(e) => setResponsible(e.target.value)}
            aria-label={`检查项${item.id}整改责任人`}
          />
          <Button
            onClick={() =>
              act({
                kind: "hazard",
                method: "POST",
                path: "/hazards",
                body: { inspectionId: data.id, itemId: item.id, deadline, responsiblePerson: responsible },
                label: `检查项${item.id}登记隐患`,
                itemId: item.id,
              })
            }
          >
            登记隐患
          </Button>
        </Space>
      )}
    </div>
  );
}

/** A failed item's case: opened, waiting to be sent, or to be opened. */
function CaseFollowUp({ data, item, pending, act }: { data: FieldInspection; item: Item; pending: boolean; act: Act }) {
  const linkedCase = data.cases.find((c) => c.itemId === item.id);
  return (
    <div style={{ marginTop: 8 }}>
      {linkedCase ? (
        <Link to={`/cases/${linkedCase.id}`} data-testid={`case-${item.id}`}>
          已立案：{linkedCase.caseNo}
        </Link>
      ) : pending ? (
        <Tag color="gold">立案待同步</Tag>
      ) : (
        <Button
          danger
          onClick={() =>
            act({
              kind: "case",
              method: "POST",
              path: `/field/inspections/${data.id}/items/${encodeURIComponent(item.id)}/case`,
              body: {},
              label: `检查项${item.id}立案`,
              itemId: item.id,
            })
          }
        >
          立案
        </Button>
      )}
    </div>
  );
}

/** A failed item's fields: what was found, hazard or case, its level and criterion, photos. */
function FailFields({ item, d, setD, addPhoto }: { item: Item; d: Draft; setD: (d: Draft) => void; addPhoto: (file: File) => Promise<void> }) {
  return (
    <Space direction="vertical" style={{ width: "100%", marginTop: 8 }}>
      <Input.TextArea
        placeholder="发现的问题（必填）"
        value={d.note}
        onChange={(e) => setD({ ...d, note: e.target.value })}
        autoSize={{ minRows: 2 }}
        aria-label={`检查项${item.id}发现的问题`}
      />
      <Radio.Group value={d.findingKind} onChange={(e) => setD({ ...d, findingKind: e.target.value as "hazard" | "case" })}>
        <Radio value="hazard">登记隐患</Radio>
        <Radio value="case">立案</Radio>
      </Radio.Group>
      <Select
        value={d.level}
        style={{ width: "100%" }}
        onChange={(v) => setD({ ...d, level: v })}
        aria-label="隐患等级"
        options={[
          { value: "general", label: d.findingKind === "case" ? "不属于重大事故隐患" : "一般隐患" },
          { value: "major", label: "重大事故隐患" },
        ]}
      />
      {d.level === "major" && (
        <Input placeholder="判定依据（判定标准的条款，必填）" value={d.criterion} onChange={(e) => setD({ ...d, criterion: e.target.value })} />
      )}
      <label>
        <Typography.Text>拍照：</Typography.Text>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          aria-label={`检查项${item.id}拍照`}
          onChange={(e) => e.target.files?.[0] && void addPhoto(e.target.files[0])}
        />
      </label>
      {d.photos.length > 0 && <Typography.Text type="secondary">已附照片{d.photos.length}张</Typography.Text>}
    </Space>
  );
}
