import { ReloadOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, InputNumber, Select, Table, Tag, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import PageContainer from "../../../components/PageContainer";
import { auditActionLabel, ENTITY_TYPE_LABELS } from "../../../config/labels";
import { listAudit, type AuditQuery } from "../../../services/audit";
import type { AuditEvent } from "../../../services/types";

const DEFAULT_LIMIT = 100;

export default function AuditPage() {
  const [form] = Form.useForm<AuditQuery>();
  const [query, setQuery] = useState<AuditQuery>({ limit: DEFAULT_LIMIT });
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setEvents(await listAudit(query));
    } catch {
      setEvents([]);
    } finally {
      setLoading(false);
    }
  }, [query]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: "时间",
      dataIndex: "at",
      width: 170,
      render: (at: string) => dayjs(at).format("YYYY-MM-DD HH:mm:ss"),
    },
    { title: "操作人", dataIndex: "actorName", width: 110, render: (v?: string | null) => v || "系统" },
    { title: "所属单位", dataIndex: "organisationName", width: 200, responsive: ["md"], render: (v?: string | null) => v || "—" },
    { title: "操作", dataIndex: "action", width: 120, render: (a: string) => <Tag>{auditActionLabel(a)}</Tag> },
    {
      title: "对象类型",
      dataIndex: "entityType",
      width: 110,
      responsive: ["sm"],
      render: (t: string) => ENTITY_TYPE_LABELS[t] ?? t,
    },
    { title: "对象编号", dataIndex: "entityId", width: 280, ellipsis: true, responsive: ["lg"] },
  ];

  return (
    <PageContainer
      title="审计日志"
      description="每一次写入操作都留有记录（操作人、单位、时间、对象），记录只增不改。"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
      }
    >
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
