// 数据驾驶舱: outcomes and methods per month with year-on-year change, by department and region, the
// economic burden relieved, the rectification rate, overdue deadlines and follow-ups, the most frequent
// matters. Every chart element and figure opens its records.
import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { decisionColumns, softMethods, columnLabel, type StatisticsColumn } from "@kuanyan/domain/measures";
import FieldFiguresCard from "../../../components/FieldFiguresCard";
import PageContainer from "../../../components/PageContainer";
import type { ChartOption } from "../../../components/Chart";
import { getDashboard, type Dashboard, type RecordsFilter } from "../../../services/statistics";
import ClickableChart from "../ClickableChart";
import RecordsDrawer from "../RecordsDrawer";
import { yearInChina } from "../../../utils/time";

const yoyText = (v: number | null) => (v === null ? "去年同期无数据" : `同比 ${v > 0 ? "+" : ""}${v}%`);
const yoyColor = (v: number | null) => (v === null ? undefined : v >= 0 ? "#cf1322" : "#3f8600");

function Kpi({
  title,
  value,
  suffix,
  note,
  onClick,
  precision,
}: {
  title: string;
  value: number | string;
  suffix?: string;
  note?: React.ReactNode;
  onClick?: () => void;
  precision?: number;
}) {
  return (
    <Card
      size="small"
      hoverable={!!onClick}
      onClick={onClick}
      role={onClick ? "button" : undefined}
      aria-label={onClick ? `${title}，查看记录` : undefined}
    >
      <Statistic title={title} value={value} suffix={suffix} precision={precision} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {note}
      </Typography.Text>
    </Card>
  );
}

