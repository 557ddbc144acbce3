// 案件: the rest of the officer's wizard (circumstances → the engine's proposal with its reasons
// and legal basis → confirm or depart → measures / correction → follow-up → close), then the
// 案卷: evidence, measures, tasks, documents and the full audit trail as a timeline.
//
// Each step's panels live in ./steps. On a desktop every panel of the case shows at once (the actions
// on the left, the case and its 案卷 on the right); on a phone one step at a time, with a compact step
// indicator and 上一步/下一步. What the user may do comes from the server (allowedActions).
import { Alert, App, Col, Empty, Flex, Grid, Result, Row, Spin, Steps, Tag } from "antd";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { outcomeLabels } from "@kuanyan/domain/decisions";
import PageContainer from "../../components/PageContainer";
import { ApiError } from "../../services/request";
import { caseAction, caseStatusColors, caseStatusLabels, getCase, routeLabels, type CaseFile } from "../../services/cases";
import CaseInfoPanel from "./steps/CaseInfoPanel";
import CaseRecordPanel from "./steps/CaseRecordPanel";
import CircumstancesPanel from "./steps/CircumstancesPanel";
import ClosePanel from "./steps/ClosePanel";
import CorrectionPanel from "./steps/CorrectionPanel";
import DecidePanel from "./steps/DecidePanel";
import DecisionCard from "./steps/DecisionCard";
import EvidencePanel from "./steps/EvidencePanel";
import FollowUpPanel from "./steps/FollowUpPanel";
import MeasurePanel from "./steps/MeasurePanel";
import PartyChoicePanel from "./steps/PartyChoicePanel";
import ReopenPanel from "./steps/ReopenPanel";
import ReviewPanel from "./steps/ReviewPanel";
import RoutePanel from "./steps/RoutePanel";
import VoidPanel from "./steps/VoidPanel";
import type { CaseAction } from "@kuanyan/domain/cases";
import type { CaseActionPath, StepProps } from "./steps/context";
import { flowStep, flowSteps, inFlow } from "./steps/flow";
import { StepButtons, StepIndicator } from "./steps/StepIndicator";
import { todayInChina } from "../../utils/time";

/** What a phone shows on a step with nothing to do there yet. */
const emptyStep: Record<number, string> = {
  2: "研判后在此告知当事人、选择办理程序并作出处理决定",
  3: "作出处理决定后在此记录柔性执法措施、责令改正和复查",
  4: "作出处理决定后在此安排和记录回访",
};

function DecidedAlert({ file }: { file: CaseFile }) {
  const c = file.case;
  if (!c.decidedOutcome) return null;
  return (
    <Alert
      type="success"
      showIcon
      title={`处理决定：${outcomeLabels[c.decidedOutcome]}${c.route ? `（${routeLabels[c.route]}）` : ""}${c.fineYuan ? `，罚款 ${c.fineYuan} 元` : ""}`}
      description={c.departureReason ? `不采纳研判建议的理由：${c.departureReason}` : undefined}
    />
  );
}

