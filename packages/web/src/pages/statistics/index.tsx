// 统计报表: the 柔性执法统计报表 computed for a period and scope, laid out like the seed form; every number
// opens the records behind it. Export (.xlsx / PDF), submit or correct the report, and for superiors and
// the 司法局 the submissions board (who has submitted, who is late).
import { DownloadOutlined, FilePdfOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Flex, Select, Space, Table, Tabs, Typography, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo, useState } from "react";
import type { StatisticsColumn } from "@kuanyan/domain/measures";
import { useMe } from "../../auth/AuthContext";
import OrganisationSelect from "../../components/OrganisationSelect";
import PageContainer from "../../components/PageContainer";
import { listOrganisations } from "../../services/organisations";
import {
  exportUrl,
  getForm,
  type BreakdownRow,
  type ComputedForm,
  type FormQuery,
  type PeriodKind,
  type RecordsFilter,
  type ScopeKind,
} from "../../services/statistics";
import type { Organisation } from "../../services/types";
import RecordsDrawer from "./RecordsDrawer";
import ReportsPanel from "./ReportsPanel";
import { formatDateChinese, monthInChina, yearInChina } from "../../utils/time";

/** 填表说明 (seed 001 annex 5). */
const notes = [
  "1. 所有事项的统计数量都应当具有实施该类柔性执法行为的文字记录；",
  "2. 每年本报表应当与年度行政执法统计报表一并报本级人民政府、上级主管部门和本级司法行政部门。",
];

const periodOptions: { value: PeriodKind; label: string }[] = [
  { value: "year", label: "年度" },
  { value: "half_year", label: "半年" },
  { value: "month", label: "月度" },
  { value: "custom", label: "自定义" },
];

