// 现场检查 on a phone: 签到 → checklist item by item (符合/不符合/不适用, note, photo) → for a failed
// item 登记隐患 or 立案 → signatures (each inspector on his own account, the unit) → submit → record.
// Every write goes through the offline queue (services/field.ts): it survives a lost connection and
// a reload, and is sent once the network returns, never twice.
import { Alert, App, Button, Card, DatePicker, Divider, Input, Radio, Select, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import PageContainer from "../../../components/PageContainer";
import { useAuth } from "../../../auth/AuthContext";
import {
  base64ToBytes,
  enqueue,
  fieldApi,
  flush,
  loadSnapshot,
  onQueueChange,
  readQueue,
  saveSnapshot,
  sha256Hex,
  shrinkPhoto,
  startSync,
  type FieldInspection,
  type Finding,
  type Outcome,
  type QueueEntry,
} from "../../../services/field";
import SignaturePad from "./SignaturePad";

const outcomeLabels: Record<Outcome, string> = { pass: "符合", fail: "不符合", not_applicable: "不适用" };

interface Draft {
  outcome?: Outcome;
  note: string;
  photos: string[];
  findingKind?: "hazard" | "case";
  level: "general" | "major";
  criterion: string;
}

export default function FieldInspectionPage() {
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [data, setData] = useState<FieldInspection | null>(() => loadSnapshot(id));
  const [queue, setQueue] = useState<QueueEntry[]>(() => readQueue().filter((e) => e.inspectionId === id));
  const [online, setOnline] = useState(navigator.onLine);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const i = await fieldApi.get(id);
      saveSnapshot(i);
      setData(i);
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, [id]);

  useEffect(() => {
    startSync((msgs) => msgs.forEach((m) => message.error(m)));
    const off = onQueueChange(() => {
      setQueue(readQueue().filter((e) => e.inspectionId === id));
      if (readQueue().filter((e) => e.inspectionId === id).length === 0) void refresh();
    });
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    void refresh();
    return () => {
      off();
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, [id, refresh, message]);

  const act = (entry: Omit<QueueEntry, "key" | "createdAt" | "inspectionId">) => {
    enqueue({ ...entry, inspectionId: id });
    setQueue(readQueue().filter((e) => e.inspectionId === id));
    void flush().then((r) => {
      r.refused.forEach((x) => message.error(`${x.entry.label}：${x.message}`));
      if (r.last) setData(r.last);
      if (!r.offline) void refresh();
    });
  };

  if (!data) {
    return (
      <PageContainer title="现场检查">
        {loadError ? <Alert type="error" showIcon message={loadError} /> : <Typography.Text>正在加载…</Typography.Text>}
      </PageContainer>
    );
  }

  const pendingCheckIn = queue.some((e) => e.kind === "checkIn");
  const started = data.status === "started" || pendingCheckIn;
  const submitted = data.status === "submitted" || data.status === "superseded";
  const pendingSubmit = queue.some((e) => e.kind === "submit");
  const me = data.inspectors.find((i) => i.userId === user?.id);

  return (
    <PageContainer
      title={data.unitName}
      description={`${data.address} · ${data.creditCode}`}
      extra={<Link to="/inspections/field">返回今日检查</Link>}
    >
      <Space direction="vertical" style={{ width: "100%" }} size={12}>
        <Space wrap>
          <Tag color={submitted ? "green" : started ? "blue" : "default"} data-testid="field-status">
            {pendingCheckIn && data.status === "drawn" ? "检查中（待同步）" : data.statusLabel}
          </Tag>
          {!online && <Tag color="orange">离线</Tag>}
          {queue.length > 0 && (
            <Tag color="gold" data-testid="pending-count">
              待同步 {queue.length} 项
            </Tag>
          )}
          <Typography.Text type="secondary">执法人员：{data.inspectors.map((i) => `${i.name}（${i.certificateNo ?? "无执法证"}）`).join("、")}</Typography.Text>
        </Space>

        {data.status === "drawn" && !pendingCheckIn && (
          <Card size="small" title="开始检查">
            <Button type="primary" block size="large" onClick={() => checkIn(id, act)}>
              签到并开始检查
            </Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              签到记录时间；浏览器允许时同时记录位置。
            </Typography.Paragraph>
          </Card>
        )}
        {data.checkIn && (
          <Typography.Text type="secondary">
            签到：{dayjs(data.checkIn.at).format("YYYY-MM-DD HH:mm")}
            {data.checkIn.latitude !== null ? `（${data.checkIn.latitude.toFixed(4)}, ${data.checkIn.longitude?.toFixed(4)}）` : "（未取得位置）"}
          </Typography.Text>
        )}

        {started && (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {data.checklistTitle}
            </Typography.Title>
            {data.items.map((item) => (
              <ItemCard key={item.id} data={data} item={item} queue={queue} locked={submitted || pendingSubmit} act={act} />
            ))}
            <Signatures data={data} queue={queue} locked={submitted || pendingSubmit} meIsInspector={Boolean(me)} act={act} />
            {!submitted && (
              <Button
                type="primary"
                size="large"
                block
                disabled={pendingSubmit}
                onClick={() => act({ kind: "submit", method: "POST", path: `/field/inspections/${id}/submit`, body: {}, label: "提交检查记录" })}
              >
                {pendingSubmit ? "已提交，待同步" : "提交现场检查记录"}
              </Button>
            )}
          </>
        )}
        {data.record && (
          <Card size="small" title="现场检查记录（已提交，已锁定）">
            <Space direction="vertical">
              <Typography.Text data-testid="record-no">{data.record.recordNo}</Typography.Text>
              <Space wrap>
                <Button type="primary" href={fieldApi.recordUrl(id, "pdf")} download data-testid="record-pdf">
                  下载PDF
                </Button>
                <Button href={fieldApi.recordUrl(id, "docx")} download>
                  下载Word
                </Button>
              </Space>
            </Space>
          </Card>
        )}
      </Space>
    </PageContainer>
  );
}

function checkIn(id: string, act: (e: Omit<QueueEntry, "key" | "createdAt" | "inspectionId">) => void) {
  const send = (location?: { latitude: number; longitude: number; accuracyMetres?: number }) =>
    act({ kind: "checkIn", method: "POST", path: `/field/inspections/${id}/check-in`, body: location ? { location } : {}, label: "签到" });
  if (!("geolocation" in navigator)) return send();
  navigator.geolocation.getCurrentPosition(
    (p) => send({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyMetres: p.coords.accuracy }),
    () => send(),
    { timeout: 5000, maximumAge: 60_000 },
  );
}

function ItemCard({
  data,
  item,
  queue,
  locked,
  act,
}: {
  data: FieldInspection;
  item: FieldInspection["items"][number];
  queue: QueueEntry[];
  locked: boolean;
  act: (e: Omit<QueueEntry, "key" | "createdAt" | "inspectionId">) => void;
}) {
  const { message } = App.useApp();
  const saved = data.results.find((r) => r.itemId === item.id);
  const pending = [...queue].reverse().find((e) => e.kind === "result" && e.itemId === item.id);
  const current = (pending?.body as { outcome?: Outcome; note?: string; photos?: string[]; finding?: Finding } | undefined) ?? (saved ? { ...saved, finding: saved.finding ?? undefined, note: saved.note ?? undefined } : undefined);
  const initial: Draft = useMemo(
    () => ({
      outcome: current?.outcome,
      note: current?.note ?? "",
      photos: current?.photos ?? [],
      findingKind: current?.finding?.kind,
      level: current?.finding?.kind === "hazard" ? current.finding.level : current?.finding?.kind === "case" && current.finding.majorHazard ? "major" : "general",
      criterion: current?.finding?.criterion ?? "",
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [saved?.recordedAt, pending?.key],
  );
  const [d, setD] = useState<Draft>(initial);
  useEffect(() => setD(initial), [initial]);
  const hazard = data.hazards.find((h) => h.itemId === item.id);
  const linkedCase = data.cases.find((c) => c.itemId === item.id);
  const pendingHazard = queue.some((e) => e.kind === "hazard" && e.itemId === item.id);
  const pendingCase = queue.some((e) => e.kind === "case" && e.itemId === item.id);
  const [deadline, setDeadline] = useState<string>(dayjs().add(15, "day").format("YYYY-MM-DD"));
  const [responsible, setResponsible] = useState("");

  const save = () => {
    if (!d.outcome) return message.error("请选择检查结果");
    const finding: Finding | undefined =
      d.outcome !== "fail" || !d.findingKind
        ? undefined
        : d.findingKind === "hazard"
          ? { kind: "hazard", level: d.level, ...(d.criterion.trim() ? { criterion: d.criterion.trim() } : {}) }
          : { kind: "case", majorHazard: d.level === "major", ...(d.criterion.trim() ? { criterion: d.criterion.trim() } : {}) };
    act({
      kind: "result",
      method: "PUT",
      path: `/field/inspections/${data.id}/results/${encodeURIComponent(item.id)}`,
      body: { outcome: d.outcome, ...(d.note.trim() ? { note: d.note.trim() } : {}), photos: d.outcome === "fail" || d.photos.length ? d.photos : [], ...(finding ? { finding } : {}) },
      label: `检查项${item.id}`,
      itemId: item.id,
    });
  };

  const addPhoto = async (file: File) => {
    const b64 = await shrinkPhoto(file);
    const sha = await sha256Hex(base64ToBytes(b64));
    act({ kind: "photo", method: "POST", path: `/field/inspections/${data.id}/photos`, body: { contentBase64: b64 }, label: `检查项${item.id}的照片`, itemId: item.id });
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
      {d.outcome === "fail" && !locked && (
        <Space direction="vertical" style={{ width: "100%", marginTop: 8 }}>
          <Input.TextArea placeholder="发现的问题（必填）" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} autoSize={{ minRows: 2 }} aria-label={`检查项${item.id}发现的问题`} />
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
          {d.level === "major" && <Input placeholder="判定依据（判定标准的条款，必填）" value={d.criterion} onChange={(e) => setD({ ...d, criterion: e.target.value })} />}
          <label>
            <Typography.Text>拍照：</Typography.Text>
            <input type="file" accept="image/*" capture="environment" aria-label={`检查项${item.id}拍照`} onChange={(e) => e.target.files?.[0] && void addPhoto(e.target.files[0])} />
          </label>
          {d.photos.length > 0 && <Typography.Text type="secondary">已附照片{d.photos.length}张</Typography.Text>}
        </Space>
      )}
      {d.outcome !== "fail" && d.note !== "" && !locked && <Input.TextArea value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} style={{ marginTop: 8 }} />}
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
        <div style={{ marginTop: 8 }}>
          {hazard ? (
            <Tag color="orange" data-testid={`hazard-${item.id}`}>
              已登记{saved.finding.level === "major" ? "重大事故隐患" : "一般隐患"}
            </Tag>
          ) : pendingHazard ? (
            <Tag color="gold">隐患登记待同步</Tag>
          ) : (
            <Space direction="vertical" style={{ width: "100%" }}>
              <Divider style={{ margin: "4px 0" }} />
              <DatePicker value={dayjs(deadline)} onChange={(v) => v && setDeadline(v.format("YYYY-MM-DD"))} placeholder="整改期限" style={{ width: "100%" }} aria-label="整改期限" />
              <Input placeholder="整改责任人" value={responsible} onChange={(e) => setResponsible(e.target.value)} aria-label={`检查项${item.id}整改责任人`} />
              <Button
                onClick={() =>
                  act({ kind: "hazard", method: "POST", path: "/hazards", body: { inspectionId: data.id, itemId: item.id, deadline, responsiblePerson: responsible }, label: `检查项${item.id}登记隐患`, itemId: item.id })
                }
              >
                登记隐患
              </Button>
            </Space>
          )}
        </div>
      )}
      {saved?.outcome === "fail" && saved.finding?.kind === "case" && (
        <div style={{ marginTop: 8 }}>
          {linkedCase ? (
            <Link to={`/cases/${linkedCase.id}`} data-testid={`case-${item.id}`}>
              已立案：{linkedCase.caseNo}
            </Link>
          ) : pendingCase ? (
            <Tag color="gold">立案待同步</Tag>
          ) : (
            <Button danger onClick={() => act({ kind: "case", method: "POST", path: `/field/inspections/${data.id}/items/${encodeURIComponent(item.id)}/case`, body: {}, label: `检查项${item.id}立案`, itemId: item.id })}>
              立案
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}

function Signatures({
  data,
  queue,
  locked,
  meIsInspector,
  act,
}: {
  data: FieldInspection;
  queue: QueueEntry[];
  locked: boolean;
  meIsInspector: boolean;
  act: (e: Omit<QueueEntry, "key" | "createdAt" | "inspectionId">) => void;
}) {
  const { message } = App.useApp();
  const { user } = useAuth();
  const [mine, setMine] = useState<string | null>(null);
  const [rep, setRep] = useState<string | null>(null);
  const [repName, setRepName] = useState("");
  const [refused, setRefused] = useState(false);
  const [refusal, setRefusal] = useState("");
  const signedByMe = data.signatures.some((s) => s.signerKind === "inspector" && s.userId === user?.id);
  const pendingMine = queue.some((e) => e.kind === "sign" && (e.body as { signer: string }).signer === "inspector");
  const repSig = data.signatures.find((s) => s.signerKind === "representative");
  const pendingRep = queue.some((e) => e.kind === "sign" && (e.body as { signer: string }).signer === "representative");
  return (
    <Card size="small" title="签名">
      <Space direction="vertical" style={{ width: "100%" }}>
        {data.inspectors.map((i) => {
          const s = data.signatures.find((x) => x.signerKind === "inspector" && x.userId === i.userId);
          return (
            <Typography.Text key={i.userId} data-testid={`sig-${i.userId}`}>
              {i.name}：{s ? `已签名（${dayjs(s.signedAt).format("MM-DD HH:mm")}）` : "未签名"}
            </Typography.Text>
          );
        })}
        {!locked && meIsInspector && !signedByMe && !pendingMine && (
          <>
            <Typography.Text strong>执法人员本人签名</Typography.Text>
            <SignaturePad onChange={setMine} testId="pad-inspector" />
            <Button
              type="primary"
              onClick={() => {
                if (!mine) return message.error("请先在签名框内手写签名");
                act({ kind: "sign", method: "POST", path: `/field/inspections/${data.id}/signatures`, body: { signer: "inspector", imageBase64: mine }, label: "执法人员签名" });
              }}
            >
              确认签名
            </Button>
          </>
        )}
        {pendingMine && <Tag color="gold">本人签名待同步</Tag>}
        <Divider style={{ margin: "4px 0" }} />
        <Typography.Text data-testid="sig-representative">
          被检查单位：{repSig ? (repSig.refused ? `拒绝签名（${repSig.note}）` : `${repSig.name} 已签名`) : pendingRep ? "签名待同步" : "未签名"}
        </Typography.Text>
        {!locked && !repSig && !pendingRep && (
          <>
            <Radio.Group value={refused} onChange={(e) => setRefused(e.target.value as boolean)}>
              <Radio value={false}>签名</Radio>
              <Radio value={true}>拒绝签名</Radio>
            </Radio.Group>
            {refused ? (
              <Input.TextArea placeholder="拒绝签名的情况" value={refusal} onChange={(e) => setRefusal(e.target.value)} />
            ) : (
              <>
                <Input placeholder="被检查单位签名人姓名" value={repName} onChange={(e) => setRepName(e.target.value)} aria-label="被检查单位签名人姓名" />
                <SignaturePad onChange={setRep} testId="pad-representative" />
              </>
            )}
            <Button
              onClick={() => {
                if (!refused && !rep) return message.error("请被检查单位签名人在签名框内手写签名");
                act({
                  kind: "sign",
                  method: "POST",
                  path: `/field/inspections/${data.id}/signatures`,
                  body: refused ? { signer: "representative", refused: true, note: refusal } : { signer: "representative", name: repName, imageBase64: rep },
                  label: "被检查单位签名",
                });
              }}
            >
              确认被检查单位签名
            </Button>
          </>
        )}
      </Space>
    </Card>
  );
}
