// 案件: the rest of the officer's wizard (circumstances → the engine's proposal with its reasons
// and legal basis → confirm or depart → measures / correction → follow-up → close), then the
// 案卷: evidence, measures, tasks, documents and the full audit trail as a timeline.
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Spin,
  Steps,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { decisionDocumentLabels, outcomeLabels, outcomes, type Decision, type DecisionDocumentType, type Outcome } from "@kuanyan/domain/decisions";
import { industryCategoryLabels, type IndustryCategory } from "@kuanyan/domain/lists";
import { softMethodLabels, softMethods, type SoftMethod } from "@kuanyan/domain/measures";
import PageContainer from "../../components/PageContainer";
import { useAuth } from "../../auth/AuthContext";
import { ApiError } from "../../services/request";
import {
  caseAction,
  caseStatusColors,
  caseStatusLabels,
  getCase,
  readFileBase64,
  routeLabels,
  type CaseFile,
  type CaseRecord,
  type CaseRoute,
} from "../../services/cases";
import { formatDateTime, todayInChina } from "../../utils/time";

const yesNo = [
  { label: "是", value: true },
  { label: "否", value: false },
];
const correctionOptions = [
  { label: "当场改正", value: "on_spot" },
  { label: "限期内改正", value: "within_deadline" },
  { label: "整改期限未到", value: "pending" },
  { label: "逾期改正", value: "after_deadline" },
  { label: "未改正", value: "not_corrected" },
];
const harmOptions = [
  { label: "没有", value: "none" },
  { label: "轻微", value: "minor" },
  { label: "严重", value: "serious" },
];

/** The standard questions of the statute; list items add their own after the first evaluation. */
const standardQuestions: { key: string; label: string; kind: "bool" | "correction" | "harm" }[] = [
  { key: "firstTimeFound", label: "首次被发现？", kind: "bool" },
  { key: "firstOffence", label: "初次违法？", kind: "bool" },
  { key: "correction", label: "改正情况", kind: "correction" },
  { key: "harm", label: "危害后果", kind: "harm" },
  { key: "minorViolation", label: "违法行为轻微？（执法人员判断）", kind: "bool" },
  { key: "majorHazard", label: "属于重大事故隐患？", kind: "bool" },
  { key: "noSubjectiveFault", label: "有证据足以证明没有主观过错？", kind: "bool" },
  { key: "proactiveElimination", label: "主动消除或者减轻危害后果？", kind: "bool" },
];

const actionLabels: Record<string, string> = {
  "case.opened": "登记案件",
  "case.evidence_uploaded": "上传证据",
  "case.evaluated": "决策引擎研判",
  "case.decided": "采纳研判建议，作出处理决定",
  "case.decided_with_departure": "不采纳研判建议，说明理由后作出处理决定",
  "case.party_accepted_soft": "当事人接受柔性执法",
  "case.party_chose_ordinary": "当事人要求适用普通程序",
  "case.soft_enforcement_terminated": "终止柔性执法",
  "case.route_set": "选择办理程序",
  "case.review_approved": "法制审核通过",
  "case.review_returned": "法制审核退回",
  "case.measure_recorded": "记录柔性执法措施",
  "case.correction_ordered": "责令限期改正",
  "case.reinspected": "复查",
  "case.follow_up_scheduled": "安排回访",
  "case.follow_up_recorded": "回访（登记表）",
  "case.closed": "办结归档",
  "case.reopened": "重新打开",
  "case.cancelled": "撤销立案（作废）",
  "case.measure_cancelled": "撤销误录的措施",
  "case.updated": "更新案件",
};

const flowSteps = ["登记", "研判", "决定", "措施与整改", "回访", "归档"];

function flowStep(c: CaseRecord, f: CaseFile): number {
  if (c.status === "closed") return 5;
  if (c.status === "intake") return c.decision ? 2 : 1;
  if (f.tasks.some((t) => t.kind === "follow_up")) return 4;
  return 3;
}

