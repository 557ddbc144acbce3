// 案件办理: the case list with filters and saved views (kept in this browser), the 法制审核
// queue and the overdue board (correction deadlines, reinspections and follow-ups past due).
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Flex, Input, List, Select, Space, Switch, Table, Tabs, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { outcomeLabels, outcomes, type Outcome } from "@kuanyan/domain/decisions";
import PageContainer from "../../components/PageContainer";
import { useAuth } from "../../auth/AuthContext";
import {
  caseStatusColors,
  caseStatusLabels,
  listCases,
  overdueBoard,
  reviewQueue,
  routeLabels,
  type CaseFilters,
  type CaseListItem,
  type CaseListPage,
  type CaseStatus,
  type OverdueItem,
  type ReviewQueueItem,
} from "../../services/cases";

const VIEWS_KEY = "kuanyan.cases.views";

interface SavedView {
  name: string;
  filters: CaseFilters;
}

function loadViews(): SavedView[] {
  try {
    return JSON.parse(localStorage.getItem(VIEWS_KEY) ?? "[]") as SavedView[];
  } catch {
    return [];
  }
}

/** Where the list is: the cursors of the pages visited (the first page has none) and the one shown. */
interface Trail {
  cursors: (string | undefined)[];
  index: number;
}
const firstPage: Trail = { cursors: [undefined], index: 0 };
const pageSize = 20;

function CaseList() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [filters, setFilterState] = useState<CaseFilters>({});
  const [trail, setTrail] = useState<Trail>(firstPage);
  const [text, setText] = useState("");
  const [page, setPage] = useState<CaseListPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [views, setViews] = useState<SavedView[]>(loadViews);
  const cursor = trail.cursors[trail.index];

  // Other filters start again at the first page.
  function setFilters(next: CaseFilters) {
    setFilterState(next);
    setTrail(firstPage);
  }

  // Another page is read from its top.
  function goTo(next: Trail) {
    setTrail(next);
    window.scrollTo({ top: 0 });
  }

  // The page is fetched again for other filters or another page; loading is set while rendering, not in the effect.
  const [loaded, setLoaded] = useState({ filters, cursor });
  if (loaded.filters !== filters || loaded.cursor !== cursor) {
    setLoaded({ filters, cursor });
    setLoading(true);
  }
  useEffect(() => {
    let live = true;
    listCases(filters, cursor, pageSize)
      .then((p) => live && setPage(p))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filters, cursor]);
  const items: CaseListItem[] = page?.items ?? [];
  const nextCursor = page?.nextCursor ?? null;

  function saveView() {
    const name = window.prompt("视图名称", "我的视图");
    if (!name) return;
    const next = [...views.filter((v) => v.name !== name), { name, filters }];
    setViews(next);
    localStorage.setItem(VIEWS_KEY, JSON.stringify(next));
    message.success(`已保存视图“${name}”`);
  }

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Flex gap={8} wrap>
        <Input.Search
          placeholder="案号、当事人、事项、事实，或完整的电话、身份证号"
          aria-label="搜索案件"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => setFilters({ ...filters, q: q || undefined })}
          allowClear
          style={{ flex: "1 1 220px" }}
        />
        <Select
          allowClear
          placeholder="状态"
          aria-label="状态"
          value={filters.status}
          onChange={(status?: CaseStatus) => setFilters({ ...filters, status })}
          options={(Object.keys(caseStatusLabels) as CaseStatus[]).map((s) => ({ label: caseStatusLabels[s], value: s }))}
          style={{ flex: "1 1 120px" }}
        />
        <Select
          allowClear
          placeholder="处理结果"
          aria-label="处理结果"
          value={filters.outcome}
          onChange={(outcome?: Outcome) => setFilters({ ...filters, outcome })}
          options={outcomes.map((o) => ({ label: outcomeLabels[o], value: o }))}
          style={{ flex: "1 1 140px" }}
        />
        <Flex align="center" gap={4}>
          <Switch
            checked={filters.overdue === "true"}
            onChange={(on) => setFilters({ ...filters, overdue: on ? "true" : undefined })}
            aria-label="只看逾期"
          />
          逾期
        </Flex>
        <Flex align="center" gap={4}>
          <Switch
            checked={filters.officerId === user?.id}
            onChange={(on) => setFilters({ ...filters, officerId: on ? user?.id : undefined })}
            aria-label="我经办的"
          />
          我经办的
        </Flex>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">视图：</Typography.Text>
        <Button
          size="small"
          onClick={() => {
            setFilters({});
            setText("");
          }}
        >
          全部
        </Button>
        {views.map((v) => (
          <Tag
            key={v.name}
            closable
            style={{ cursor: "pointer" }}
            onClick={() => {
              setFilters(v.filters);
              setText(v.filters.q ?? "");
            }}
            onClose={() => {
              const next = views.filter((x) => x.name !== v.name);
              setViews(next);
              localStorage.setItem(VIEWS_KEY, JSON.stringify(next));
            }}
          >
            {v.name}
          </Tag>
        ))}
        <Button size="small" type="dashed" onClick={saveView}>
          保存当前筛选为视图
        </Button>
      </Flex>
      <List
        className="ky-case-cards"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty description="没有符合条件的案件" /> }}
        renderItem={(c) => (
          <List.Item>
            <Link to={`/cases/${c.id}`} style={{ display: "block", width: "100%", color: "inherit" }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong>{c.partyName}</Typography.Text>
                <span>
                  <Tag color={caseStatusColors[c.status]}>{caseStatusLabels[c.status]}</Tag>
                  {c.overdue ? <Tag color="red">逾期</Tag> : null}
                </span>
              </Flex>
              <div style={{ fontSize: 13 }}>{c.matterName}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.caseNo} · {c.organisationName} · 发现 {c.discoveredOn}
                {c.decidedOutcome ? ` · ${outcomeLabels[c.decidedOutcome]}` : c.proposedOutcome ? ` · 建议${outcomeLabels[c.proposedOutcome]}` : ""}
                {c.route ? ` · ${routeLabels[c.route]}` : ""}
              </Typography.Text>
            </Link>
          </List.Item>
        )}
      />
      <Flex justify="space-between" align="center" gap={8} wrap className="ky-case-pager">
        <Typography.Text type="secondary">
          {page ? (page.totalIsEstimate ? `约 ${page.total.toLocaleString("zh-CN")} 条` : `共 ${page.total} 条`) : ""}
          {page && page.total > 0 ? ` · 第 ${trail.index + 1} 页` : ""}
        </Typography.Text>
        <Space>
          <Button size="small" disabled={loading || trail.index === 0} onClick={() => goTo({ ...trail, index: trail.index - 1 })}>
            上一页
          </Button>
          <Button
            size="small"
            disabled={loading || !nextCursor}
            onClick={() => goTo({ cursors: [...trail.cursors.slice(0, trail.index + 1), nextCursor ?? undefined], index: trail.index + 1 })}
          >
            下一页
          </Button>
        </Space>
      </Flex>
    </Space>
  );
}

