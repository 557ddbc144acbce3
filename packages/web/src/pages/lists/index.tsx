// 清单管理: my organisation's lists (status, deadlines), the claimed and claimable superior lists,
// the 法制审核 queue and the 备案 board, by role.
import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Input, Modal, Select, Space, Statistic, Table, Tabs, Tag, Typography, Row, Col } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { listTypeLabels, listTypes, type ListType } from "@kuanyan/domain/lists";
import PageContainer from "../../components/PageContainer";
import { useAuth } from "../../auth/AuthContext";
import {
  createList,
  filingBoard,
  listAction,
  myLists,
  reviewQueue,
  type FilingBoard,
  type MyLists,
  type QueueItem,
  type VersionSummary,
} from "../../services/lists";
import ImportModal from "./ImportModal";
import { statusColor } from "./labels";

function filingTag(v: VersionSummary) {
  if (!v.publishedOn) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = { filed_on_time: "green", filed_late: "gold", pending: "orange", overdue: "red", not_published: "default" }[v.filingStatus];
  return (
    <Space direction="vertical" size={0}>
      <Tag color={color}>{v.filingStatusLabel}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {v.filedOn ? `${v.filedOn} 已备案` : `期限 ${v.filingDeadline}`}
      </Typography.Text>
    </Space>
  );
}

function OwnLists({ data, reload }: { data: MyLists; reload: () => void }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm<{ type: ListType; title?: string; notes?: string }>();
  const canCreate = data.allowedActions.includes("create");
  const canImport = data.allowedActions.includes("import");
  return (
    <>
      {canCreate || canImport ? (
        <Space style={{ marginBottom: 12 }} wrap>
          {canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => (form.resetFields(), setCreating(true))}>
              新建清单
            </Button>
          ) : null}
          {canImport ? (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入清单
            </Button>
          ) : null}
        </Space>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 800 }}
        dataSource={data.own}
        locale={{ emptyText: "本单位尚未编制清单" }}
        columns={[
          { title: "清单名称", width: 240, render: (_, r) => <Link to={`/lists/${r.id}`}>{r.title}</Link> },
          { title: "类型", dataIndex: "typeLabel", width: 200, responsive: ["md"] },
          {
            title: "最新版本",
            width: 160,
            render: (_, r) => {
              const v = r.versions.at(-1)!;
              return (
                <Space size={4}>
                  <span>第{v.versionNo}版</span>
                  <Tag color={statusColor(v.status)}>{v.statusLabel}</Tag>
                </Space>
              );
            },
          },
          {
            title: "施行",
            width: 130,
            render: (_, r) => {
              const current = [...r.versions].reverse().find((v) => v.status === "published" || v.status === "filed");
              return current ? `${current.effectiveFrom} 起` : "—";
            },
          },
          { title: "备案", width: 140, render: (_, r) => filingTag([...r.versions].reverse().find((v) => v.publishedOn) ?? r.versions.at(-1)!) },
          {
            title: "质量检查",
            width: 120,
            responsive: ["lg"],
            render: (_, r) => {
              const v = r.versions.at(-1)!;
              return v.errors ? (
                <Tag color="red">{v.errors}个错误</Tag>
              ) : v.warnings ? (
                <Tag color="orange">{v.warnings}个提示</Tag>
              ) : (
                <Tag color="green">通过</Tag>
              );
            },
          },
        ]}
      />
      <Modal
        open={creating}
        title="新建清单"
        okText="创建"
        cancelText="取消"
        onCancel={() => setCreating(false)}
        onOk={() =>
          void form.validateFields().then(async (values) => {
            const r = await createList(values);
            setCreating(false);
            navigate(`/lists/${r.listId}`);
          })
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="type" label="清单类型" rules={[{ required: true, message: "请选择清单类型" }]}>
            <Select options={listTypes.map((t) => ({ value: t, label: listTypeLabels[t] }))} placeholder="请选择" />
          </Form.Item>
          <Form.Item name="title" label="标题" extra="不填时为“本单位名称 + 清单类型”">
            <Input />
          </Form.Item>
          <Form.Item name="notes" label="说明">
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
      <ImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(listId) => {
          setImporting(false);
          reload();
          navigate(`/lists/${listId}`);
        }}
      />
    </>
  );
}