export default function DashboardPage() {
  const thisYear = yearInChina();
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<Dashboard | null>(null);
  const [loading, setLoading] = useState(true);
  const [drawer, setDrawer] = useState<{ filter: RecordsFilter; title: string } | undefined>();

  // Fetched for each year and again when `load()` bumps `reloads`; loading from the change (adjusted while rendering).
  const [reloads, setReloads] = useState(0);
  const load = () => {
    setLoading(true);
    setReloads((r) => r + 1);
  };
  const [loadedYear, setLoadedYear] = useState(year);
  if (loadedYear !== year) {
    setLoadedYear(year);
    setLoading(true);
  }
  useEffect(() => {
    let live = true;
    getDashboard({ year })
      .then(
        (d) => live && setData(d),
        () => live && setData(null),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [year, reloads]);

  const open = (filter: RecordsFilter, title: string) => setDrawer({ filter, title });
  const monthLabels = useMemo(() => data?.months.map((m) => `${Number(m.month.slice(5))}月`) ?? [], [data]);

  const stacked = (columns: readonly StatisticsColumn[], previous: "previousOutcomes" | "previousMethods"): ChartOption =>
    data
      ? {
          tooltip: { trigger: "axis" },
          legend: { type: "scroll", top: 0 },
          grid: { left: 40, right: 16, top: 56, bottom: 28 },
          xAxis: { type: "category", data: monthLabels },
          yAxis: { type: "value", minInterval: 1 },
          series: [
            ...columns.map((c) => ({
              name: columnLabel(c),
              type: "bar",
              stack: "now",
              data: data.months.map((m) => m.values[c]),
              emphasis: { focus: "series" },
            })),
            {
              name: `${data.year - 1}年同期`,
              type: "line",
              data: data.months.map((m) => m[previous]),
              symbol: "circle",
              lineStyle: { type: "dashed" },
            },
          ],
        }
      : {};

  const byOrg: ChartOption = data
    ? {
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", inverse: true, data: data.byOrganisation.map((o) => o.name), axisLabel: { width: 150, overflow: "truncate" } },
        series: [
          { name: "处理决定（件）", type: "bar", stack: "t", data: data.byOrganisation.map((o) => o.outcomes) },
          { name: "柔性措施", type: "bar", stack: "t", data: data.byOrganisation.map((o) => o.methods) },
        ],
      }
    : {};

  const byRegion: ChartOption = data
    ? {
        tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
        legend: { bottom: 0, type: "scroll" },
        series: [
          {
            type: "pie",
            radius: ["35%", "65%"],
            center: ["50%", "45%"],
            data: data.byRegion.map((r) => ({ name: r.name, value: r.outcomes + r.methods })),
            label: { formatter: "{b}\n{c}" },
          },
        ],
      }
    : {};

  const matters: ChartOption = data
    ? {
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: {
          type: "category",
          inverse: true,
          data: data.topMatters.map((m) => m.matterCode),
        },
        series: [{ name: "案件（件）", type: "bar", data: data.topMatters.map((m) => m.count), label: { show: true, position: "right" } }],
      }
    : {};

  const rate = data?.rectification.rate;
  return (
    <PageContainer
      title="数据驾驶舱"
      description={data ? `${data.scope.label} · ${data.year}年（截至 ${data.today}）。点击图表中的任一元素可查看其记录。` : "柔性执法数据一览"}
      extra={
        <Space>
          <Select
            aria-label="统计年度"
            style={{ width: 110 }}
            value={year}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))}
            onChange={setYear}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </Space>
      }
    >
      {!data ? (
        <Card loading={loading}>{loading ? null : <Empty description="暂无数据" />}</Card>
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="柔性处理决定（件）"
                value={data.totals.outcomes}
                note={<span style={{ color: yoyColor(data.totals.yoyOutcomes) }}>{yoyText(data.totals.yoyOutcomes)}</span>}
                onClick={() => open({ ...data.totals.filters.no_penalty, column: "decisions" }, "柔性处理决定")}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="柔性执法措施"
                value={data.totals.methods}
                note={<span style={{ color: yoyColor(data.totals.yoyMethods) }}>{yoyText(data.totals.yoyMethods)}</span>}
                onClick={() => open({ ...data.totals.filters.persuasion, column: "measures" }, "柔性执法措施")}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="减轻当事人经济负担"
                value={(data.burden.totalYuan / 10000).toFixed(2)}
                suffix="万元"
                note={`${data.burden.cases} 件（基准罚款 − 实际罚款）`}
                onClick={() => open(data.burden.filter, "减轻当事人经济负担")}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="整改率"
                value={rate === null || rate === undefined ? "—" : (rate * 100).toFixed(1)}
                suffix={rate === null || rate === undefined ? undefined : "%"}
                note={`按期整改 ${data.rectification.verifiedOnTime} / 到期 ${data.rectification.due}`}
                onClick={() => open(data.rectification.dueFilter, "到期的责令限期改正")}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="逾期未复查"
                value={data.overdue.reinspection}
                note="整改期限届满未复查"
                onClick={() => open(data.overdue.reinspectionFilter, "逾期未复查")}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                title="逾期未回访"
                value={data.overdue.followUp}
                note="回访期限届满未回访"
                onClick={() => open(data.overdue.followUpFilter, "逾期未回访")}
              />
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card size="small" title="处理决定（按月，与去年同期对比）">
                <ClickableChart
                  ariaLabel="处理决定按月统计图"
                  option={stacked(decisionColumns, "previousOutcomes")}
                  onClick={(e) => {
                    const col = decisionColumns[e.seriesIndex ?? 0];
                    const m = data.months[e.dataIndex];
                    if (col && m && e.seriesIndex! < decisionColumns.length) open(m.filters[col], `${columnLabel(col)} · ${m.month}`);
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="柔性执法措施（按月，与去年同期对比）">
                <ClickableChart
                  ariaLabel="柔性执法措施按月统计图"
                  option={stacked(softMethods, "previousMethods")}
                  onClick={(e) => {
                    const col = softMethods[e.seriesIndex ?? 0];
                    const m = data.months[e.dataIndex];
                    if (col && m && e.seriesIndex! < softMethods.length) open(m.filters[col], `${columnLabel(col)} · ${m.month}`);
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="按部门">
                <ClickableChart
                  ariaLabel="按部门统计图"
                  height={Math.max(240, data.byOrganisation.length * 36 + 60)}
                  option={byOrg}
                  onClick={(e) => {
                    const o = data.byOrganisation[e.dataIndex];
                    if (o) open(o.filter, `柔性处理决定 · ${o.name}`);
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="按地区">
                <ClickableChart
                  ariaLabel="按地区统计图"
                  option={byRegion}
                  onClick={(e) => {
                    const r = data.byRegion[e.dataIndex];
                    if (r) open(r.filter, `柔性处理决定 · ${r.name}`);
                  }}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title="高频违法事项（前 10）">
                <ClickableChart
                  ariaLabel="高频违法事项统计图"
                  height={Math.max(240, data.topMatters.length * 32 + 40)}
                  option={matters}
                  onClick={(e) => {
                    const m = data.topMatters[e.dataIndex];
                    if (m) open(m.filter, `${m.matterCode} ${m.matterName}`);
                  }}
                />
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                  {data.topMatters
                    .slice(0, 5)
                    .map((m) => `${m.matterCode}：${m.matterName}`)
                    .join("；")}
                </Typography.Paragraph>
              </Card>
            </Col>
          </Row>
        </>
      )}
      <div style={{ marginTop: 12 }}>
        <FieldFiguresCard year={year} />
      </div>
      <RecordsDrawer filter={drawer?.filter} title={drawer?.title} onClose={() => setDrawer(undefined)} />
    </PageContainer>
  );
}
