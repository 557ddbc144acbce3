// 双随机抽查结果公示 on the public draw page: the summary (检查完成 x/y，发现问题 z 户) and each object's
// 检查事项, 检查日期, 检查结果 and 隐患整改, as the server publishes them (no personal data). A table on
// wide screens, one card per object on a phone; the same results as CSV.
import { Button, Card, Grid, List, Space, Statistic, Table, Tag, Typography } from "antd";
import { formatChineseDate } from "@kuanyan/domain/dates";
import type { PublicDraw, PublicResult } from "../../services/inspections";
import { publicResultsCsvUrl } from "../../services/inspections";

const mono = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", wordBreak: "break-all" as const };

const categoryColor: Record<PublicResult["category"], string | undefined> = {
  no_problem: "green",
  hazards_ordered: "orange",
  case_opened: "red",
  overdue: "volcano",
  pending: undefined,
  cancelled: undefined,
};

const resultTag = (r: PublicResult) => (
  <Tag color={categoryColor[r.category]} style={{ whiteSpace: "normal", marginInlineEnd: 0 }}>
    {r.label}
  </Tag>
);
const rectification = (r: PublicResult) => (r.hazards > 0 ? `已整改 ${r.rectified}/${r.hazards}` : "—");
const checkedOn = (r: PublicResult) => (r.checkedOn ? formatChineseDate(r.checkedOn) : "—");

/** 检查完成 x/y，发现问题 z 户 (and the overdue and cancelled, when there are any). */
export function ResultsSummary({ d }: { d: PublicDraw }) {
  const s = d.resultsSummary;
  const hazards = d.results.reduce((n, r) => n + r.hazards, 0);
  const rectified = d.results.reduce((n, r) => n + r.rectified, 0);
  const extra = [s.overdue ? `逾期未检查 ${s.overdue} 户` : "", s.cancelled ? `已取消 ${s.cancelled} 户` : ""].filter(Boolean).join("，");
  return (
    <Card size="small" title="检查结果摘要" style={{ marginBottom: 12 }} data-testid="results-summary">
      <Typography.Paragraph strong style={{ marginBottom: 8 }} data-testid="results-summary-text">
        检查完成 {s.done}/{s.total}，发现问题 {s.withProblems} 户{extra ? `，${extra}` : ""}
      </Typography.Paragraph>
      <Space wrap size={[32, 8]}>
        <Statistic title="检查完成" value={s.done} suffix={`/ ${s.total}`} />
        <Statistic title="发现问题（户）" value={s.withProblems} />
        <Statistic title="隐患已整改" value={rectified} suffix={`/ ${hazards}`} />
      </Space>
    </Card>
  );
}

export function ResultsSection({ d }: { d: PublicDraw }) {
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const download = (
    <Button size="small" href={publicResultsCsvUrl(d.id)} data-testid="results-download">
      下载检查结果（CSV）
    </Button>
  );
  return (
    <Card size="small" title={`检查结果公示（${d.results.length} 个检查对象）`} extra={wide ? download : null} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary">
        检查记录提交后公布检查结果；记录经更正的，公布更正后的记录。“已整改”为整改经复查合格的隐患数。
      </Typography.Paragraph>
      {wide ? null : <div style={{ marginBottom: 8 }}>{download}</div>}
      {wide ? (
        <Table
          size="small"
          rowKey="creditCode"
          pagination={false}
          scroll={{ x: true }}
          dataSource={d.results}
          onRow={() => ({ "data-testid": "result-row" }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: "检查对象", dataIndex: "unitName" },
            { title: "统一社会信用代码", dataIndex: "creditCode", render: (v: string) => <span style={mono}>{v}</span> },
            { title: "检查事项", dataIndex: "matter", render: (v: string | null) => v ?? "—" },
            { title: "检查日期", render: (_v, r) => checkedOn(r), width: 130 },
            { title: "检查结果", render: (_v, r) => resultTag(r) },
            { title: "隐患整改", render: (_v, r) => rectification(r), width: 110 },
          ]}
        />
      ) : (
        <List
          dataSource={d.results}
          renderItem={(r) => (
            <List.Item key={r.creditCode} data-testid="result-row" style={{ display: "block" }}>
              <Typography.Text strong>{r.unitName}</Typography.Text>
              <div style={{ ...mono, fontSize: 13, color: "rgba(0,0,0,0.65)" }}>{r.creditCode}</div>
              <div style={{ margin: "4px 0" }}>{resultTag(r)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {[r.matter, r.checkedOn ? `检查日期 ${checkedOn(r)}` : null, r.hazards > 0 ? rectification(r) : null].filter(Boolean).join(" · ")}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
