// 监督检查: the 司法局's (and superior departments') oversight of every organisation in their data
// scope — lists filed (备案), overdue corrections and follow-ups, statistics reports — and the
// decisions that departed from the engine's proposal, grouped by matter (同案不同罚).
import { ReloadOutlined, WarningOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Grid, Row, Space, Statistic, Switch, Table, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { reportKindLabels } from "@kuanyan/domain/statistics";
import FieldFiguresCard from "../../components/FieldFiguresCard";
import PageContainer from "../../components/PageContainer";
import {
  getDepartures,
  getOverview,
  overviewFlagColors,
  overviewFlagLabels,
  type DepartureGroup,
  type Departures,
  type OrganisationOverview,
  type Overview,
} from "../../services/supervision";
import { todayInChina } from "../../utils/time";

function Figure({ label, value, danger, to }: { label: string; value: number; danger?: boolean; to?: string }) {
  const body = <Statistic title={label} value={value} valueStyle={danger && value > 0 ? { color: "#cf1322" } : undefined} />;
  return (
    <Col xs={12} sm={8} md={4}>
      <Card size="small">{to ? <Link to={to}>{body}</Link> : body}</Card>
    </Col>
  );
}

function Flags({ org }: { org: OrganisationOverview }) {
  if (!org.flags.length) return <Tag color="green">正常</Tag>;
  return (
    <>
      {org.flags.map((f) => (
        <Tag key={f} color={overviewFlagColors[f]}>
          {overviewFlagLabels[f]}
        </Tag>
      ))}
    </>
  );
}

function Line({ children }: { children: React.ReactNode }) {
  return <div style={{ whiteSpace: "nowrap" }}>{children}</div>;
}

function listsText(o: OrganisationOverview): string {
  const l = o.lists;
  if (!l.published) return l.claimed ? `认领上级清单 ${l.claimed} 个` : "未发布清单";
  const claimed = l.claimed ? `，认领上级清单 ${l.claimed} 个` : "";
  return `已发布 ${l.published} 个版本${claimed}，按期备案 ${l.filedOnTime}，逾期备案 ${l.filedLate}，逾期未备案 ${l.overdueUnfiled}`;
}

/** On a phone: one card per organisation instead of a wide table. */
function OrganisationCards({ rows }: { rows: OrganisationOverview[] }) {
  return (
    <div>
      {rows.map((o) => (
        <Card
          key={o.organisationId}
          size="small"
          style={{ marginBottom: 8 }}
          title={<span style={{ whiteSpace: "normal" }}>{o.organisationName}</span>}
        >
          <div style={{ marginBottom: 6 }}>
            <Flags org={o} />
          </div>
          <div>
            <Link to="/lists?tab=filings">清单</Link>：{listsText(o)}
          </div>
          <div>
            <Link to="/cases?tab=overdue">案件</Link>：{o.cases.total} 件，整改逾期 {o.cases.correctionOverdue}，回访逾期 {o.cases.followUpOverdue}
            ，偏离建议 {o.cases.departures}
          </div>
          <div>
            <Link to="/statistics">报表</Link>：
            {o.statistics === null
              ? "不报送"
              : `应报 ${o.statistics.due}，按期 ${o.statistics.submittedOnTime}，迟报 ${o.statistics.submittedLate}，未报 ${o.statistics.overdue}`}
          </div>
        </Card>
      ))}
    </div>
  );
}

function OrganisationTable({ overview }: { overview: Overview }) {
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const phone = !Grid.useBreakpoint().sm;
  const rows = onlyFlagged ? overview.organisations.filter((o) => o.flags.length > 0) : overview.organisations;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={onlyFlagged} onChange={setOnlyFlagged} aria-label="只看有逾期的单位" />
        <span>只看有逾期的单位</span>
      </Space>
      {phone ? (
        <OrganisationCards rows={rows} />
      ) : (
        <Table<OrganisationOverview>
          rowKey="organisationId"
          size="small"
          dataSource={rows}
          pagination={rows.length > 30 ? { pageSize: 30 } : false}
          scroll={{ x: 760 }}
          columns={[
            {
              title: "单位",
              fixed: "left",
              width: 170,
              render: (_, o) => (
                <div>
                  <Typography.Text strong>{o.organisationName}</Typography.Text>
                  <div style={{ marginTop: 4 }}>
                    <Flags org={o} />
                  </div>
                </div>
              ),
            },
            {
              title: <Link to="/lists?tab=filings">清单备案</Link>,
              width: 150,
              render: (_, o) =>
                o.lists.published === 0 ? (
                  <Typography.Text type="secondary">{o.lists.claimed ? `认领上级清单 ${o.lists.claimed} 个` : "未发布清单"}</Typography.Text>
                ) : (
                  <>
                    <Line>已发布 {o.lists.published} 个版本</Line>
                    {o.lists.claimed ? <Line>认领上级清单 {o.lists.claimed} 个</Line> : null}
                    <Line>
                      按期备案 {o.lists.filedOnTime} · 逾期备案 {o.lists.filedLate}
                    </Line>
                    {o.lists.pending ? <Line>待备案 {o.lists.pending}</Line> : null}
                    {o.lists.overdueUnfiled ? (
                      <Line>
                        <Typography.Text type="danger">逾期未备案 {o.lists.overdueUnfiled}</Typography.Text>
                      </Line>
                    ) : null}
                  </>
                ),
            },
            {
              title: <Link to="/cases?tab=overdue">案件办理</Link>,
              width: 150,
              render: (_, o) => (
                <>
                  <Line>
                    案件 {o.cases.total} 件（办结 {o.cases.byStatus.closed ?? 0}）
                  </Line>
                  <Line>
                    {o.cases.correctionOverdue ? <Typography.Text type="danger">整改逾期 {o.cases.correctionOverdue}</Typography.Text> : "整改逾期 0"}
                  </Line>
                  <Line>
                    {o.cases.followUpOverdue ? <Typography.Text type="danger">回访逾期 {o.cases.followUpOverdue}</Typography.Text> : "回访逾期 0"}
                  </Line>
                </>
              ),
            },
            {
              title: "偏离建议",
              width: 80,
              render: (_, o) => (o.cases.departures ? <Link to="/supervision?tab=departures">{o.cases.departures} 件</Link> : "0"),
            },
            {
              title: <Link to="/statistics">统计报表</Link>,
              width: 170,
              render: (_, o) =>
                o.statistics === null ? (
                  <Typography.Text type="secondary">不报送</Typography.Text>
                ) : (
                  <>
                    <Line>
                      应报 {o.statistics.due} · 按期 {o.statistics.submittedOnTime} · 迟报 {o.statistics.submittedLate}
                    </Line>
                    {o.statistics.overdue ? (
                      <Typography.Text type="danger">
                        未报 {o.statistics.overdue}：
                        {o.statistics.overduePeriods
                          .slice(0, 3)
                          .map((p) => `${p.periodKey}${reportKindLabels[p.kind]}`)
                          .join("、")}
                        {o.statistics.overduePeriods.length > 3 ? " 等" : ""}
                      </Typography.Text>
                    ) : null}
                  </>
                ),
            },
          ]}
        />
      )}
    </>
  );
}

