// A list version: the annex table (editable while a draft), quality results, and the lifecycle
// buttons each role may use (提交 / 审核通过 / 退回 / 发布 / 备案 / 评估 / 修订 / 废止 / 认领), import and export.
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined, DeleteOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { listColumnLabels, type QualityFinding } from "@kuanyan/domain/lists";
import { softMethodLabels } from "@kuanyan/domain/measures";
import PageContainer from "../../components/PageContainer";
import { useAuth } from "../../auth/AuthContext";
import { ApiError } from "../../services/request";
import {
  exportUrl,
  getLatest,
  getVersion,
  listAction,
  repealList,
  saveDraft,
  type EditableItem,
  type ItemView,
  type ListActionName,
  type VersionDetail,
} from "../../services/lists";
import ItemFormModal from "./ItemFormModal";
import ImportModal from "./ImportModal";
import { statusColor } from "./labels";

function toEditable(i: ItemView | EditableItem): EditableItem {
  return {
    seq: i.seq,
    matterName: i.matterName,
    matterCode: i.matterCode ?? "",
    circumstances: i.circumstances,
    basisText: i.basisText,
    measures: i.measures,
    otherMeasures: i.otherMeasures,
    remarks: i.remarks ?? "",
    conditions: i.conditions,
  };
}

