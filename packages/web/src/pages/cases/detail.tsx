// 案件: the rest of the officer's wizard (circumstances → the engine's proposal with its reasons
// and legal basis → confirm or depart → measures / correction → follow-up → close), then the
// 案卷: evidence, measures, tasks, documents and the full audit trail as a timeline.
//
// Each step's panels live in ./steps. On a desktop every panel of the case shows at once (the actions
// on the left, the case and its 案卷 on the right); on a phone one step at a time, with a compact step
// indicator and 上一步/下一步. What the user may do comes from the server (allowedActions).
import { Alert, App, Col, Empty, Flex, Grid, Result, Row, Spin, Steps, Tag } from "antd";
import { useState, type ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { outcomeLabels } from "@kuanyan/domain/decisions";
import PageContainer from "../../components/PageContainer";
import { ApiError } from "../../services/request";
import { caseAction, caseStatusColors, caseStatusLabels, routeLabels, type CaseFile } from "../../services/cases";
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
import { flowStep, flowSteps, inFlow, phoneStepHint } from "./steps/flow";
import { useCase, useViewStep } from "./useCase";
import { StepButtons, StepIndicator } from "./steps/StepIndicator";
import { todayInChina } from "../../utils/time";

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

/** The panels of each step, in the order an officer meets them; null where the user has nothing to do. */
function casePanels(props: StepProps, onEvaluated: () => void) {
  const { file, can } = props;
  const c = file.case;
  const decision = c.decision;
  const decisionCard = decision ? <DecisionCard key="decision" decision={decision} inEvaluation={c.status === "intake"} /> : null;
  return {
    decisionCard,
    evaluate: [can("evaluate") ? <CircumstancesPanel key="circ" {...props} onEvaluated={onEvaluated} /> : null, decisionCard],
    decide: [
      !c.partyChoice && (can("partyAcceptsSoft") || can("partyRequestsOrdinary")) ? <PartyChoicePanel key="choice" {...props} /> : null,
      can("setRoute") && decision ? <RoutePanel key="route" {...props} /> : null,
      can("review") ? <ReviewPanel key="review" {...props} /> : null,
      can("decide") && decision ? <DecidePanel key="decide" {...props} /> : null,
    ],
    measure: [can("recordMeasure") ? <MeasurePanel key="measure" {...props} /> : null, <CorrectionPanel key="correction" {...props} />],
    followUp: [can("recordFollowUp") || can("scheduleFollowUp") ? <FollowUpPanel key="followup" {...props} /> : null],
    close: [can("close") ? <ClosePanel key="close" {...props} /> : null, can("reopen") ? <ReopenPanel key="reopen" {...props} /> : null],
    void: can("cancel") ? <VoidPanel key="void" {...props} /> : null,
    record: <CaseRecordPanel key="record" {...props} />,
    info: <CaseInfoPanel key="info" file={file} />,
    evidence: <EvidencePanel key="evidence" {...props} />,
  };
}
type Panels = ReturnType<typeof casePanels>;

/** Whether the user has something to do on a phone step. */
function stepActionable(shown: number, p: Panels, can: StepProps["can"], panelCount: number): boolean {
  if (shown === 2) return p.decide.some(Boolean);
  if (shown === 3) return can("recordMeasure") || can("orderCorrection") || can("recordReinspection");
  if (shown === 4) return p.followUp.some(Boolean);
  return panelCount > 0;
}

/** A phone: one step at a time, with a compact step indicator and 上一步/下一步. */
function PhoneSteps({
  props,
  panels: p,
  current,
  shown,
  onShow,
}: {
  props: StepProps;
  panels: Panels;
  current: number;
  shown: number;
  onShow: (step: number) => void;
}) {
  const { file, can } = props;
  const steps: ReactNode[][] = [
    [p.info, p.evidence, p.void],
    p.evaluate,
    // The proposal again on top of 决定: the officer decides looking at it.
    [p.decisionCard, ...p.decide],
    p.measure,
    p.followUp,
    [...p.close, p.record],
  ];
  const panels = steps[shown].filter(Boolean);
  const hint = phoneStepHint({
    shown,
    panelCount: panels.length,
    actionable: stepActionable(shown, p, can, panels.length),
    handler: can("evaluate") || can("recordMeasure"),
    status: file.case.status,
    evaluated: Boolean(file.case.decision),
  });
  return (
    <Flex vertical gap={12}>
      <StepIndicator current={current} shown={shown} onShow={onShow} />
      <DecidedAlert file={file} />
      {panels}
      {hint ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={hint} /> : null}
      <StepButtons shown={shown} onShow={onShow} />
    </Flex>
  );
}

/** A desktop: every panel of the case at once, the actions on the left, the case and its 案卷 on the right. */
function DesktopCase({ file, panels: p, current }: { file: CaseFile; panels: Panels; current: number }) {
  const c = file.case;
  return (
    <>
      {inFlow(file) ? (
        <Steps
          size="small"
          current={current}
          items={flowSteps.map((title) => ({ title }))}
          responsive={false}
          className="ky-case-steps"
          style={{ marginBottom: 16 }}
        />
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
            {p.evaluate}
            {p.decide}
            {p.measure}
            {p.followUp}
            {p.close}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={12}>
            {p.info}
            {p.evidence}
            {p.record}
            {p.void}
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** After an evaluation, bring the proposal into view (below the questions). */
const toProposal = () => setTimeout(() => document.querySelector(".ky-decision")?.scrollIntoView({ behavior: "smooth", block: "start" }), 100);

export default function CaseDetailPage() {
  const { id = "" } = useParams();
  const { message, modal } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const { file, setFile, error, reload } = useCase(id);
  const [busy, setBusy] = useState(false);
  const current = file ? flowStep(file) : 0;
  const [shown, setViewStep] = useViewStep(current);
  const today = todayInChina();

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
        await reload();
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
  const show = (step: number) => {
    setViewStep(step);
    window.scrollTo({ top: 0 });
  };
  const panels = casePanels(props, toProposal);

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
      <div className="ky-case">
        {phone && inFlow(file) ? (
          <PhoneSteps props={props} panels={panels} current={current} shown={shown} onShow={show} />
        ) : (
          <DesktopCase file={file} panels={panels} current={current} />
        )}
      </div>
    </PageContainer>
  );
}
