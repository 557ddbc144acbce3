// 现场检查 on a phone: 签到 → checklist item by item (符合/不符合/不适用, note, photo) → for a failed
// item 登记隐患 or 立案 → signatures (each inspector on his own account, the unit) → submit → record.
// Every write goes through the offline queue (services/field.ts): it survives a lost connection and
// a reload, and is sent once the network returns, never twice.
import { Alert, App, Button, Card, Divider, Input, Modal, Radio, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import PageContainer from "../../../components/PageContainer";
import { useAuth } from "../../../auth/AuthContext";
import {
  enqueue,
  fieldApi,
  flush,
  loadSnapshot,
  newKey,
  onQueueChange,
  readQueue,
  saveSnapshot,
  startSync,
  type FieldInspection,
  type Outcome,
  type QueueEntry,
} from "../../../services/field";
import ItemCard from "./ItemCard";
import SignaturePad from "./SignaturePad";

export default function FieldInspectionPage() {
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [data, setData] = useState<FieldInspection | null>(() => loadSnapshot(id));
  const [queue, setQueue] = useState<QueueEntry[]>(() => readQueue().filter((e) => e.inspectionId === id));
  const [online, setOnline] = useState(navigator.onLine);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);

  // Fetched in effects and after writes; the state is set in the promise's callbacks.
  const refresh = useCallback(
    () =>
      fieldApi.get(id).then(
        (i) => {
          saveSnapshot(i);
          setData(i);
          setLoadError(null);
        },
        (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
      ),
    [id],
  );

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
          <Typography.Text type="secondary">
            执法人员：{data.inspectors.map((i) => `${i.name}（${i.certificateNo ?? "无执法证"}）`).join("、")}
          </Typography.Text>
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
              {data.allowedActions.includes("inspection.correct") && (
                <Button danger onClick={() => setCorrecting(true)} data-testid="record-correct">
                  更正记录
                </Button>
              )}
            </Space>
          </Card>
        )}
        {data.supersededRecords.map((r) => (
          <Card key={r.id} size="small" title={`${r.recordNo}（已被更正）`}>
            <Space direction="vertical">
              {r.correctionReason && <Typography.Text type="secondary">更正理由：{r.correctionReason}</Typography.Text>}
              <Space wrap>
                <Button href={fieldApi.recordUrl(id, "pdf", r.id)} download>
                  下载原记录PDF
                </Button>
                <Button href={fieldApi.recordUrl(id, "docx", r.id)} download>
                  下载原记录Word
                </Button>
              </Space>
            </Space>
          </Card>
        ))}
      </Space>
      {correcting && (
        <CorrectionModal
          data={data}
          onClose={() => setCorrecting(false)}
          onDone={(next) => {
            saveSnapshot(next);
            setData(next);
            setCorrecting(false);
            message.success("已更正：新记录取代原记录，请重新签名后提交");
          }}
        />
      )}
    </PageContainer>
  );
}

const outcomeLabels: Record<Outcome, string> = { pass: "符合", fail: "不符合", not_applicable: "不适用" };

/** 更正记录: the corrected result of each item (prefilled with the submitted one) and the reason (≥5 characters). */
function CorrectionModal({ data, onClose, onDone }: { data: FieldInspection; onClose: () => void; onDone: (next: FieldInspection) => void }) {
  const [reason, setReason] = useState("");
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>(() => Object.fromEntries(data.results.map((r) => [r.itemId, r.outcome])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = data.results.filter((r) => outcomes[r.itemId] !== r.outcome);
  const save = () => {
    setBusy(true);
    setError(null);
    const results = (changed.length ? changed : data.results).map((r) => ({
      itemId: r.itemId,
      outcome: outcomes[r.itemId] ?? r.outcome,
      ...(r.note ? { note: r.note } : {}),
      ...(r.finding && outcomes[r.itemId] === "fail" ? { finding: r.finding } : {}),
    }));
    fieldApi.correct(data.id, { idempotencyKey: newKey(), reason: reason.trim(), results }).then(onDone, (e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    });
  };
  return (
    <Modal
      open
      title="更正现场检查记录"
      okText="提交更正"
      cancelText="取消"
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ disabled: reason.trim().length < 5, loading: busy }}
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Alert
          type="info"
          showIcon
          message="已提交的记录不能修改。更正将生成新的检查记录取代原记录，原记录保留并标注“已被更正”；更正后须重新签名、提交。"
        />
        {data.items.map((item) => (
          <div key={item.id}>
            <Typography.Text>
              {item.id} {item.text}
            </Typography.Text>
            <br />
            <Radio.Group
              value={outcomes[item.id]}
              onChange={(e) => setOutcomes({ ...outcomes, [item.id]: e.target.value as Outcome })}
              options={(Object.keys(outcomeLabels) as Outcome[]).map((o) => ({ value: o, label: outcomeLabels[o] }))}
            />
          </div>
        ))}
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder="更正理由（不少于5个字）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="correction-reason"
        />
        {error && <Alert type="error" showIcon message={error} />}
      </Space>
    </Modal>
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
                act({
                  kind: "sign",
                  method: "POST",
                  path: `/field/inspections/${data.id}/signatures`,
                  body: { signer: "inspector", imageBase64: mine },
                  label: "执法人员签名",
                });
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
                <Input
                  placeholder="被检查单位签名人姓名"
                  value={repName}
                  onChange={(e) => setRepName(e.target.value)}
                  aria-label="被检查单位签名人姓名"
                />
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
                  body: refused
                    ? { signer: "representative", refused: true, note: refusal }
                    : { signer: "representative", name: repName, imageBase64: rep },
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
