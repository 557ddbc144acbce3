// The reporting calendar in the console: submit a period's report (a frozen snapshot), correct it (a new
// revision with a reason; all kept), and the board of who has submitted and who is late.
import { App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { statisticsColumnInfo } from "@kuanyan/domain/measures";
import { useAuth, useMe } from "../../auth/AuthContext";
import OrganisationSelect from "../../components/OrganisationSelect";
import { ApiError } from "../../services/request";
import {
  correctReport,
  getBoard,
  listReports,
  submitReport,
  type FormQuery,
  type ReportKind,
  type ReportSummary,
  type SubmissionBoard,
  type SubmissionStatus,
} from "../../services/statistics";
import type { Organisation } from "../../services/types";
import { formatDateTimeSeconds, monthInChina, yearInChina } from "../../utils/time";

const kindOptions: { value: ReportKind; label: string }[] = [
  { value: "annual", label: "年报（12月30日前）" },
  { value: "half_year", label: "半年报（7月5日前）" },
  { value: "monthly", label: "月报（次月5日前）" },
];

const statusTags: Record<SubmissionStatus, { color: string; text: string }> = {
  submitted: { color: "success", text: "按时报送" },
  submitted_late: { color: "warning", text: "逾期报送" },
  due: { color: "processing", text: "待报送" },
  overdue: { color: "error", text: "逾期未报" },
};

const time = (iso?: string) => formatDateTimeSeconds(iso);

export default function ReportsPanel({ organisations, scope }: { organisations: Organisation[]; scope: FormQuery }) {
  const me = useMe();
  // Only who may file the official report (报送、更正: the permission table, from the server) sees the buttons.
  const canFile = useAuth().access.canFileStatisticsReport;
  const { message } = App.useApp();
  const thisYear = yearInChina();
  const [kind, setKind] = useState<ReportKind>("annual");
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState(monthInChina());
  const [organisationId, setOrganisationId] = useState<string | undefined>(me.organisation.id);
  const [history, setHistory] = useState<ReportSummary[]>([]);
  const [board, setBoard] = useState<SubmissionBoard | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason] = Form.useForm<{ reason: string }>();
  const n = kind === "monthly" ? month : undefined;

  // Fetched for each period and scope, and again when `load()` bumps `reloads`.
  const [reloads, setReloads] = useState(0);
  const load = () => setReloads((r) => r + 1);
  useEffect(() => {
    let live = true;
    listReports({ kind, year, n, organisationId }).then(
      (h) => live && setHistory(h),
      () => live && setHistory([]),
    );
    getBoard({ kind, year, n, scope: scope.scope, organisationId: scope.organisationId, region: scope.region }).then(
      (b) => live && setBoard(b),
      () => live && setBoard(null),
    );
    return () => {
      live = false;
    };
  }, [kind, year, n, organisationId, scope.scope, scope.organisationId, scope.region, reloads]);

  const submit = async () => {
    setBusy(true);
    try {
      const r = await submitReport({ kind, year, n, organisationId });
      message.success(`已报送（第${r.revision}版）`);
      void load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : "报送失败");
    } finally {
      setBusy(false);
    }
  };

  const correct = async () => {
    const { reason: text } = await reason.validateFields();
    setBusy(true);
    try {
      const r = await correctReport({ kind, year, n, organisationId, reason: text });
      message.success(`已更正（第${r.revision}版）`);
      setCorrecting(false);
      reason.resetFields();
      void load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : "更正失败");
    } finally {
      setBusy(false);
    }
  };

  const submitted = history.length > 0;
  const valueColumns = statisticsColumnInfo.map((c) => ({
    title: (
      <span style={{ whiteSpace: "nowrap" }}>
        {c.label}
        <br />（{c.unit}）
      </span>
    ),
    key: c.column,
    width: 90,
    align: "right" as const,
    render: (_: unknown, r: ReportSummary) => r.values[c.column],
  }));

  return (
    <Space direction="vertical" style={{ width: "100%" }} size={12}>
      <Card size="small" title="报送本单位报表">
        <Space wrap>
          <Select aria-label="报表类型" style={{ width: 200 }} value={kind} options={kindOptions} onChange={setKind} />
          <Select
            aria-label="报送年度"
            style={{ width: 100 }}
            value={year}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))}
            onChange={setYear}
          />
          {kind === "monthly" ? (
            <Select
              aria-label="报送月份"
              style={{ width: 90 }}
              value={month}
              options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))}
              onChange={setMonth}
            />
          ) : null}
          <div style={{ width: 260 }}>
            <OrganisationSelect organisations={organisations} value={organisationId} onChange={setOrganisationId} allowClear={false} />
          </div>
          {!canFile ? null : submitted ? (
            <Button onClick={() => setCorrecting(true)} loading={busy}>
              更正报表
            </Button>
          ) : (
            <Button type="primary" onClick={() => void submit()} loading={busy}>
              报送报表
            </Button>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0" }}>
          {canFile ? null : "报表由本单位的单位管理员报送、更正。"}
          报送时冻结本单位当期数字及其记录清单；此后案件记录的变化不影响已报送的报表，如需修改请更正（生成新版本，原版本保留）。
        </Typography.Paragraph>
        <Table<ReportSummary>
          rowKey="id"
          size="small"
          dataSource={history}
          pagination={false}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: "尚未报送" }}
          columns={[
            { title: "版本", dataIndex: "revision", width: 64, render: (v: number) => `第${v}版` },
            { title: "报送时间", dataIndex: "submittedAt", width: 170, render: time },
            { title: "报送人", dataIndex: "submittedBy", width: 140 },
            { title: "更正原因", dataIndex: "reason", width: 180, render: (v: string | null) => v ?? "—" },
            ...valueColumns,
          ]}
        />
      </Card>

      {board ? (
        <Card size="small" title={`报送情况 · ${board.scope.label}（截止日期 ${board.dueDate}）`}>
          <Descriptions size="small" column={{ xs: 2, md: 4 }} style={{ marginBottom: 8 }}>
            <Descriptions.Item label="应报单位">{board.counts.organisations}</Descriptions.Item>
            <Descriptions.Item label="已报送">{board.counts.submitted}</Descriptions.Item>
            <Descriptions.Item label="逾期">{board.counts.late}</Descriptions.Item>
            <Descriptions.Item label="逾期未报">{board.counts.overdue}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="organisationId"
            size="small"
            dataSource={board.rows}
            pagination={false}
            scroll={{ x: "max-content" }}
            columns={[
              { title: "单位", dataIndex: "name", width: 220 },
              {
                title: "状态",
                dataIndex: "status",
                width: 110,
                render: (s: SubmissionStatus) => <Tag color={statusTags[s].color}>{statusTags[s].text}</Tag>,
              },
              { title: "首次报送", dataIndex: "firstSubmittedAt", width: 170, render: time },
              { title: "最新版本", dataIndex: "latestRevision", width: 90, render: (v?: number) => (v ? `第${v}版` : "—") },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            已报送报表汇总
          </Typography.Title>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={[{ key: "sum", ...board.aggregated }]}
            columns={statisticsColumnInfo.map((c) => ({
              title: (
                <span style={{ whiteSpace: "nowrap" }}>
                  {c.label}
                  <br />（{c.unit}）
                </span>
              ),
              dataIndex: c.column,
              width: 90,
              align: "right" as const,
            }))}
          />
        </Card>
      ) : null}

      <Modal
        title="更正报表"
        open={correcting}
        onCancel={() => setCorrecting(false)}
        onOk={() => void correct()}
        okText="提交更正"
        cancelText="取消"
        confirmLoading={busy}
      >
        <Form form={reason} layout="vertical">
          <Form.Item name="reason" label="更正原因" rules={[{ required: true, min: 2, message: "请填写更正原因" }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
