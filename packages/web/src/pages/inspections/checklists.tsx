// 抽查事项与检查表: the organisation's checklists (copied from a starter, items of a draft edited,
// published, revised) and its 抽查事项清单 (tied to catalogue matters and a checklist, published).
import { App, Button, Card, Collapse, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { checklistVersionStatusLabels, industryLabels, itemsByArea } from "@kuanyan/domain/inspections";
import { formatCitation, formatCitations, parseCitations } from "@kuanyan/domain/laws";
import {
  copyChecklist,
  createMatter,
  getChecklist,
  listChecklists,
  listMatters,
  publishChecklist,
  publishMatter,
  reviseChecklist,
  saveChecklistDraft,
  type Checklist,
  type ChecklistList,
  type MatterList,
} from "../../services/inspections";

type ChecklistItem = Checklist["versions"][number]["items"][number];

export default function ChecklistsPage() {
  const { message } = App.useApp();
  const [data, setData] = useState<ChecklistList | null>(null);
  const [matters, setMatters] = useState<MatterList | null>(null);
  const [open, setOpen] = useState<Checklist | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<{ version: number; item: ChecklistItem } | null>(null);
  const [form] = Form.useForm();
  const [itemForm] = Form.useForm<{ text: string; basis: string }>();
  const load = useCallback(() => {
    void listChecklists().then(setData, () => undefined);
    void listMatters().then(setMatters, () => undefined);
  }, []);
  useEffect(load, [load]);
  const canManage = data?.allowedActions.includes("inspection.checklist.manage") ?? false;
  const show = (id: string) => void getChecklist(id).then(setOpen, () => undefined);

  return (
    <Space direction="vertical" style={{ width: "100%" }} size={16}>
      <Card title="检查表">
        <Table
          rowKey="id"
          size="small"
          loading={!data}
          pagination={false}
          scroll={{ x: 700 }}
          dataSource={data?.items ?? []}
          locale={{ emptyText: "本单位还没有检查表，可复制下方随系统提供的起步检查表后调整" }}
          columns={[
            {
              title: "检查表",
              dataIndex: "title",
              render: (v: string, r) => (
                // a button, not an <a> without href: reachable with the keyboard
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => show(r.id)}>
                  {v}
                </Button>
              ),
            },
            { title: "行业", dataIndex: "industry", width: 100, render: (v: keyof typeof industryLabels) => industryLabels[v] },
            {
              title: "版本",
              render: (_v, r) => (
                <Space wrap size={4}>
                  {r.versions.map((v) => (
                    <Tag key={v.version} color={v.status === "published" ? "green" : v.status === "draft" ? "blue" : undefined}>
                      第{v.version}版 {checklistVersionStatusLabels[v.status]}（{v.items}项）
                    </Tag>
                  ))}
                </Space>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: "操作",
                    width: 160,
                    render: (_v: unknown, r: ChecklistList["items"][number]) => {
                      const draft = r.versions.find((v) => v.status === "draft");
                      return draft ? (
                        <Button
                          size="small"
                          type="primary"
                          onClick={() =>
                            void publishChecklist(r.id, draft.version, r.lockVersion).then(
                              () => (message.success("已发布"), load()),
                              () => undefined,
                            )
                          }
                        >
                          发布第{draft.version}版
                        </Button>
                      ) : (
                        <Button
                          size="small"
                          onClick={() => {
                            const note = window.prompt("修订说明");
                            if (note)
                              void reviseChecklist(r.id, note, r.lockVersion).then(
                                () => (message.success("已新建修订草稿"), load()),
                                () => undefined,
                              );
                          }}
                        >
                          修订
                        </Button>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          随系统提供的起步检查表
        </Typography.Title>
        <Space wrap>
          {(data?.starters ?? []).map((s) => (
            <Card key={s.id} size="small" style={{ width: 260 }} title={s.title}>
              <Typography.Paragraph type="secondary">
                {industryLabels[s.industry]} · {s.items}项
              </Typography.Paragraph>
              <Space>
                <Button size="small" onClick={() => show(s.id)}>
                  查看
                </Button>
                {canManage ? (
                  <Button
                    size="small"
                    onClick={() =>
                      void copyChecklist(s.id).then(
                        () => (message.success("已复制为本单位的草稿"), load()),
                        () => undefined,
                      )
                    }
                  >
                    复制
                  </Button>
                ) : null}
              </Space>
            </Card>
          ))}
        </Space>
      </Card>
      <Card title="抽查事项清单" extra={canManage ? <Button onClick={() => setAdding(true)}>新增抽查事项</Button> : null}>
        <Table
          rowKey="id"
          size="small"
          loading={!matters}
          pagination={false}
          scroll={{ x: 700 }}
          dataSource={matters?.items ?? []}
          columns={[
            { title: "抽查事项", dataIndex: "name" },
            { title: "执法事项编码", dataIndex: "matterCodes", render: (v: string[]) => v.join("、") },
            { title: "检查表", dataIndex: "checklistTitle", render: (v: string | null) => v ?? "—" },
            { title: "检查方式", dataIndex: "inspectionMethod" },
            {
              title: "状态",
              render: (_v, r) =>
                r.published ? (
                  <Tag color="green">已发布 {r.publishedOn}</Tag>
                ) : canManage ? (
                  <Button
                    size="small"
                    onClick={() =>
                      void publishMatter(r.id, r.version).then(
                        () => (message.success("已发布"), load()),
                        () => undefined,
                      )
                    }
                  >
                    发布
                  </Button>
                ) : (
                  <Tag>未发布</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Modal open={!!open} width={900} title={open?.title} footer={null} onCancel={() => setOpen(null)}>
        {open ? (
          <Collapse
            items={open.versions.map((v) => ({
              key: v.version,
              label: `第${v.version}版 · ${checklistVersionStatusLabels[v.status]}${v.publishedOn ? ` · ${v.publishedOn}发布` : ""}${v.changeNote ? ` · ${v.changeNote}` : ""}`,
              children: itemsByArea(v.items).map((g) => (
                <div key={g.area} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{g.area}</Typography.Text>
                  <ol style={{ paddingLeft: 20, margin: "4px 0" }}>
                    {g.items.map((i) => (
                      <li key={i.id}>
                        {i.text}
                        {canManage && v.status === "draft" ? (
                          <Button
                            type="link"
                            size="small"
                            aria-label={`编辑检查项${i.id}`}
                            onClick={() => {
                              setEditing({ version: v.version, item: i });
                              itemForm.setFieldsValue({ text: i.text, basis: formatCitations(i.basis) });
                            }}
                          >
                            编辑
                          </Button>
                        ) : null}
                        <Typography.Text type="secondary">
                          （依据：{i.basis.map((c) => formatCitation(c)).join("、")}；事项：{i.matterCode}；出处：{i.source}）
                        </Typography.Text>
                      </li>
                    ))}
                  </ol>
                </div>
              )),
            }))}
          />
        ) : null}
      </Modal>
      <Modal
        open={!!editing}
        title={`编辑检查项${editing?.item.id ?? ""}（第${editing?.version ?? ""}版草稿）`}
        okText="保存"
        onCancel={() => setEditing(null)}
        onOk={() =>
          void itemForm.validateFields().then((v) => {
            if (!open || !editing) return;
            // An empty basis is kept in the draft; publishing refuses an item without one (the domain's rule).
            const parsed = v.basis.trim() ? parseCitations(v.basis) : { citations: [], errors: [] };
            if (parsed.errors.length) return itemForm.setFields([{ name: "basis", errors: parsed.errors }]);
            const items = open.versions
              .find((x) => x.version === editing.version)!
              .items.map((i) => (i.id === editing.item.id ? { ...i, text: v.text.trim(), basis: parsed.citations } : i));
            void saveChecklistDraft(open.id, editing.version, items, open.lockVersion).then(
              (next) => (setOpen(next), setEditing(null), message.success("已保存检查项"), load()),
              () => undefined,
            );
          })
        }
      >
        <Form form={itemForm} layout="vertical">
          <Form.Item name="text" label="检查内容" rules={[{ required: true, whitespace: true, message: "请填写检查内容" }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="basis" label="检查依据（如《中华人民共和国安全生产法》第二十一条，多条用顿号分隔）">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adding}
        title="新增抽查事项"
        okText="保存"
        onCancel={() => setAdding(false)}
        onOk={() =>
          void form.validateFields().then(async (v: { name: string; matterCodes: string; checklistId?: string; inspectionMethod?: string }) => {
            await createMatter({
              name: v.name,
              matterCodes: v.matterCodes.split(/[,，、\s]+/).filter(Boolean),
              checklistId: v.checklistId,
              inspectionMethod: v.inspectionMethod,
            });
            message.success("已新增");
            setAdding(false);
            form.resetFields();
            load();
          })
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="抽查事项名称" rules={[{ required: true, message: "请填写名称" }]}>
            <Input />
          </Form.Item>
          <Form.Item name="matterCodes" label="对应的执法事项编码（多个用顿号分隔）" rules={[{ required: true, message: "请填写执法事项编码" }]}>
            <Input />
          </Form.Item>
          <Form.Item name="checklistId" label="检查表">
            <Select allowClear options={(data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} />
          </Form.Item>
          <Form.Item name="inspectionMethod" label="检查方式">
            <Input placeholder="现场检查、查阅资料" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