export default function CaseDetailPage() {
  const { id = "" } = useParams();
  const { message, modal } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const [file, setFile] = useState<CaseFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The step a phone shows; null: the step the case is at. */
  const [viewStep, setViewStep] = useState<number | null>(null);
  const today = todayInChina();

  const load = useCallback(async () => {
    try {
      setFile(await getCase(id));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const current = file ? flowStep(file) : 0;
  // When the case moves on (a decision, a scheduled follow-up …), the phone follows it.
  useEffect(() => setViewStep(null), [current]);

  if (error) return <Result status="404" title="案件不存在或无权查看" subTitle={error} extra={<Link to="/cases">返回案件列表</Link>} />;
  if (!file) return <Spin style={{ display: "block", margin: "20vh auto" }} />;
  const c = file.case;

  /** Runs a case action; a stale version (409) reloads the case and says so. */
  async function run(action: CaseActionPath, body: Record<string, unknown>, done?: string): Promise<CaseFile | null> {
    setBusy(true);
    try {
      const next = await caseAction(c.id, action, { lockVersion: c.lockVersion, ...body });
      setFile(next);
      if (done) message.success(done);
      return next;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        modal.warning({ title: "案件已被他人修改", content: `${e.message}。已为您载入最新内容，请核对后重新操作。` });
        await load();
      } else {
        message.error((e as Error).message);
      }
      return null;
    } finally {
      setBusy(false);
    }
  }

  const allowed = new Set(c.allowedActions);
  const can = (action: CaseAction) => allowed.has(action);
  const props: StepProps = { file, busy, run, can, today };
  const decision = c.decision;
  const shown = viewStep ?? current;
  const show = (step: number) => {
    setViewStep(step);
    window.scrollTo({ top: 0 });
  };
  /** After an evaluation, bring the proposal into view (below the questions). */
  const toProposal = () => setTimeout(() => document.querySelector(".ky-decision")?.scrollIntoView({ behavior: "smooth", block: "start" }), 100);

  // The panels of each step, in the order an officer meets them.
  const evaluatePanels = [
    can("evaluate") ? <CircumstancesPanel key="circ" {...props} onEvaluated={toProposal} /> : null,
    decision ? <DecisionCard key="decision" decision={decision} inEvaluation={c.status === "intake"} /> : null,
  ];
  const decidePanels = [
    !c.partyChoice && (can("partyAcceptsSoft") || can("partyRequestsOrdinary")) ? <PartyChoicePanel key="choice" {...props} /> : null,
    can("setRoute") && decision ? <RoutePanel key="route" {...props} /> : null,
    can("review") ? <ReviewPanel key="review" {...props} /> : null,
    can("decide") && decision ? <DecidePanel key="decide" {...props} /> : null,
  ];
  const measurePanels = [can("recordMeasure") ? <MeasurePanel key="measure" {...props} /> : null, <CorrectionPanel key="correction" {...props} />];
  const followUpPanels = [can("recordFollowUp") || can("scheduleFollowUp") ? <FollowUpPanel key="followup" {...props} /> : null];
  const closePanels = [can("close") ? <ClosePanel key="close" {...props} /> : null, can("reopen") ? <ReopenPanel key="reopen" {...props} /> : null];
  const voidPanel = can("cancel") ? <VoidPanel key="void" {...props} /> : null;
  const record = <CaseRecordPanel key="record" {...props} />;
  const info = <CaseInfoPanel key="info" file={file} />;
  const evidence = <EvidencePanel key="evidence" {...props} />;

  let body: ReactNode;
  if (phone && inFlow(file)) {
    const steps: ReactNode[][] = [
      [info, evidence, voidPanel],
      evaluatePanels,
      // The proposal again on top of 决定: the officer decides looking at it.
      [decision ? <DecisionCard key="decision" decision={decision} inEvaluation={c.status === "intake"} /> : null, ...decidePanels],
      measurePanels,
      followUpPanels,
      [...closePanels, record],
    ];
    const panels = steps[shown].filter(Boolean);
    const actionable = shown === 2 ? decidePanels.some(Boolean) : shown === 3 ? can("recordMeasure") || can("orderCorrection") || can("recordReinspection") : shown === 4 ? followUpPanels.some(Boolean) : panels.length > 0;
    const handler = can("evaluate") || can("recordMeasure");
    const hint = actionable
      ? null
      : handler && c.status === "intake" && emptyStep[shown]
        ? emptyStep[shown]
        : shown === 1 && !decision
          ? "执法人员尚未研判"
          : panels.length
            ? null
            : "此步骤没有需要您办理的事项";
    body = (
      <Flex vertical gap={12}>
        <StepIndicator current={current} shown={shown} onShow={show} />
        <DecidedAlert file={file} />
        {panels}
        {hint ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={hint} /> : null}
        <StepButtons shown={shown} onShow={show} />
      </Flex>
    );
  } else {
    body = (
      <>
        {inFlow(file) ? (
          <Steps size="small" current={current} items={flowSteps.map((title) => ({ title }))} responsive={false} className="ky-case-steps" style={{ marginBottom: 16 }} />
        ) : (
          <Alert
            type={c.status === "cancelled" ? "warning" : "info"}
            showIcon
            style={{ marginBottom: 16 }}
            title={c.status === "cancelled" ? (c.terminationReason ?? "已撤销立案") : `已转出：${c.terminationReason ?? ""}`}
          />
        )}
        <Row gutter={[16, 12]}>
          <Col xs={24} lg={14}>
            <Flex vertical gap={12}>
              <DecidedAlert file={file} />
              {evaluatePanels}
              {decidePanels}
              {measurePanels}
              {followUpPanels}
              {closePanels}
            </Flex>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={12}>
              {info}
              {evidence}
              {record}
              {voidPanel}
            </Flex>
          </Col>
        </Row>
      </>
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
      <div className="ky-case">{body}</div>
    </PageContainer>
  );
}