function DepartureCard({ group }: { group: DepartureGroup }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Flex wrap gap={8} align="center">
          <span style={{ whiteSpace: "normal" }}>{group.matterName}</span>
          {group.differentOutcomes ? (
            <Tag color="red" icon={<WarningOutlined />}>
              同案不同罚？
            </Tag>
          ) : null}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        事项编码 {group.matterCode} · 本范围内已决定 {group.decidedCases} 件：
        {group.outcomes.map((o) => (
          <Tag key={o.outcome} style={{ marginLeft: 4 }}>
            {o.label} {o.count} 件
          </Tag>
        ))}
      </Typography.Paragraph>
      {group.departures.map((d) => (
        <div key={d.caseId} style={{ borderTop: "1px solid #f0f0f0", padding: "8px 0" }}>
          <Flex wrap gap={8} justify="space-between">
            <Link to={`/cases/${d.caseId}`}>{d.caseNo}</Link>
            <Typography.Text type="secondary">
              {d.organisationName} · {d.officer ?? "—"} · {d.decidedOn ?? ""}
            </Typography.Text>
          </Flex>
          <div style={{ margin: "4px 0" }}>
            系统建议 <Tag>{d.proposedLabel ?? "—"}</Tag>→ 实际决定 <Tag color="blue">{d.decidedLabel ?? "—"}</Tag>
            {d.fineYuan !== null ? <span>罚款 {d.fineYuan.toLocaleString("zh-CN")} 元</span> : null}
          </div>
          <Typography.Paragraph style={{ margin: 0 }}>偏离理由：{d.reason}</Typography.Paragraph>
        </div>
      ))}
    </Card>
  );
}