function Claimed({ data, reload }: { data: MyLists; reload: () => void }) {
  const { message } = App.useApp();
  // A newer version of a claimed list is among the claimable ones, with its own allowedActions.
  const canClaimNewer = (listId: string, versionNo: number | null) =>
    data.claimable.some((x) => x.listId === listId && x.version.versionNo === versionNo && x.allowedActions.includes("claim"));
  return (
    <>
      <Typography.Title level={5}>已认领的上级清单</Typography.Title>
      <Table
        size="small"
        rowKey="claimId"
        pagination={false}
        scroll={{ x: 700 }}
        dataSource={data.claimed}
        locale={{ emptyText: "尚未认领上级部门的清单" }}
        columns={[
          { title: "清单", width: 240, render: (_, r) => <Link to={`/lists/${r.listId}?version=${r.version.versionNo}`}>{r.version.title}</Link> },
          { title: "发布单位", dataIndex: "organisationName", width: 180, responsive: ["md"] },
          {
            title: "认领版本",
            width: 160,
            render: (_, r) => (
              <Space size={4}>
                第{r.version.versionNo}版<Tag color={statusColor(r.version.status)}>{r.version.statusLabel}</Tag>
              </Space>
            ),
          },
          { title: "认领日期", dataIndex: "claimedOn", width: 110, responsive: ["sm"] },
          {
            title: "",
            width: 200,
            render: (_, r) =>
              r.newerVersionNo ? (
                <Space>
                  <Tag color="orange">上级已发布第{r.newerVersionNo}版</Tag>
                  {canClaimNewer(r.listId, r.newerVersionNo) ? (
                    <Button
                      size="small"
                      onClick={() => void listAction(r.listId, r.newerVersionNo!, "claim").then(() => (message.success("已认领新版本"), reload()))}
                    >
                      认领新版本
                    </Button>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        可认领的上级清单
      </Typography.Title>
      <Table
        size="small"
        rowKey={(r) => r.version.id}
        pagination={false}
        dataSource={data.claimable}
        locale={{ emptyText: "没有可认领的上级清单" }}
        columns={[
          { title: "清单", width: 240, render: (_, r) => <Link to={`/lists/${r.listId}?version=${r.version.versionNo}`}>{r.version.title}</Link> },
          { title: "发布单位", dataIndex: "organisationName", width: 180, responsive: ["md"] },
          { title: "版本", width: 100, render: (_, r) => `第${r.version.versionNo}版` },
          {
            title: "",
            width: 100,
            render: (_, r) =>
              r.allowedActions.includes("claim") ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => void listAction(r.listId, r.version.versionNo, "claim").then(() => (message.success("已认领"), reload()))}
                >
                  认领
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

function ReviewQueue() {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  useEffect(() => {
    void reviewQueue().then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, []);
  return (
    <Table
      size="small"
      rowKey="id"
      loading={items === null}
      pagination={false}
      dataSource={items ?? []}
      locale={{ emptyText: "没有待审核的清单" }}
      columns={[
        { title: "清单", render: (_, r) => <Link to={`/lists/${r.listId}?version=${r.versionNo}`}>{r.title}</Link> },
        { title: "单位", dataIndex: "organisationName", width: 180 },
        { title: "版本", width: 80, render: (_, r) => `第${r.versionNo}版` },
        {
          title: "质量检查",
          width: 140,
          render: (_, r) =>
            r.errors ? (
              <Tag color="red">{r.errors}个错误</Tag>
            ) : r.warnings ? (
              <Tag color="orange">{r.warnings}个提示</Tag>
            ) : (
              <Tag color="green">通过</Tag>
            ),
        },
      ]}
    />
  );
}

export function FilingBoardView() {
  const [board, setBoard] = useState<FilingBoard | null>(null);
  useEffect(() => {
    void filingBoard().then(setBoard, () => setBoard(null));
  }, []);
  if (!board) return null;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {[
          ["已发布版本", board.summary.total, undefined],
          ["按期备案", board.summary.filedOnTime, "#389e0d"],
          ["逾期备案", board.summary.filedLate, "#d48806"],
          ["待备案", board.summary.pending, "#fa8c16"],
          ["逾期未备案", board.summary.overdue, "#cf1322"],
        ].map(([label, n, color]) => (
          <Col xs={12} sm={8} md={4} key={label as string}>
            <Card size="small">
              <Statistic title={label as string} value={n as number} valueStyle={color ? { color: color as string } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        dataSource={board.items}
        columns={[
          { title: "单位", dataIndex: "organisationName", width: 180 },
          {
            title: "清单",
            render: (_, r) => (
              <Link to={`/lists/${r.listId}?version=${r.versionNo}`}>
                {r.title}（第{r.versionNo}版）
              </Link>
            ),
          },
          { title: "发布日期", dataIndex: "publishedOn", width: 110 },
          { title: "备案期限", dataIndex: "filingDeadline", width: 110 },
          { title: "备案情况", width: 150, render: (_, r) => filingTag(r) },
          { title: "备案机关", dataIndex: "filedWithName", width: 140, render: (v: string | null) => v ?? "—" },
        ]}
      />
    </>
  );
}

export default function ListsPage() {
  const { user } = useAuth();
  const [data, setData] = useState<MyLists | null>(null);
  const [params, setParams] = useSearchParams();
  const roles = user?.roles ?? [];
  const reload = useCallback(() => void myLists().then(setData, () => setData({ allowedActions: [], own: [], claimed: [], claimable: [] })), []);
  useEffect(reload, [reload]);
  const tabs = [
    { key: "own", label: "本单位清单", children: data ? <OwnLists data={data} reload={reload} /> : null },
    {
      key: "claimed",
      label: `认领的清单${data ? `（${data.claimed.length}）` : ""}`,
      children: data ? <Claimed data={data} reload={reload} /> : null,
    },
    ...(data?.allowedActions.includes("review") ? [{ key: "review", label: "法制审核", children: <ReviewQueue /> }] : []),
    { key: "filings", label: "备案情况", children: <FilingBoardView /> },
  ];
  const active = tabs.some((t) => t.key === params.get("tab"))
    ? params.get("tab")!
    : roles.includes("justiceSupervisor")
      ? "filings"
      : roles.includes("legalReviewer")
        ? "review"
        : "own";
  return (
    <PageContainer
      title="清单管理"
      description={
        <>
          编制、审核、发布、备案本单位的柔性执法事项清单，认领上级部门的清单。
          <Link to="/public/lists" target="_blank">
            公开查询页
          </Link>
        </>
      }
    >
      <Card>
        <Tabs activeKey={active} onChange={(k) => setParams({ tab: k })} items={tabs} />
      </Card>
    </PageContainer>
  );
}
