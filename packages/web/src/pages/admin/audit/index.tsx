import { DownloadOutlined, ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from "antd";
import { useCallback, useEffect, useState } from "react";
import { auditEntityTypeLabels } from "@kuanyan/domain/audit";
import { useAuth } from "../../../auth/AuthContext";
import PageContainer from "../../../components/PageContainer";
import { CHECKPOINTS_DOWNLOAD_URL, createCheckpoint, listAudit, listCheckpoints, verifyAudit, type AuditQuery } from "../../../services/audit";
import type { AuditEvent, AuditVerification, Checkpoint } from "../../../services/types";
import { formatDateTimeSeconds } from "../../../utils/time";

const ENTITY_TYPE_LABELS: Record<string, string> = { ...auditEntityTypeLabels };

/** The exported checkpoints and where they go; none when they cannot be read. */
async function fetchCheckpoints(): Promise<{ items: Checkpoint[]; info?: { file: string; every: number } }> {
  try {
    const r = await listCheckpoints();
    return { items: r.items, info: { file: r.file, every: r.every } };
  } catch {
    return { items: [] };
  }
}

/** 审计链校验 (system administrators): the first broken link, and the exported checkpoints. */
function ChainCard() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkpoints, setCheckpoints] = useState<Checkpoint[]>([]);
  const [info, setInfo] = useState<{ file: string; every: number } | null>(null);

  const showCheckpoints = useCallback((r: Awaited<ReturnType<typeof fetchCheckpoints>>) => {
    setCheckpoints(r.items);
    if (r.info) setInfo(r.info);
  }, []);
  const loadCheckpoints = async () => showCheckpoints(await fetchCheckpoints());

  useEffect(() => {
    void fetchCheckpoints().then(showCheckpoints);
  }, [showCheckpoints]);

  const verify = async () => {
    setChecking(true);
    try {
      setResult(await verifyAudit());
    } catch {
      setResult(null);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Card
      size="small"
      title="审计链校验"
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => void verify()}>
            校验审计链
          </Button>
          <Button
            onClick={async () => {
              await createCheckpoint();
              await loadCheckpoints();
            }}
          >
            立即导出检查点
          </Button>
          <Button icon={<DownloadOutlined />} href={CHECKPOINTS_DOWNLOAD_URL}>
            下载检查点文件
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        每条审计记录都带有前一条记录的哈希值（SHA-256）；每 {info?.every ?? "N"} 条记录导出一个检查点到数据库之外的文件
        {info ? `（${info.file}）` : ""}。请定期下载或打印检查点另行保存：校验时对照检查点，可发现记录被修改、删除或整表清空。
      </Typography.Paragraph>
      {result && (
        <Alert
          style={{ marginBottom: 12 }}
          type={result.ok ? "success" : "error"}
          showIcon
          message={result.ok ? result.message : `审计链断裂：第 ${result.broken?.seq ?? "—"} 条`}
          description={
            result.ok
              ? `已对照 ${result.checkpoints} 个检查点。`
              : `${result.broken?.at ? `时间：${formatDateTimeSeconds(result.broken.at)}。` : ""}${result.broken?.problem ?? ""}（此前 ${result.count} 条完整）`
          }
        />
      )}
      <Table<Checkpoint>
        rowKey={(c) => `${c.seq}-${c.hash}-${c.exportedAt ?? ""}`}
        size="small"
        dataSource={checkpoints}
        pagination={{ pageSize: 5, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个检查点` }}
        locale={{ emptyText: "尚未导出检查点" }}
        columns={[
          { title: "序号", dataIndex: "seq", width: 90 },
          { title: "记录时间", dataIndex: "at", width: 170, render: (at: string) => formatDateTimeSeconds(at) },
          { title: "导出时间", dataIndex: "exportedAt", width: 170, render: (at?: string) => formatDateTimeSeconds(at) },
          {
            title: "哈希值（SHA-256）",
            dataIndex: "hash",
            render: (h: string) => (
              <Typography.Text code copyable>
                {h}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

const DEFAULT_LIMIT = 100;

export default function AuditPage() {
  const { access } = useAuth();
  const [form] = Form.useForm<AuditQuery>();
  const [query, setQuery] = useState<AuditQuery>({ limit: DEFAULT_LIMIT });
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [loading, setLoading] = useState(true);

  // Fetched for each new query and again when `load()` bumps `reloads`.
  const [reloads, setReloads] = useState(0);
  const load = () => {
    setLoading(true);
    setReloads((n) => n + 1);
  };
  const [loadedQuery, setLoadedQuery] = useState(query);
  if (loadedQuery !== query) {
    setLoadedQuery(query);
    setLoading(true);
  }
  useEffect(() => {
    let live = true;
    listAudit(query)
      .then(
        (items) => live && setEvents(items),
        () => live && setEvents([]),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, reloads]);

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: "时间",
      dataIndex: "at",
      width: 170,
      render: (at: string) => formatDateTimeSeconds(at),
    },
    { title: "操作人", dataIndex: "actorName", width: 110, render: (v?: string | null) => v || "系统" },
    { title: "所属单位", dataIndex: "organisationName", width: 200, responsive: ["md"], render: (v?: string | null) => v || "—" },
    { title: "操作", dataIndex: "action", width: 140, render: (_a: string, e) => <Tag>{e.actionLabel}</Tag> },
    {
      title: "对象类型",
      dataIndex: "entityType",
      width: 110,
      responsive: ["sm"],
      render: (_t: string, e) => e.entityTypeLabel,
    },
    {
      title: "对象",
      dataIndex: "entityId",
      width: 280,
      // Shown on every screen (the table scrolls sideways on a phone): the record by its name is the point of the log.
      ellipsis: true,
      render: (id: string, e) => (e.entityName ? <Tooltip title={id}>{e.entityName}</Tooltip> : id === "*" ? "全部可见单位" : id),
    },
    { title: "链序号", dataIndex: "seq", width: 90, responsive: ["xl"] },
  ];

  return (
    <PageContainer
      title="审计日志"
      description="每一次写入操作和每一次查阅个人信息都留有记录（操作人、单位、时间、对象），记录只增不改，并以哈希链防篡改。"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
      }
    >
      {access.canVerifyAudit && <ChainCard />}
      <Card size="small">
        <Form<AuditQuery>
          name="auditQuery"
          form={form}
          layout="inline"
          initialValues={{ limit: DEFAULT_LIMIT }}
          onFinish={(values) => setQuery({ ...values, entityId: values.entityId?.trim() || undefined })}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item label="对象类型" name="entityType">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 140 }}
              options={Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label="对象编号" name="entityId">
            <Input allowClear placeholder="选填" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="条数" name="limit">
            <InputNumber min={1} max={1000} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
          </Form.Item>
        </Form>
        <Table<AuditEvent>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={events}
          scroll={{ x: "max-content" }}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 条`, hideOnSinglePage: true }}
        />
      </Card>
    </PageContainer>
  );
}