/** The computed form laid out like the seed form; every number opens its records. */
function StatisticsFormCard({
  form,
  loading,
  onOpen,
}: {
  form: ComputedForm | null;
  loading: boolean;
  onOpen: (column: StatisticsColumn, label: string) => void;
}) {
  return (
    <Card size="small" loading={loading && !form}>
      {form ? (
        <div className="ky-statistics-form" style={{ overflowX: "auto" }}>
          <Typography.Title level={4} style={{ textAlign: "center", margin: "8px 0 16px" }}>
            {form.title}
          </Typography.Title>
          <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8, minWidth: 900 }}>
            <span>填报单位：{form.reportingOrganisation}</span>
            <span>填报时间：{formatDateChinese(form.reportedAt)}</span>
            <span>联系电话：{form.phone || "—"}</span>
          </Flex>
          <table aria-label={form.title} style={{ borderCollapse: "collapse", width: "100%", minWidth: 900, tableLayout: "fixed" }}>
            <thead>
              <tr>
                {form.columns.map((c) => (
                  <th
                    key={c.column}
                    scope="col"
                    style={{ border: "1px solid #333", padding: "6px 2px", fontWeight: 500, fontSize: 13, lineHeight: 1.4 }}
                  >
                    {c.label}
                    <br />（{c.unit}）
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {form.columns.map((c) => (
                  <td key={c.column} style={{ border: "1px solid #333", textAlign: "center", padding: "10px 2px", fontSize: 16 }}>
                    <Button
                      type="link"
                      style={{ padding: 0, fontSize: 16 }}
                      aria-label={`${c.label}：${c.value}${c.unit}，查看记录`}
                      onClick={() => onOpen(c.column, c.label)}
                    >
                      {c.value}
                    </Button>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          <div style={{ marginTop: 12, fontSize: 13, minWidth: 900 }}>
            <div>填表说明：</div>
            {notes.map((n) => (
              <div key={n}>{n}</div>
            ))}
          </div>
        </div>
      ) : null}
    </Card>
  );
}

export default function StatisticsPage() {
  const me = useMe();
  const thisYear = yearInChina();
  const isSupervisor = me.roles.includes("justiceSupervisor") || me.roles.includes("sysAdmin");
  const [query, setQuery] = useState<FormQuery>({ period: "year", year: thisYear });
  const [form, setForm] = useState<ComputedForm | null>(null);
  const [loading, setLoading] = useState(true);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [drawer, setDrawer] = useState<{ filter: RecordsFilter; title: string } | undefined>();

  // Fetched for each query and again when `load()` bumps `reloads`; loading from the change (adjusted while rendering).
  const [reloads, setReloads] = useState(0);
  const load = () => {
    setLoading(true);
    setReloads((r) => r + 1);
  };
  const [loadedQuery, setLoadedQuery] = useState(query);
  if (loadedQuery !== query) {
    setLoadedQuery(query);
    setLoading(true);
  }
  useEffect(() => {
    let live = true;
    getForm(query)
      .then(
        (f) => live && setForm(f),
        () => live && setForm(null),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, reloads]);
  useEffect(() => {
    listOrganisations().then(setOrganisations, () => undefined);
  }, []);

  // The query as the server resolved it (scope defaults filled in), for links and exports.
  const resolved: FormQuery = useMemo(
    () =>
      form
        ? {
            ...query,
            scope: form.scope.kind,
            organisationId: form.scope.organisationId,
            region: form.scope.region,
          }
        : query,
    [form, query],
  );

  const open = (column: StatisticsColumn, label: string, extra: Partial<FormQuery> = {}, who = form?.scope.label) =>
    setDrawer({ filter: { ...resolved, ...extra, column }, title: `${label} · ${who ?? ""}` });

  const years = Array.from({ length: 4 }, (_, i) => thisYear - i);
  const scopeKind: ScopeKind = form?.scope.kind ?? query.scope ?? (isSupervisor ? "region" : "subtree");

  const breakdownColumns: TableColumnsType<BreakdownRow> = [
    { title: "单位", dataIndex: "name", fixed: "left", width: 200 },
    ...(form?.columns ?? []).map((c) => ({
      title: (
        <span style={{ whiteSpace: "nowrap" }}>
          {c.label}
          <br />（{c.unit}）
        </span>
      ),
      key: c.column,
      width: 96,
      align: "right" as const,
      render: (_: unknown, row: BreakdownRow) =>
        row.own[c.column] > 0 ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => open(c.column, c.label, { scope: "organisation", organisationId: row.organisationId, region: undefined }, row.name)}
          >
            {row.own[c.column]}
          </Button>
        ) : (
          <span style={{ color: "#999" }}>0</span>
        ),
    })),
  ];

  const formCard = <StatisticsFormCard form={form} loading={loading} onOpen={(column, label) => open(column, label)} />;

  return (
    <PageContainer
      title="统计报表"
      description="柔性执法统计报表由案件记录自动计算；点击任一数字可查看其背后的记录和文字记录。"
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          <Button icon={<DownloadOutlined />} href={exportUrl("xlsx", resolved)} disabled={!form}>
            导出 Excel
          </Button>
          <Button icon={<FilePdfOutlined />} href={exportUrl("pdf", resolved)} disabled={!form}>
            导出 PDF
          </Button>
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            aria-label="统计期间"
            style={{ width: 110 }}
            value={query.period}
            options={periodOptions}
            onChange={(period) =>
              setQuery((q) => ({ ...q, period, n: period === "month" ? monthInChina() : period === "half_year" ? 1 : undefined }))
            }
          />
          {query.period !== "custom" ? (
            <Select
              aria-label="统计年度"
              style={{ width: 110 }}
              value={query.year}
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              onChange={(year) => setQuery((q) => ({ ...q, year }))}
            />
          ) : null}
          {query.period === "half_year" ? (
            <Select
              aria-label="半年度"
              style={{ width: 110 }}
              value={query.n ?? 1}
              options={[
                { value: 1, label: "上半年" },
                { value: 2, label: "下半年" },
              ]}
              onChange={(n) => setQuery((q) => ({ ...q, n }))}
            />
          ) : null}
          {query.period === "month" ? (
            <Select
              aria-label="月份"
              style={{ width: 100 }}
              value={query.n ?? 1}
              options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))}
              onChange={(n) => setQuery((q) => ({ ...q, n }))}
            />
          ) : null}
          {query.period === "custom" ? (
            <DatePicker.RangePicker
              aria-label="自定义期间"
              value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
              onChange={(v) =>
                v && v[0] && v[1] ? setQuery((q) => ({ ...q, from: v[0]!.format("YYYY-MM-DD"), to: v[1]!.format("YYYY-MM-DD") })) : undefined
              }
            />
          ) : null}
          <Select
            aria-label="统计范围"
            style={{ width: 160 }}
            value={scopeKind}
            options={[
              { value: "organisation", label: "本单位" },
              { value: "subtree", label: "本单位及下级" },
              { value: "region", label: "本地区全部单位" },
            ]}
            onChange={(scope: ScopeKind) =>
              setQuery((q) => ({
                ...q,
                scope,
                organisationId: scope === "region" ? undefined : (q.organisationId ?? me.organisation.id),
                region: undefined,
              }))
            }
          />
          {scopeKind !== "region" ? (
            <div style={{ width: 280 }}>
              <OrganisationSelect
                organisations={organisations}
                value={form?.scope.organisationId ?? query.organisationId}
                onChange={(organisationId) => setQuery((q) => ({ ...q, scope: scopeKind, organisationId }))}
                placeholder="选择单位"
                allowClear={false}
              />
            </div>
          ) : null}
        </Space>
      </Card>
      <Tabs
        items={[
          {
            key: "form",
            label: "报表",
            children: (
              <>
                {formCard}
                {form && form.breakdown.length > 1 ? (
                  <Card size="small" title="各单位明细（本单位数据，不含下级）" style={{ marginTop: 12 }}>
                    <Table<BreakdownRow>
                      rowKey="organisationId"
                      size="small"
                      columns={breakdownColumns}
                      dataSource={form.breakdown}
                      pagination={false}
                      scroll={{ x: "max-content" }}
                    />
                  </Card>
                ) : null}
              </>
            ),
          },
          {
            key: "reports",
            label: isSupervisor ? "报送与报送情况" : "报送",
            children: <ReportsPanel organisations={organisations} scope={resolved} />,
          },
        ]}
      />
      <RecordsDrawer filter={drawer?.filter} title={drawer?.title} onClose={() => setDrawer(undefined)} />
    </PageContainer>
  );
}