function DeparturesView({ asOf }: { asOf: string }) {
  const [data, setData] = useState<Departures | null>(null);
  useEffect(() => {
    void getDepartures({ asOf: asOf || undefined }).then(setData, () => setData(null));
  }, [asOf]);
  if (!data) return null;
  if (!data.groups.length) return <Empty description="暂无偏离系统建议的处理决定" />;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={`共 ${data.total} 件处理决定偏离了系统研判建议，按执法事项分组；同一事项处理结果不一致的标注“同案不同罚？”，请结合情节复核。`}
      />
      {data.groups.map((g) => (
        <DepartureCard key={g.matterCode} group={g} />
      ))}
    </>
  );
}

export default function SupervisionPage() {
  const [params, setParams] = useSearchParams();
  const [asOf, setAsOf] = useState("");
  const [overview, setOverview] = useState<Overview | null>(null);
  const tab = params.get("tab") === "departures" ? "departures" : "overview";

  const load = useCallback(() => {
    void getOverview(asOf || undefined).then(setOverview, () => setOverview(null));
  }, [asOf]);
  useEffect(load, [load]);

  const flagged = useMemo(() => overview?.organisations.filter((o) => o.flags.length > 0).length ?? 0, [overview]);
  const t = overview?.totals;

  return (
    <PageContainer
      title="监督检查"
      description="本辖区各执法单位的清单备案、整改与回访期限、统计报表报送，以及偏离系统建议的处理决定。"
      extra={
        <>
          <DatePicker
            aria-label="截止日期"
            placeholder="截止日期"
            style={{ width: 180 }}
            value={asOf ? dayjs(asOf) : null}
            disabledDate={(d) => d.format("YYYY-MM-DD") > todayInChina()}
            onChange={(d) => setAsOf(d ? d.format("YYYY-MM-DD") : "")}
          />
          <Button icon={<ReloadOutlined />} onClick={load}>
            刷新
          </Button>
        </>
      }
    >
      {t ? (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Figure label="单位" value={t.organisations} />
          <Figure label="有逾期的单位" value={flagged} danger />
          <Figure label="逾期未备案清单" value={t.lists.overdueUnfiled} danger to="/lists?tab=filings" />
          <Figure label="整改逾期案件" value={t.cases.correctionOverdue} danger to="/cases?tab=overdue" />
          <Figure label="回访逾期案件" value={t.cases.followUpOverdue} danger to="/cases?tab=overdue" />
          <Figure label="逾期未报报表" value={t.statistics.overdue} danger to="/statistics" />
        </Row>
      ) : null}
      {overview ? <Typography.Paragraph type="secondary">截至 {overview.asOf}</Typography.Paragraph> : null}
      <FieldFiguresCard year={Number((asOf || todayInChina()).slice(0, 4))} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: "overview", label: "单位总览", children: overview ? <OrganisationTable overview={overview} /> : null },
          { key: "departures", label: `偏离建议${t ? `（${t.cases.departures}）` : ""}`, children: <DeparturesView asOf={asOf} /> },
        ]}
      />
    </PageContainer>
  );
}
