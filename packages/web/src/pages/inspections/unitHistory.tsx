// 单位档案 (issue 10 item 1): a pool unit (contact masked) and its history on one page — 检查记录, 隐患,
// 案件 (the party's 统一社会信用代码 = the unit's) and 柔性执法措施 — as the server lists them within the
// user's data scope, newest first. Each count is the number of rows shown; each row opens its record.
import { Alert, Card, Descriptions, Empty, List, Space, Tag, Typography } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { industryLabels, riskLevelLabels } from "@kuanyan/domain/inspections";
import PageContainer from "../../components/PageContainer";
import { unitHistory, type UnitHistory } from "../../services/inspections";

type Loaded = { id: string; history: UnitHistory } | { id: string; error: string };

function Section<T>({ title, testId, items, render }: { title: string; testId: string; items: T[]; render: (item: T) => ReactNode }) {
  return (
    <Card size="small" title={`${title}（${items.length}）`} style={{ marginBottom: 16 }} data-testid={testId}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`暂无${title}`} />
      ) : (
        <List size="small" dataSource={items} renderItem={(item) => <List.Item style={{ display: "block" }}>{render(item)}</List.Item>} />
      )}
    </Card>
  );
}

function Row({ head, tags, meta }: { head: ReactNode; tags?: ReactNode; meta: ReactNode }) {
  return (
    <>
      <Space size={6} wrap>
        {head}
        {tags}
      </Space>
      <Typography.Text type="secondary" style={{ display: "block", fontSize: 13 }}>
        {meta}
      </Typography.Text>
    </>
  );
}

function UnitCard({ unit }: { unit: UnitHistory["unit"] }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="unit-card">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label="统一社会信用代码">{unit.creditCode}</Descriptions.Item>
        <Descriptions.Item label="名录库">{unit.organisationName}</Descriptions.Item>
        <Descriptions.Item label="行政区划">{unit.regionCode}</Descriptions.Item>
        <Descriptions.Item label="地址">{unit.address || "—"}</Descriptions.Item>
        <Descriptions.Item label="行业">{industryLabels[unit.industry]}</Descriptions.Item>
        <Descriptions.Item label="风险等级">{riskLevelLabels[unit.riskLevel]}</Descriptions.Item>
        <Descriptions.Item label="联系人">{unit.contactName ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{unit.contactPhone ?? "—"}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function History({ h }: { h: UnitHistory }) {
  return (
    <>
      <UnitCard unit={h.unit} />
      <Section
        title="检查记录"
        testId="history-inspections"
        items={h.inspections}
        render={(i) => (
          <Row
            head={<Link to={`/inspections/field/${i.id}`}>{i.recordNo ?? `${i.year}年检查`}</Link>}
            tags={
              <>
                <Tag color={i.status === "submitted" ? "green" : i.status === "cancelled" ? "default" : "blue"}>{i.statusLabel}</Tag>
                {i.itemsFailed > 0 ? <Tag color="red">不符合 {i.itemsFailed} 项</Tag> : null}
              </>
            }
            meta={`${i.organisationName} · ${i.submittedOn ? `${i.submittedOn} 提交` : i.dueBy ? `${i.dueBy} 前完成` : `${i.year}年`} · 已记录 ${i.itemsRecorded} 项，不符合 ${i.itemsFailed} 项`}
          />
        )}
      />
      <Section
        title="隐患"
        testId="history-hazards"
        items={h.hazards}
        render={(x) => (
          <Row
            head={<Link to={`/hazards?year=${x.foundOn.slice(0, 4)}&open=${x.id}`}>{x.description}</Link>}
            tags={
              <>
                <Tag color={x.level === "major" ? "red" : "default"}>{x.levelLabel}</Tag>
                <Tag color={x.status === "closed" ? "green" : "orange"}>{x.statusLabel}</Tag>
                {x.overdue ? <Tag color="volcano">逾期{x.daysOverdue}天</Tag> : null}
              </>
            }
            meta={`${x.organisationName} · ${x.foundOn} 发现 · 整改期限 ${x.deadline}`}
          />
        )}
      />
      <Section
        title="案件"
        testId="history-cases"
        items={h.cases}
        render={(c) => (
          <Row
            head={<Link to={`/cases/${c.id}`}>{c.caseNo}</Link>}
            tags={
              <>
                <Tag>{c.statusLabel}</Tag>
                {c.routeLabel ? <Tag color="blue">{c.routeLabel}</Tag> : null}
                {c.choiceLabel ? <Tag color="cyan">{c.choiceLabel}</Tag> : null}
              </>
            }
            meta={`${c.organisationName} · ${c.discoveredOn} 发现${c.decidedOn ? ` · ${c.decidedOn} 决定` : ""} · ${c.matterName}`}
          />
        )}
      />
      <Section
        title="柔性执法措施"
        testId="history-measures"
        items={h.measures}
        render={(m) => (
          <Row
            head={<Link to={`/cases/${m.caseId}`}>{m.methodLabel}</Link>}
            meta={`${m.carriedOutOn} · ${m.caseNo}${m.persons > 1 ? ` · ${m.persons}人次` : ""}`}
          />
        )}
      />
    </>
  );
}

export default function UnitHistoryPage() {
  const { id = "" } = useParams();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    unitHistory(id).then(
      (history) => live && setLoaded({ id, history }),
      (e: Error) => live && setLoaded({ id, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  const current = loaded?.id === id ? loaded : null;
  const h = current && "history" in current ? current.history : null;
  return (
    <PageContainer
      title={h ? h.unit.name : "单位档案"}
      description={
        h ? (
          <Space size={6} wrap>
            单位档案{h.unit.keyUnit ? <Tag color="red">重点单位</Tag> : null}
          </Space>
        ) : undefined
      }
      extra={<Link to="/inspections/units">返回名录库</Link>}
    >
      {current && "error" in current ? <Alert type="error" showIcon message={current.error} /> : null}
      {h ? <History h={h} /> : current ? null : <Card loading size="small" />}
    </PageContainer>
  );
}