function DecisionCard({ decision }: { decision: Decision }) {
  const color = decision.outcome === "no_penalty" || decision.outcome === "may_waive" ? "green" : decision.outcome === "heavier" ? "red" : "blue";
  return (
    <Card title="研判建议" size="small" className="ky-decision">
      <Space direction="vertical" style={{ width: "100%" }}>
        <div>
          <Tag color={color} style={{ fontSize: 16, padding: "4px 10px" }} data-testid="proposed-outcome">
            {decision.outcomeLabel}
          </Tag>
          {decision.firm ? <Tag>结论确定</Tag> : <Tag color="warning">尚有待确认的问题</Tag>}
        </div>
        {decision.listItem ? (
          <Typography.Text>
            适用清单：{decision.listItem.listTitle}（第{decision.listItem.version}版）第{decision.listItem.seq}项
            {decision.listItem.claimed ? <Tag style={{ marginLeft: 4 }}>认领</Tag> : null}
          </Typography.Text>
        ) : null}
        <div>
          <Typography.Text strong>理由</Typography.Text>
          <ul style={{ margin: "4px 0", paddingLeft: 20 }}>
            {decision.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
        <div>
          <Typography.Text strong>法律依据</Typography.Text>
          {decision.basis.map((b) => (
            <Typography.Paragraph key={b.cited + (b.part ?? "")} style={{ margin: "4px 0", fontSize: 13 }}>
              <Typography.Text strong>
                {b.cited}
                {b.part ?? ""}
              </Typography.Text>{" "}
              {b.text}
            </Typography.Paragraph>
          ))}
          {decision.policyBasis.map((p) => (
            <Typography.Paragraph key={p.document + p.section} type="secondary" style={{ margin: "4px 0", fontSize: 13 }}>
              {p.document} {p.section}：{p.text}
            </Typography.Paragraph>
          ))}
        </div>
        {decision.fine ? <Alert type="info" showIcon message={`罚款幅度 ${decision.fine.minYuan}–${decision.fine.maxYuan} 元`} description={decision.fine.guidance} /> : null}
        {decision.questions.length ? (
          <Alert type="warning" showIcon message="待确认的问题" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{decision.questions.map((q) => <li key={q.key}>{q.text}</li>)}</ul>} />
        ) : null}
        {decision.measures.length ? (
          <Typography.Text>配套监管措施：{decision.measures.map((m) => softMethodLabels[m]).join("、")}</Typography.Text>
        ) : null}
        {decision.documents.length ? (
          <Typography.Text>所需文书：{decision.documents.map((d) => decisionDocumentLabels[d]).join("、")}</Typography.Text>
        ) : null}
        <Collapse
          size="small"
          items={[
            {
              key: "trace",
              label: "规则核对过程",
              children: (
                <List
                  size="small"
                  dataSource={decision.trace}
                  renderItem={(r) => (
                    <List.Item>
                      <div style={{ width: "100%" }}>
                        <Typography.Text strong={r.applied}>{r.label}</Typography.Text>{" "}
                        <Tag color={r.result === "held" ? "green" : r.result === "failed" ? "default" : "orange"}>{r.result === "held" ? "满足" : r.result === "failed" ? "不满足" : "待确认"}</Tag>
                        {r.skipped ? <Typography.Text type="secondary">{r.skipped}</Typography.Text> : null}
                        {r.conditions.map((c) => (
                          <div key={c.description} style={{ fontSize: 12, color: "#666" }}>
                            · {c.description}：{c.resultLabel}
                          </div>
                        ))}
                      </div>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

export default function CaseDetailPage() {
  const { id = "" } = useParams();
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const [file, setFile] = useState<CaseFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [departing, setDeparting] = useState(false);
  const [cancelling, setCancelling] = useState<CaseFile["measures"][number] | null>(null);
  const [circForm] = Form.useForm();
  const [cancelForm] = Form.useForm();
  const today = todayInChina();

  const load = useCallback(async () => {
    try {
      setFile(await getCase(id));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const c = file?.case;
  useEffect(() => {
    if (!c) return;
    const a = (c.circumstances?.answers ?? {}) as Record<string, unknown>;
    const { answers: listAnswers, ...rest } = a as { answers?: Record<string, boolean> };
    circForm.setFieldsValue({ ...rest, listAnswers: listAnswers ?? {} });
  }, [c, circForm]);

  if (error) return <Result status="404" title="案件不存在或无权查看" subTitle={error} extra={<Link to="/cases">返回案件列表</Link>} />;
  if (!file || !c) return <Spin style={{ display: "block", margin: "20vh auto" }} />;

  const isReviewer = user?.roles.includes("legalReviewer");
  const canHandle = user?.roles.some((r) => r === "officer" || r === "orgAdmin" || r === "sysAdmin") && user?.organisation.id === c.organisationId;
  // 撤销立案 is not the handling officer's alone: the unit's legal reviewer or administrator voids a case.
  const canVoid = user?.roles.some((r) => r === "legalReviewer" || r === "orgAdmin" || r === "sysAdmin") && user?.organisation.id === c.organisationId;

  /** Runs a case action; a stale version (409) reloads the case and says so. */
  async function run(action: string, body: Record<string, unknown>, done?: string): Promise<boolean> {
    setBusy(true);
    try {
      setFile(await caseAction(c!.id, action, { lockVersion: c!.lockVersion, ...body }));
      if (done) message.success(done);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        modal.warning({ title: "案件已被他人修改", content: `${e.message}。已为您载入最新内容，请核对后重新操作。` });
        await load();
      } else {
        message.error((e as Error).message);
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function evaluate() {
    const v = circForm.getFieldsValue(true) as Record<string, unknown> & { listAnswers?: Record<string, boolean | undefined> };
    const circumstances: Record<string, unknown> = {};
    for (const q of standardQuestions) if (v[q.key] !== undefined && v[q.key] !== null) circumstances[q.key] = v[q.key];
    const answers = Object.fromEntries(Object.entries(v.listAnswers ?? {}).filter(([, x]) => typeof x === "boolean"));
    if (Object.keys(answers).length) circumstances.answers = answers;
    const ok = await run("evaluate", { circumstances, ...(v.lifeHealthOrFinancialSafety !== undefined ? { lifeHealthOrFinancialSafety: v.lifeHealthOrFinancialSafety } : {}) }, "研判完成");
    // Show the proposal (on a phone it is below the questions).
    if (ok) setTimeout(() => document.querySelector(".ky-decision")?.scrollIntoView({ behavior: "smooth", block: "start" }), 100);
  }

  async function uploadFiles(files: FileList | null) {
    if (!files?.length) return;
    for (const f of Array.from(files)) {
      if (f.size > 10 * 1024 * 1024) {
        message.error(`${f.name}：证据文件不得超过 10 MB`);
        continue;
      }
      await run("evidence", { fileName: f.name, contentBase64: await readFileBase64(f) }, `已上传：${f.name}`);
    }
  }

  const decision = c.decision;
  const listQuestions = (decision?.questions ?? []).filter((q) => q.key.startsWith("circumstances.answers."));
  const openReinspection = file.tasks.find((t) => t.kind === "reinspection" && !t.doneOn);
  const openFollowUp = file.tasks.find((t) => t.kind === "follow_up" && !t.doneOn);
  const active = c.status === "intake" || c.status === "decided" || c.status === "in_progress";
  const cards: ReactNode[] = [];

  if (canHandle && c.status === "intake") {
    cards.push(
      <Card key="circ" title="违法情节（研判）" size="small">
        <Form form={circForm} layout="vertical" size="large">
          {standardQuestions.map((q) => (
            <Form.Item key={q.key} name={q.key} label={q.label} style={{ marginBottom: 12 }}>
              <Radio.Group optionType="button" options={q.kind === "bool" ? yesNo : q.kind === "correction" ? correctionOptions : harmOptions} />
            </Form.Item>
          ))}
          {listQuestions.map((q) => (
            <Form.Item key={q.key} name={["listAnswers", q.key.slice("circumstances.answers.".length)]} label={q.text} style={{ marginBottom: 12 }}>
              <Radio.Group optionType="button" options={yesNo} />
            </Form.Item>
          ))}
          <Button type="primary" size="large" block loading={busy} onClick={() => void evaluate()}>
            {decision ? "重新研判" : "研判"}
          </Button>
        </Form>
      </Card>,
    );
  }
  if (decision) cards.push(<DecisionCard key="decision" decision={decision} />);

  if (canHandle && active && !c.partyChoice) {
    cards.push(
      <Card key="choice" title="告知当事人自主选择（舟山意见 三(三)1）" size="small">
        <Typography.Paragraph type="secondary">当事人可以接受柔性执法，也可以要求适用普通程序。</Typography.Paragraph>
        <Form layout="vertical" onFinish={(v) => void run("party-choice", { choice: "ordinary_procedure", statement: v.statement }, "已转普通程序")}>
          <Flex gap={8} vertical>
            <Button size="large" block loading={busy} onClick={() => void run("party-choice", { choice: "accept_soft" }, "已记录：当事人接受柔性执法")}>
              当事人接受柔性执法
            </Button>
            <Form.Item name="statement" label="当事人陈述（要求适用普通程序时填写）" rules={[{ required: true, message: "请记录当事人的陈述" }]} style={{ marginBottom: 8 }}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button size="large" block danger htmlType="submit" loading={busy}>
              当事人要求适用普通程序
            </Button>
          </Flex>
        </Form>
      </Card>,
    );
  }

  if (canHandle && c.status === "intake" && decision) {
    cards.push(
      <Card key="route" title="办理程序" size="small">
        <Form layout="vertical" initialValues={{ route: c.route ?? undefined }} onFinish={(v) => void run("route", { route: v.route, ...(v.route === "transfer" ? { transfer: { reason: v.transferReason, receivingBody: v.receivingBody } } : {}), ...(v.route === "escalated" ? { escalation: { to: v.escalateTo, question: v.question } } : {}) }, "已选择办理程序")}>
          <Form.Item name="route" label="程序" rules={[{ required: true, message: "请选择" }]}>
            <Select options={(Object.keys(routeLabels) as CaseRoute[]).map((r) => ({ label: routeLabels[r], value: r }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) =>
              getFieldValue("route") === "transfer" ? (
                <>
                  <Form.Item name="transferReason" label="移送原因" rules={[{ required: true }]}>
                    <Select options={[{ label: "涉嫌犯罪（行刑衔接）", value: "suspected_crime" }, { label: "属于其他机关管辖", value: "other_agency" }]} />
                  </Form.Item>
                  <Form.Item name="receivingBody" label="接收单位" rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                </>
              ) : getFieldValue("route") === "escalated" ? (
                <>
                  <Form.Item name="escalateTo" label="请示对象" rules={[{ required: true }]}>
                    <Select options={[{ label: "上级部门", value: "superior" }, { label: "法制机构", value: "legal_office" }]} />
                  </Form.Item>
                  <Form.Item name="question" label="疑难问题" rules={[{ required: true }]}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                </>
              ) : null
            }
          </Form.Item>
          <Button htmlType="submit" block loading={busy}>
            确定程序
          </Button>
        </Form>
        {c.route === "ordinary" ? (
          <Alert style={{ marginTop: 8 }} type={c.reviewStatus === "approved" ? "success" : "warning"} showIcon message={c.reviewStatus === "approved" ? `法制审核已通过（${c.review?.reviewerName}）` : c.reviewStatus === "returned" ? `法制审核退回：${c.review?.opinion}` : "等待法制审核（《行政处罚法》第五十八条）"} />
        ) : null}
      </Card>,
    );
  }

  if (isReviewer && c.status === "intake" && c.route === "ordinary" && c.reviewStatus === "pending") {
    cards.push(
      <Card key="review" title="法制审核" size="small">
        <Form layout="vertical" onFinish={(v) => void run("review", { result: v.result, opinion: v.opinion, collectiveDiscussion: v.collectiveDiscussion ?? false }, "审核意见已保存")}>
          <Form.Item name="result" label="审核结果" rules={[{ required: true }]}>
            <Radio.Group options={[{ label: "通过", value: "approved" }, { label: "退回", value: "returned" }]} />
          </Form.Item>
          <Form.Item name="opinion" label="审核意见" rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="collectiveDiscussion" label="经集体讨论">
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            提交审核意见
          </Button>
        </Form>
      </Card>,
    );
  }

  if (canHandle && c.status === "intake" && decision) {
    cards.push(
      <Card key="decide" title="处理决定" size="small">
        {!departing ? (
          <Flex vertical gap={8}>
            <Button type="primary" size="large" block loading={busy} onClick={() => void run("decide", { confirm: true }, "已作出处理决定")}>
              采纳建议：{decision.outcome === "may_waive" ? outcomeLabels.no_penalty : decision.outcomeLabel}
            </Button>
            <Button size="large" block onClick={() => setDeparting(true)}>
              不采纳建议（书面说明理由）
            </Button>
          </Flex>
        ) : (
          <Form layout="vertical" onFinish={(v) => void run("decide", { confirm: false, outcome: v.outcome, departureReason: v.departureReason, fineYuan: v.fineYuan ?? undefined, warningOnly: v.warningOnly ?? undefined }, "已作出处理决定")}>
            <Form.Item name="outcome" label="处理结果" rules={[{ required: true }]}>
              <Select options={outcomes.filter((o) => o !== "may_waive").map((o: Outcome) => ({ label: outcomeLabels[o], value: o }))} />
            </Form.Item>
            <Form.Item name="fineYuan" label="罚款金额（元）">
              <InputNumber min={0} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name="warningOnly" label="警告（不罚款）">
              <Radio.Group options={yesNo} />
            </Form.Item>
            <Form.Item name="departureReason" label="偏离理由（将被记录，用于同案不同罚分析）" rules={[{ required: true, min: 10, message: "请书面说明理由（不少于10个字）" }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Flex gap={8}>
              <Button onClick={() => setDeparting(false)} style={{ flex: 1 }}>
                取消
              </Button>
              <Button type="primary" htmlType="submit" loading={busy} style={{ flex: 2 }}>
                作出决定
              </Button>
            </Flex>
          </Form>
        )}
      </Card>,
    );
  }

  if (canHandle && active) {
    cards.push(
      <Card key="measure" title="柔性执法措施" size="small">
        <Form key={`measure-${c.lockVersion}`} layout="vertical" initialValues={{ carriedOutOn: today, method: decision?.measures.includes("administrativeWarning") || c.decidedOutcome === "no_penalty" ? "administrativeWarning" : undefined }} onFinish={(v) => void run("measures", { method: v.method, carriedOutOn: v.carriedOutOn, writtenRecord: v.writtenRecord, persons: v.persons ?? undefined }, "措施已记录")}>
          <Form.Item name="method" label="方式" rules={[{ required: true, message: "请选择方式" }]}>
            <Select options={softMethods.filter((m) => m !== "followUpVisit").map((m: SoftMethod) => ({ label: softMethodLabels[m], value: m }))} />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name="carriedOutOn" label="实施日期" rules={[{ required: true }]} style={{ flex: 2 }}>
              <Input type="date" max={today} />
            </Form.Item>
            <Form.Item name="persons" label="人次" style={{ flex: 1 }}>
              <InputNumber min={1} style={{ width: "100%" }} />
            </Form.Item>
          </Flex>
          <Form.Item name="writtenRecord" label="书面记录" rules={[{ required: true, message: "每项措施都须有书面记录" }]}>
            <Input.TextArea rows={3} placeholder="措施的内容、对象和结果" />
          </Form.Item>
          <Button htmlType="submit" block loading={busy}>
            记录措施
          </Button>
        </Form>
      </Card>,
    );
    if (!openReinspection) {
      cards.push(
        <Card key="correction" title="责令限期改正" size="small">
          <Form key={`correction-${c.lockVersion}`} layout="vertical" onFinish={(v) => void run("correction", { dueDate: v.dueDate, requirements: v.requirements }, "已责令限期改正")}>
            <Form.Item name="dueDate" label="改正期限" rules={[{ required: true }]}>
              <Input type="date" min={today} />
            </Form.Item>
            <Form.Item name="requirements" label="改正要求" rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button htmlType="submit" block loading={busy}>
              责令改正
            </Button>
          </Form>
        </Card>,
      );
    } else {
      cards.push(
        <Card key="reinspect" title={`复查（改正期限 ${openReinspection.dueOn}）`} size="small">
          <Form key={`reinspect-${c.lockVersion}`} layout="vertical" initialValues={{ inspectedOn: today, corrected: true }} onFinish={(v) => void run("reinspection", v, "复查已记录")}>
            <Form.Item name="inspectedOn" label="复查日期" rules={[{ required: true }]}>
              <Input type="date" max={today} />
            </Form.Item>
            <Form.Item name="corrected" label="是否已改正">
              <Radio.Group options={yesNo} optionType="button" />
            </Form.Item>
            <Form.Item name="notes" label="复查情况" rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button htmlType="submit" block loading={busy}>
              记录复查
            </Button>
          </Form>
        </Card>,
      );
    }
  }

  if (canHandle && (c.status === "decided" || c.status === "in_progress")) {
    cards.push(
      <Card key="followup" title="回访（行政执法案件回访登记表）" size="small">
        {!openFollowUp ? (
          <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v) => void run("follow-ups", { dueOn: v.dueOn }, "已安排回访")}>
            <Form.Item name="dueOn" label="安排回访日期" rules={[{ required: true }]}>
              <Input type="date" min={today} />
            </Form.Item>
            <Button htmlType="submit" loading={busy}>
              安排
            </Button>
          </Form>
        ) : (
          <Alert style={{ marginBottom: 12 }} type={openFollowUp.overdue ? "error" : "info"} showIcon message={`已安排回访：${openFollowUp.dueOn}${openFollowUp.overdue ? "（已逾期）" : ""}`} />
        )}
        <Form
          key={`followup-${c.lockVersion}`}
          layout="vertical"
          initialValues={{ visitedOn: today, responsiblePerson: c.partyContact ?? "", signedBy: c.partyContact ?? "", phone: c.partyPhone ?? "", visitor: user?.displayName.replace(/（.*）$/, "") }}
          onFinish={(v) => void run("follow-up-records", { ...v, taskId: openFollowUp?.id }, "回访已记录")}
        >
          <Flex gap={8} wrap>
            <Form.Item name="visitedOn" label="回访日期" rules={[{ required: true }]} style={{ flex: "1 1 140px" }}>
              <Input type="date" max={today} />
            </Form.Item>
            <Form.Item name="visitor" label="回访人" rules={[{ required: true }]} style={{ flex: "1 1 140px" }}>
              <Input />
            </Form.Item>
          </Flex>
          <Form.Item name="responsiblePerson" label="负责人姓名" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="execution" label="行政执法决定执行情况，违法行为整改情况" rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="remedialMeasures" label="整改措施（如未改正违法行为，应采取如下措施改正）">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="conductEvaluation" label="案件承办人依照法定程序办案、廉洁执法情况（当事人评价）" rules={[{ required: true, message: "请当事人评价" }]}>
            <Radio.Group optionType="button" options={[{ label: "满意", value: "satisfied" }, { label: "基本满意", value: "basically_satisfied" }, { label: "不满意", value: "dissatisfied" }]} />
          </Form.Item>
          <Form.Item name="conductComment" label="评价说明">
            <Input />
          </Form.Item>
          <Form.Item name="suggestions" label="对执法机关的建议及需要帮助解决的问题">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Flex gap={8} wrap>
            <Form.Item name="signedBy" label="回访对象签名" rules={[{ required: true }]} style={{ flex: "1 1 140px" }}>
              <Input />
            </Form.Item>
            <Form.Item name="phone" label="联系电话" style={{ flex: "1 1 140px" }}>
              <Input inputMode="tel" />
            </Form.Item>
          </Flex>
          <Button htmlType="submit" block loading={busy}>
            记录回访
          </Button>
        </Form>
      </Card>,
    );
    cards.push(
      <Card key="close" title="办结归档" size="small">
        {file.closeProblems.length ? (
          <Alert type="warning" showIcon message="尚不能归档" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{file.closeProblems.map((p) => <li key={p}>{p}</li>)}</ul>} style={{ marginBottom: 8 }} />
        ) : null}
        {file.documentsChecked && file.requiredDocuments.some((t) => !file.documents.some((d) => d.type === t && d.status !== "cancelled")) ? (
          <Flex vertical gap={8} style={{ marginBottom: 8 }}>
            {file.requiredDocuments
              .filter((t) => !file.documents.some((d) => d.type === t && d.status !== "cancelled"))
              .map((t) => (
                <Link key={t} to={`/documents?caseId=${c.id}&issue=${t}`}>
                  <Button block>签发{decisionDocumentLabels[t as DecisionDocumentType] ?? t}</Button>
                </Link>
              ))}
          </Flex>
        ) : null}
        {file.closeProblems.length ? null : <Typography.Paragraph type="secondary">归档后案件锁定，更正须说明理由重新打开。</Typography.Paragraph>}
        <Button type="primary" size="large" block loading={busy} disabled={file.closeProblems.length > 0} onClick={() => void run("close", {}, "已办结归档")}>
          办结归档
        </Button>
      </Card>,
    );
  }

  if (canHandle && c.status === "closed") {
    cards.push(
      <Card key="reopen" title="重新打开" size="small">
        <Form layout="vertical" onFinish={(v) => void run("reopen", { reason: v.reason }, "已重新打开")}>
          <Form.Item name="reason" label="理由" rules={[{ required: true, min: 5, message: "请说明理由（不少于5个字）" }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button htmlType="submit" block loading={busy}>
            重新打开
          </Button>
        </Form>
      </Card>,
    );
  }

  if (canVoid && (active || c.status === "transferred")) {
    cards.push(
      <Card key="void" title="撤销立案（作废）" size="small">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          立案错误的案件予以撤销：案卷保留、不能再办理，其处理决定和柔性执法措施不再计入统计报表。
        </Typography.Paragraph>
        <Form
          layout="vertical"
          onFinish={(v) =>
            modal.confirm({
              title: "确认撤销立案？",
              content: "撤销后案件不能再办理，其决定和措施不计入统计报表。",
              okText: "撤销立案",
              okButtonProps: { danger: true },
              cancelText: "取消",
              onOk: () => run("cancel", { reason: v.reason }, "已撤销立案"),
            })
          }
        >
          <Form.Item name="reason" label="撤销理由" rules={[{ required: true, min: 10, message: "请说明撤销理由（不少于10个字）" }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button htmlType="submit" danger block loading={busy}>
            撤销立案
          </Button>
        </Form>
      </Card>,
    );
  }

  return (
    <PageContainer
      title={c.caseNo}
      description={`${c.partyName} · ${c.matterName}`}
      extra={[
        <Tag key="s" color={caseStatusColors[c.status]} data-testid="case-status" style={{ fontSize: 14, padding: "2px 8px" }}>
          {caseStatusLabels[c.status]}
        </Tag>,
        <Link key="l" to="/cases">
          返回列表
        </Link>,
      ]}
    >
      <div className="ky-wizard">
        {c.status !== "transferred" && c.status !== "cancelled" ? (
          <Steps size="small" current={flowStep(c, file)} items={flowSteps.map((title) => ({ title }))} responsive={false} className="ky-case-steps" style={{ marginBottom: 16 }} />
        ) : (
          <Alert
            type={c.status === "cancelled" ? "warning" : "info"}
            showIcon
            style={{ marginBottom: 16 }}
            message={c.status === "cancelled" ? (c.terminationReason ?? "已撤销立案") : `已转出：${c.terminationReason ?? ""}`}
          />
        )}
        <Flex vertical gap={12}>
          {c.decidedOutcome ? (
            <Alert
              type="success"
              showIcon
              message={`处理决定：${outcomeLabels[c.decidedOutcome]}${c.route ? `（${routeLabels[c.route]}）` : ""}${c.fineYuan ? `，罚款 ${c.fineYuan} 元` : ""}`}
              description={c.departureReason ? `不采纳研判建议的理由：${c.departureReason}` : undefined}
            />
          ) : null}
          {cards}
          <Card title="案件信息" size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="当事人">{c.partyName}</Descriptions.Item>
              <Descriptions.Item label={c.partyType === "enterprise" ? "统一社会信用代码" : "身份证号码"}>{c.partyCreditCode ?? c.partyIdNumberMasked}</Descriptions.Item>
              <Descriptions.Item label="地址">{c.partyAddress}</Descriptions.Item>
              <Descriptions.Item label="行业类别">{industryCategoryLabels[c.industryCategory as IndustryCategory] ?? c.industryCategory}</Descriptions.Item>
              <Descriptions.Item label="执法事项">
                {c.matterName}（{c.matterCode}）
              </Descriptions.Item>
              <Descriptions.Item label="违法行为发生日期">{c.actDate}</Descriptions.Item>
              <Descriptions.Item label="发现日期">{c.discoveredOn}</Descriptions.Item>
              <Descriptions.Item label="检查">
                {c.inspection.date} {c.inspection.place}；{(c.inspection.officers ?? []).map((o) => `${o.name}（${o.licenceNo}）`).join("、")}
              </Descriptions.Item>
              <Descriptions.Item label="违法事实">{c.facts}</Descriptions.Item>
              {c.correctionDue ? <Descriptions.Item label="改正期限">{c.correctionDue}{c.correctedOn ? `，已于 ${c.correctedOn} 改正` : ""}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
          <Card
            title={`证据（${file.evidence.length}）`}
            size="small"
            extra={
              canHandle && c.status !== "closed" && c.status !== "transferred" && c.status !== "cancelled" ? (
                <label className="ant-btn ant-btn-default ant-btn-sm" style={{ cursor: "pointer" }}>
                  上传照片/文件
                  <input type="file" multiple accept="image/*,application/pdf,.docx,.xlsx,video/mp4,audio/mpeg" hidden onChange={(e) => void uploadFiles(e.target.files)} aria-label="上传证据" />
                </label>
              ) : null
            }
          >
            {file.evidence.length ? (
              <List
                size="small"
                dataSource={file.evidence}
                renderItem={(e) => (
                  <List.Item>
                    <a href={`/api/v1/cases/${c.id}/evidence/${e.id}`}>{e.fileName}</a>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {(e.size / 1024).toFixed(1)} KB · SHA-256 {e.sha256.slice(0, 12)}…
                    </Typography.Text>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无证据" />
            )}
          </Card>
          <Card title="案卷" size="small">
            <Typography.Title level={5}>柔性执法措施</Typography.Title>
            <List
              size="small"
              locale={{ emptyText: "暂无" }}
              dataSource={file.measures}
              renderItem={(m) => (
                <List.Item
                  actions={
                    canHandle && active && !m.cancelled
                      ? [
                          <Button key="cancel" type="link" size="small" onClick={() => setCancelling(m)}>
                            撤销
                          </Button>,
                        ]
                      : undefined
                  }
                >
                  <div style={m.cancelled ? { color: "#999", textDecoration: "line-through" } : undefined}>
                    <Tag>{softMethodLabels[m.method as SoftMethod] ?? m.method}</Tag>
                    {m.cancelled ? <Tag color="default">已撤销</Tag> : null}
                    {m.carriedOutOn}
                    <div style={{ whiteSpace: "pre-wrap", fontSize: 13 }}>{m.writtenRecord}</div>
                  </div>
                </List.Item>
              )}
            />
            <Typography.Title level={5}>复查与回访</Typography.Title>
            <List
              size="small"
              locale={{ emptyText: "暂无" }}
              dataSource={file.tasks}
              renderItem={(t) => (
                <List.Item>
                  {t.kind === "reinspection" ? "复查" : "回访"} · 期限 {t.dueOn} · {t.doneOn ? `已完成 ${t.doneOn}` : t.overdue ? <Tag color="red">已逾期</Tag> : "待完成"}
                </List.Item>
              )}
            />
            <Typography.Title level={5}>文书</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              所需文书：{file.requiredDocuments.map((d) => decisionDocumentLabels[d as DecisionDocumentType] ?? d).join("、") || "无"}；已出具：
              {file.documents.map((d) => `${decisionDocumentLabels[d.type as DecisionDocumentType] ?? d.type} ${d.number}`).join("、") || "无"}
            </Typography.Paragraph>
            <Typography.Title level={5}>全过程记录</Typography.Title>
            <Timeline
              items={file.timeline.map((e) => ({
                children: (
                  <div>
                    <Typography.Text strong>{actionLabels[e.action] ?? e.action}</Typography.Text>
                    <div style={{ fontSize: 12, color: "#888" }}>
                      {formatDateTime(e.at)} · {e.actorName}
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Flex>
      </div>
      <Modal
        title={cancelling ? `撤销误录的措施：${softMethodLabels[cancelling.method as SoftMethod] ?? cancelling.method}（${cancelling.carriedOutOn}）` : ""}
        open={cancelling !== null}
        okText="撤销措施"
        okButtonProps={{ danger: true, loading: busy }}
        cancelText="取消"
        destroyOnHidden
        onCancel={() => setCancelling(null)}
        onOk={() => cancelForm.submit()}
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          撤销后该措施保留在案卷中并标明“已撤销”，不再计入统计报表。
        </Typography.Paragraph>
        <Form
          form={cancelForm}
          layout="vertical"
          preserve={false}
          onFinish={async (v) => {
            if (cancelling && (await run("measure-cancellations", { measureId: cancelling.id, reason: v.reason }, "已撤销该措施"))) setCancelling(null);
          }}
        >
          <Form.Item name="reason" label="撤销理由" rules={[{ required: true, min: 5, message: "请说明撤销理由（不少于5个字）" }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