function QualityPanel({ quality }: { quality: QualityFinding[] }) {
  if (quality.length === 0) return <Alert type="success" showIcon message="质量检查通过：未发现问题" />;
  const errors = quality.filter((q) => q.severity === "error");
  const warnings = quality.filter((q) => q.severity === "warning");
  return (
    <Alert
      type={errors.length ? "error" : "warning"}
      showIcon
      message={`质量检查：${errors.length}个错误（须修改后才能发布），${warnings.length}个提示（发布时须说明理由）`}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {quality.map((q, i) => (
            <li key={i}>
              <Tag color={q.severity === "error" ? "red" : "orange"}>{q.severity === "error" ? "错误" : "提示"}</Tag>
              {q.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

type Prompt = { action: ListActionName | "repeal"; title: string; field?: "comments" | "findings" | "reason" | "warningReason"; required?: boolean; withDate?: boolean };

export default function ListDetailPage() {
  const { id = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { user } = useAuth();
  const roles = user?.roles ?? [];
  const has = (...r: string[]) => r.some((x) => roles.includes(x as never));
  const [detail, setDetail] = useState<VersionDetail | null>(null);
  const [items, setItems] = useState<EditableItem[]>([]);
  const [meta, setMeta] = useState({ title: "", notes: "" });
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<{ index: number; item: EditableItem } | null>(null);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const versionNo = Number(search.get("version") ?? 0);

  const load = useCallback(async () => {
    const d = versionNo ? await getVersion(id, versionNo) : await getLatest(id);
    setDetail(d);
    setItems(d.version.items.map(toEditable));
    setMeta({ title: d.version.title, notes: d.version.notes });
    setDirty(false);
  }, [id, versionNo]);

  useEffect(() => {
    void load().catch(() => setDetail(null));
  }, [load]);

  const v = detail?.version;
  const own = detail ? detail.list.organisationId === user?.organisation.id : false;
  const isDraft = v?.status === "draft" && own && has("listManager");
  const labels = useMemo(() => (detail ? listColumnLabels(detail.list.type) : null), [detail]);

  if (!detail || !v || !labels) return <Spin style={{ display: "block", margin: "20vh auto" }} />;

  const save = async () => {
    setBusy(true);
    try {
      await saveDraft(detail.list.id, v.versionNo, { lockVersion: v.lockVersion, title: meta.title, notes: meta.notes, items });
      message.success("草稿已保存");
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        Modal.warning({ title: "保存失败", content: `${e.message}。请复制您的修改后刷新页面。` });
      } else if (e instanceof ApiError) {
        message.error(e.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const run = async (p: Prompt, values: Record<string, string | undefined>) => {
    setBusy(true);
    try {
      if (p.action === "repeal") await repealList(detail.list.id, values.reason ?? "");
      else {
        const r = await listAction(detail.list.id, v.versionNo, p.action, { ...values, lockVersion: p.action === "evaluations" || p.action === "revise" || p.action === "claim" ? undefined : v.lockVersion });
        if (p.action === "revise") {
          setSearch({ version: String(r.versionNo) });
          message.success(`已新建第${r.versionNo}版草稿`);
          setPrompt(null);
          return;
        }
      }
      message.success(`${p.title}：已完成`);
      setPrompt(null);
      await load();
    } catch {
      // the request client shows the error
    } finally {
      setBusy(false);
    }
  };

  const ask = (p: Prompt) => {
    form.resetFields();
    setPrompt(p);
  };

  const buttons: React.ReactNode[] = [];
  if (isDraft) {
    buttons.push(
      <Button key="save" type={dirty ? "primary" : "default"} loading={busy} onClick={() => void save()}>
        保存草稿
      </Button>,
      <Button key="submit" disabled={dirty} onClick={() => void run({ action: "submit", title: "提交合法性审核" }, {})}>
        提交合法性审核
      </Button>,
      <Button key="import" icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
        导入
      </Button>,
    );
  }
  if (v.status === "legal_review" && has("legalReviewer")) {
    buttons.push(
      <Button key="approve" type="primary" onClick={() => ask({ action: "approve", title: "合法性审核通过", field: "comments" })}>
        审核通过
      </Button>,
      <Button key="return" danger onClick={() => ask({ action: "return", title: "退回修改", field: "comments", required: true })}>
        退回修改
      </Button>,
    );
  }
  if (v.status === "approved" && own && has("listManager", "orgAdmin")) {
    buttons.push(
      <Button key="publish" type="primary" onClick={() => ask({ action: "publish", title: "发布", field: v.warnings > 0 ? "warningReason" : undefined, required: v.warnings > 0, withDate: true })}>
        发布
      </Button>,
    );
  }
  if (v.status === "published" && own && has("listManager", "orgAdmin")) {
    buttons.push(
      <Button key="file" type="primary" onClick={() => void run({ action: "file", title: "报司法局备案" }, {})}>
        报司法局备案
      </Button>,
    );
  }
  if ((v.status === "published" || v.status === "filed") && own) {
    if (has("listManager")) buttons.push(<Button key="revise" onClick={() => void run({ action: "revise", title: "修订" }, {})}>修订（新建版本）</Button>);
    if (has("listManager", "legalReviewer", "justiceSupervisor"))
      buttons.push(<Button key="eval" onClick={() => ask({ action: "evaluations", title: "记录评估结果", field: "findings", required: true })}>记录评估</Button>);
    if (has("orgAdmin")) buttons.push(<Button key="repeal" danger onClick={() => ask({ action: "repeal", title: "废止清单", field: "reason", required: true })}>废止</Button>);
  }
  if ((v.status === "published" || v.status === "filed") && !own && has("listManager", "orgAdmin")) {
    buttons.push(<Button key="claim" onClick={() => void run({ action: "claim", title: "认领" }, {})}>认领本版本</Button>);
  }
  buttons.push(
    <Button key="xlsx" icon={<DownloadOutlined />} href={exportUrl(detail.list.id, v.versionNo, "xlsx")}>
      导出 Excel
    </Button>,
    <Button key="docx" icon={<DownloadOutlined />} href={exportUrl(detail.list.id, v.versionNo, "docx")}>
      导出 Word
    </Button>,
  );

  const setItemsDirty = (next: EditableItem[]) => {
    setItems(next);
    setDirty(true);
  };

  const viewItems: (EditableItem & { view?: ItemView })[] = items.map((i) => ({ ...i, view: v.items.find((x) => x.seq === i.seq && x.matterName === i.matterName) }));

  return (
    <PageContainer
      title={meta.title}
      description={
        <Space wrap size={4}>
          <Tag>{detail.list.typeLabel}</Tag>
          <span>{detail.list.organisationName}</span>
          <span>· 第{v.versionNo}版</span>
          <Tag color={statusColor(v.status)}>{v.statusLabel}</Tag>
          {v.publishedOn ? <Tag color={v.filingStatus === "overdue" ? "red" : v.filingStatus === "filed_on_time" ? "green" : "orange"}>{v.filingStatusLabel}</Tag> : null}
        </Space>
      }
      extra={
        <Select
          style={{ width: 200 }}
          value={v.versionNo}
          onChange={(no) => setSearch({ version: String(no) })}
          options={detail.versions.map((x) => ({ value: x.versionNo, label: `第${x.versionNo}版（${x.statusLabel}）` }))}
          aria-label="版本"
        />
      }
    >
      <Flex vertical gap={12}>
        <Card size="small">
          <Flex gap={8} wrap>
            {buttons}
            <Button onClick={() => navigate("/lists")}>返回清单列表</Button>
          </Flex>
        </Card>
        <Card size="small" title="版本信息">
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="施行日期">{v.effectiveFrom ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="终止日期">{v.effectiveTo ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="发布日期">{v.publishedOn ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="备案期限">{v.filingDeadline ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="备案">{v.filedOn ? `${v.filedOn} 报${v.filedWithName ?? "司法局"}` : "—"}</Descriptions.Item>
            <Descriptions.Item label="联系人">{`${detail.list.contactPerson} ${detail.list.contactPhone}`}</Descriptions.Item>
            {v.warningReason ? <Descriptions.Item label="仍予发布的理由">{v.warningReason}</Descriptions.Item> : null}
            {v.repealReason ? <Descriptions.Item label="废止理由">{v.repealReason}</Descriptions.Item> : null}
          </Descriptions>
          {isDraft ? (
            <Form layout="vertical" style={{ marginTop: 8 }}>
              <Form.Item label="标题">
                <Input value={meta.title} onChange={(e) => (setMeta({ ...meta, title: e.target.value }), setDirty(true))} />
              </Form.Item>
              <Form.Item label="说明">
                <Input.TextArea autoSize={{ minRows: 2 }} value={meta.notes} onChange={(e) => (setMeta({ ...meta, notes: e.target.value }), setDirty(true))} />
              </Form.Item>
            </Form>
          ) : meta.notes ? (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>说明：{meta.notes}</Typography.Paragraph>
          ) : null}
        </Card>
        {dirty ? <Alert type="info" showIcon message="有未保存的修改；质量检查结果在保存后更新。" /> : null}
        <QualityPanel quality={v.quality} />
        <Card
          size="small"
          title={`事项（${items.length}项）`}
          extra={
            isDraft ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() =>
                  setEditing({
                    index: -1,
                    item: { seq: Math.max(0, ...items.map((i) => i.seq)) + 1, matterName: "", matterCode: "", circumstances: "", basisText: "", measures: [], otherMeasures: [], remarks: "", conditions: [] },
                  })
                }
              >
                添加事项
              </Button>
            ) : null
          }
        >
          {items.length === 0 ? (
            <Empty description={meta.notes || "暂无事项"} />
          ) : (
            <Table
              size="small"
              rowKey={(r) => `${r.seq}-${r.matterName}`}
              pagination={false}
              scroll={{ x: 1100 }}
              dataSource={viewItems}
              expandable={{
                expandedRowRender: (r) => (
                  <Flex vertical gap={4}>
                    <Typography.Text strong>适用条件</Typography.Text>
                    {r.conditions.length ? (
                      <ul style={{ margin: 0 }}>
                        {(r.view?.conditionTexts ?? []).map((t, k) => (
                          <li key={k}>{t}</li>
                        ))}
                      </ul>
                    ) : (
                      <Typography.Text type="secondary">未设置</Typography.Text>
                    )}
                    <Typography.Text strong>依据条文</Typography.Text>
                    {(r.view?.citations ?? []).map((c) => (
                      <Typography.Paragraph key={c.label} style={{ margin: 0 }}>
                        {c.ok ? (
                          <>
                            <Link to={`/laws/${encodeURIComponent(c.lawId!)}?article=${c.citation.article}`}>{c.label}</Link>：{c.text}
                          </>
                        ) : (
                          <Typography.Text type="danger">{c.error}</Typography.Text>
                        )}
                      </Typography.Paragraph>
                    ))}
                  </Flex>
                ),
              }}
              columns={[
                { title: labels.seq, dataIndex: "seq", width: 60 },
                { title: labels.matterName, dataIndex: "matterName", width: 220 },
                { title: labels.matterCode, dataIndex: "matterCode", width: 140 },
                { title: labels.circumstances, dataIndex: "circumstances", width: 280 },
                {
                  title: labels.basis,
                  width: 220,
                  render: (_, r) =>
                    r.view
                      ? r.view.citations.map((c) => (
                          <Tag key={c.label} color={c.ok ? "blue" : "red"} style={{ whiteSpace: "normal", marginBottom: 4 }}>
                            {c.label}
                          </Tag>
                        ))
                      : r.basisText,
                },
                {
                  title: labels.measures,
                  width: 160,
                  render: (_, r) => [...r.measures.map((m) => softMethodLabels[m]), ...r.otherMeasures].join("、"),
                },
                { title: "条件", width: 70, render: (_, r) => `${r.conditions.length}项` },
                { title: labels.remarks, dataIndex: "remarks", width: 100 },
                ...(isDraft
                  ? [
                      {
                        title: "操作",
                        width: 110,
                        fixed: "right" as const,
                        render: (_: unknown, r: EditableItem, index: number) => (
                          <Space>
                            <Button size="small" icon={<EditOutlined />} aria-label={`编辑第${r.seq}项`} onClick={() => setEditing({ index, item: toEditable(r) })} />
                            <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除第${r.seq}项`} onClick={() => setItemsDirty(items.filter((_, k) => k !== index))} />
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Card>
        {v.reviews.length || v.evaluations.length ? (
          <Card size="small" title="审核与评估记录">
            <Timeline
              items={[
                ...v.reviews.map((r) => ({
                  color: r.decision === "approved" ? "green" : "red",
                  children: `${r.on} ${r.decision === "approved" ? "合法性审核通过" : "退回修改"}${r.comments ? `：${r.comments}` : ""}`,
                })),
                ...v.evaluations.map((e) => ({ color: "blue", children: `${e.on} 定期评估：${e.findings}` })),
              ]}
            />
          </Card>
        ) : null}
        <Card size="small" title="版本历史">
          <List
            size="small"
            dataSource={detail.versions}
            renderItem={(x) => (
              <List.Item>
                <Space wrap>
                  <a onClick={() => setSearch({ version: String(x.versionNo) })}>第{x.versionNo}版</a>
                  <Tag color={statusColor(x.status)}>{x.statusLabel}</Tag>
                  <span>
                    {x.effectiveFrom ? `${x.effectiveFrom} 起施行` : ""}
                    {x.effectiveTo ? `，${x.effectiveTo} 止` : ""}
                  </span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Flex>

      {editing ? (
        <ItemFormModal
          open
          listType={detail.list.type}
          initial={editing.item}
          onCancel={() => setEditing(null)}
          onOk={(item) => {
            const next = editing.index < 0 ? [...items, item] : items.map((x, k) => (k === editing.index ? item : x));
            setItemsDirty(next.sort((a, b) => a.seq - b.seq));
            setEditing(null);
          }}
        />
      ) : null}

      <Modal
        open={prompt !== null}
        title={prompt?.title}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setPrompt(null)}
        onOk={() =>
          void form.validateFields().then((values: Record<string, unknown>) => {
            const out: Record<string, string | undefined> = {};
            for (const [k, val] of Object.entries(values)) out[k] = dayjs.isDayjs(val) ? val.format("YYYY-MM-DD") : (val as string | undefined);
            return run(prompt!, out);
          })
        }
      >
        <Form form={form} layout="vertical">
          {prompt?.withDate ? (
            <Form.Item name="effectiveFrom" label="施行日期（默认发布当日）">
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          ) : null}
          {prompt?.action === "publish" && v.warnings > 0 ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`质量检查有${v.warnings}个提示，须填写仍予发布的理由`} />
          ) : null}
          {prompt?.field ? (
            <Form.Item
              name={prompt.field}
              label={{ comments: "审核意见", findings: "评估结果", reason: "废止理由", warningReason: "仍予发布的理由" }[prompt.field]}
              rules={prompt.required ? [{ required: true, whitespace: true, message: "请填写" }] : []}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>

      {isDraft ? (
        <ImportModal
          open={importOpen}
          target={{ listId: detail.list.id, versionNo: v.versionNo, lockVersion: v.lockVersion, type: detail.list.type }}
          onClose={() => setImportOpen(false)}
          onImported={() => {
            setImportOpen(false);
            message.success("已导入");
            void load();
          }}
        />
      ) : null}
    </PageContainer>
  );
}