function ReviewQueue() {
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
  useEffect(() => void reviewQueue().then(setItems), []);
  return (
    <List
      loading={!items}
      dataSource={items ?? []}
      locale={{ emptyText: <Empty description="没有待审核的案件" /> }}
      renderItem={(c) => (
        <List.Item extra={<Link to={`/cases/${c.id}`}>{c.route === "escalated" ? "查看" : "审核"}</Link>}>
          <List.Item.Meta
            title={`${c.caseNo} · ${c.partyName}`}
            description={`${c.matterName} · ${c.route === "escalated" ? "疑难问题" : "普通程序待法制审核"} · ${c.organisationName}`}
          />
        </List.Item>
      )}
    />
  );
}

const overdueKind: Record<OverdueItem["kind"], string> = {
  reinspection: "复查逾期",
  follow_up: "回访逾期",
  correction_not_corrected: "逾期未改正",
};

function OverdueBoard() {
  const [data, setData] = useState<{ today: string; items: OverdueItem[] } | null>(null);
  useEffect(() => void overdueBoard().then(setData), []);
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.caseId}-${r.taskId ?? r.kind}`}
      loading={!data}
      dataSource={data?.items ?? []}
      pagination={false}
      scroll={{ x: 600 }}
      locale={{ emptyText: "没有逾期事项" }}
      columns={[
        { title: "事项", dataIndex: "kind", render: (k: OverdueItem["kind"]) => <Tag color="red">{overdueKind[k]}</Tag> },
        { title: "期限", dataIndex: "dueOn" },
        { title: "逾期天数", dataIndex: "daysLate" },
        { title: "案件", render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link> },
        { title: "当事人", dataIndex: "partyName" },
        { title: "执法主体", dataIndex: "organisationName" },
        { title: "承办人", render: (_, r) => r.officers.join("、") },
      ]}
    />
  );
}

export default function CasesPage() {
  const navigate = useNavigate();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? (user?.roles.includes("legalReviewer") && !user.roles.includes("officer") ? "review" : "list");
  const canOpen = user?.roles.some((r) => r === "officer" || r === "orgAdmin");
  return (
    <PageContainer
      title="案件办理"
      description="登记、研判、决定、措施、整改、回访、归档，全过程记录。"
      extra={
        canOpen ? (
          <Button type="primary" icon={<PlusOutlined />} size="large" onClick={() => navigate("/cases/new")}>
            登记案件
          </Button>
        ) : null
      }
    >
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          items={[
            { key: "list", label: "案件列表", children: <CaseList /> },
            { key: "review", label: "法制审核", children: <ReviewQueue /> },
            { key: "overdue", label: "逾期看板", children: <OverdueBoard /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
