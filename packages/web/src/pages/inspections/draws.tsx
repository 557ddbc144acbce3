// 抽查计划与抽取: the annual plans and their draws; announce a draw (the pool frozen, its hash and the
// commitment published, a future public value named), enter the public value and draw, see the
// result and the inspections, and open the public page.
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { industryLabels, inspectionStatusLabels, riskLevelLabels } from "@kuanyan/domain/inspections";
import { announceDraw, createPlan, getDraw, listPlans, performDraw, type Draw, type PlanList } from "../../services/inspections";

type Summary = PlanList["adhocDraws"][number];
const mono = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", wordBreak: "break-all" as const };

export default function DrawsPage() {
  const { message } = App.useApp();
  const [data, setData] = useState<PlanList | null>(null);
  const [draw, setDraw] = useState<Draw | null>(null);
  const [announcing, setAnnouncing] = useState<{ planId?: string; redrawOf?: Summary } | null>(null);
  const [planning, setPlanning] = useState(false);
  const [publicValue, setPublicValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [planForm] = Form.useForm();
  const load = useCallback(() => void listPlans().then(setData, () => undefined), []);
  useEffect(load, [load]);
  const canDraw = data?.allowedActions.includes("inspection.draw") ?? false;
  const open = (id: string) =>
    void getDraw(id).then(
      (d) => (setDraw(d), setPublicValue("")),
      () => undefined,
    );

  const drawTable = (rows: Summary[]) => (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 760 }}
      dataSource={rows}
      // Body-coloured empty text: antd's grey placeholder is below 4.5:1 (WCAG 1.4.3).
      locale={{ emptyText: <Typography.Text>尚无抽取</Typography.Text> }}
      columns={[
        {
          title: "抽取编号",
          dataIndex: "drawNo",
          render: (v: string, r) => (
            // a button, not an <a> without href: reachable with the keyboard
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(r.id)}>
              {v}
            </Button>
          ),
        },
        { title: "名称", dataIndex: "title" },
        { title: "种类", dataIndex: "kind", width: 110, render: (v: string) => (v === "annual" ? "年度计划" : "季度/专项") },
        {
          title: "状态",
          width: 150,
          render: (_v, r) => (
            <Space size={4} wrap>
              {r.status === "drawn" ? <Tag color="green">已抽取 {r.drawnOn}</Tag> : <Tag color="gold">已公告，{r.publicValueDate}后可抽取</Tag>}
              {r.replacedBy ? <Tag color="red">已被重新抽取替代</Tag> : null}
              {r.redrawOf ? <Tag>重新抽取</Tag> : null}
            </Space>
          ),
        },
        { title: "对象数", dataIndex: "objectCount", width: 80 },
      ]}
    />
  );

  return (
    <Space direction="vertical" style={{ width: "100%" }} size={16}>
      <Alert
        type="info"
        showIcon
        message="抽取规则"
        description={
          <span>
            公告时冻结检查对象名录库（季度抽取还包括执法证有效的执法人员和回避记录），公布底库的SHA-256、服务器密钥的承诺值和将采用的公开随机数；公开随机数产生后录入并抽取，结果不能重做或修改，如需重新抽取须另行公告并写明理由。所有抽取在
            <a href="/public/draws" target="_blank" rel="noreferrer" style={{ textDecoration: "underline" }}>
              公开页面
            </a>
            公布，任何人都可以用 scripts/verify-draw.mjs 重算。
          </span>
        }
      />
      {(data?.items ?? []).map((p) => (
        <Card
          key={p.id}
          title={p.title}
          extra={
            canDraw ? (
              <Space wrap>
                {!p.draws.some((d) => d.kind === "annual") ? <Button onClick={() => setAnnouncing({ planId: p.id })}>年度抽取公告</Button> : null}
                <Button type="primary" onClick={() => setAnnouncing({ planId: p.id })}>
                  新的抽取公告
                </Button>
              </Space>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary">
            默认抽取比例 {p.rules.defaultPercent}%
            {p.rules.ratios.length
              ? `；${p.rules.ratios.map((r) => `${[r.industry ? industryLabels[r.industry] : "", r.riskLevel ? riskLevelLabels[r.riskLevel] : ""].filter(Boolean).join("、")} ${r.percent}%`).join("；")}`
              : ""}
            。检查：待抽取执法人员 {p.inspections.planned}，已分配 {p.inspections.drawn}，已完成 {p.inspections.done}，共 {p.inspections.total}。
          </Typography.Paragraph>
          {drawTable(p.draws)}
        </Card>
      ))}
      <Card title="专项抽取" extra={canDraw ? <Button onClick={() => setAnnouncing({})}>专项抽取公告</Button> : null}>
        {drawTable(data?.adhocDraws ?? [])}
      </Card>
      {canDraw ? (
        <Button onClick={() => setPlanning(true)} style={{ alignSelf: "flex-start" }}>
          新建年度抽查计划
        </Button>
      ) : null}

      <Drawer
        open={!!draw}
        width={Math.min(900, window.innerWidth)}
        title={draw ? `${draw.title}（${draw.drawNo}）` : ""}
        onClose={() => setDraw(null)}
      >
        {draw ? (
          <DrawDetail
            draw={draw}
            publicValue={publicValue}
            setPublicValue={setPublicValue}
            busy={busy}
            onDraw={async () => {
              setBusy(true);
              try {
                setDraw(await performDraw(draw.id, publicValue));
                message.success("抽取完成");
                load();
              } catch {
                // Refused (e.g. before the public value exists): the request layer has shown the server's reason.
              } finally {
                setBusy(false);
              }
            }}
            onRedraw={() => setAnnouncing({ planId: draw.planId ?? undefined, redrawOf: draw })}
          />
        ) : null}
      </Drawer>

      <Modal
        open={!!announcing}
        title={announcing?.redrawOf ? `重新抽取（替代 ${announcing.redrawOf.drawNo}）` : "抽取公告"}
        okText="冻结底库并公告"
        confirmLoading={busy}
        onCancel={() => setAnnouncing(null)}
        afterOpenChange={(o) => {
          if (o)
            form.setFieldsValue({
              kind: announcing?.redrawOf?.kind ?? (announcing?.planId ? "periodic" : "periodic"),
              objectCount: 2,
              inspectorsPerObject: 2,
              publicValueDate: dayjs().add(3, "day"),
            });
        }}
        onOk={() =>
          void form.validateFields().then(async (v) => {
            setBusy(true);
            try {
              const d = await announceDraw({
                planId: announcing?.planId,
                kind: v.kind,
                drawNo: v.drawNo,
                title: v.title,
                publicSource: v.publicSource,
                publicValueDate: (v.publicValueDate as dayjs.Dayjs).format("YYYY-MM-DD"),
                objectCount: v.kind === "periodic" ? v.objectCount : undefined,
                inspectorsPerObject: v.kind === "periodic" ? v.inspectorsPerObject : undefined,
                redrawOf: announcing?.redrawOf?.id,
                redrawReason: v.redrawReason,
              });
              message.success("已公告");
              setAnnouncing(null);
              form.resetFields();
              load();
              setDraw(d);
            } catch {
              // Refused: the request layer has shown the server's reason; the dialog stays open to correct it.
            } finally {
              setBusy(false);
            }
          })
        }
      >
        <Form form={form} layout="vertical">
          {announcing?.planId ? (
            <Form.Item name="kind" label="种类">
              <Radio.Group
                options={[
                  { value: "annual", label: "年度计划抽取" },
                  { value: "periodic", label: "季度抽取（从计划中尚未抽取的对象）" },
                ]}
              />
            </Form.Item>
          ) : (
            <Form.Item name="kind" hidden>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="drawNo" label="抽取编号" rules={[{ required: true, message: "请填写抽取编号" }]}>
            <Input placeholder="如 MXYJ-2026-JD4" />
          </Form.Item>
          <Form.Item name="title" label="抽取名称" rules={[{ required: true, message: "请填写抽取名称" }]}>
            <Input />
          </Form.Item>
          <Form.Item name="publicSource" label="公开随机数来源" rules={[{ required: true, message: "请说明公开随机数来源" }]}>
            <Input placeholder="如 某日中国福利彩票双色球开奖号码" />
          </Form.Item>
          <Form.Item name="publicValueDate" label="公开随机数产生日期（须晚于今天）" rules={[{ required: true, message: "请选择日期" }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue("kind") === "periodic" ? (
                <Space wrap>
                  <Form.Item name="objectCount" label="抽取对象数">
                    <InputNumber min={1} />
                  </Form.Item>
                  <Form.Item name="inspectorsPerObject" label="每个对象的执法人员数">
                    <InputNumber min={2} />
                  </Form.Item>
                </Space>
              ) : null
            }
          </Form.Item>
          {announcing?.redrawOf ? (
            <Form.Item name="redrawReason" label="重新抽取的理由" rules={[{ required: true, message: "重新抽取必须写明理由" }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>

      <Modal
        open={planning}
        title="新建年度抽查计划"
        okText="保存"
        onCancel={() => setPlanning(false)}
        onOk={() =>
          void planForm.validateFields().then(async (v: { year: number; title: string; defaultPercent: number }) => {
            await createPlan({
              year: v.year,
              title: v.title,
              rules: { defaultPercent: v.defaultPercent, ratios: [{ riskLevel: "major", percent: 100 }] },
            });
            message.success("已新建");
            setPlanning(false);
            load();
          })
        }
      >
        <Form form={planForm} layout="vertical" initialValues={{ year: dayjs().year() + 1, defaultPercent: 20 }}>
          <Form.Item name="year" label="年度">
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="title" label="计划名称" rules={[{ required: true, message: "请填写计划名称" }]}>
            <Input />
          </Form.Item>
          <Form.Item name="defaultPercent" label="默认抽取比例（%；重大风险单位全部抽取，重点单位全部列入）">
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The drawer's body: a draw's announcement, its drawing (public value entered) and its result. */
function DrawDetail({
  draw,
  publicValue,
  setPublicValue,
  busy,
  onDraw,
  onRedraw,
}: {
  draw: Draw;
  publicValue: string;
  setPublicValue: (v: string) => void;
  busy: boolean;
  onDraw: () => Promise<void>;
  onRedraw: () => void;
}) {
  const { modal } = App.useApp();
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="状态">{draw.status === "drawn" ? `已于${draw.drawnOn}抽取` : `已于${draw.announcedOn}公告`}</Descriptions.Item>
        <Descriptions.Item label="底库SHA-256">
          <span style={mono}>{draw.poolSha256}</span>
        </Descriptions.Item>
        <Descriptions.Item label="承诺值">
          <span style={mono}>{draw.commitment}</span>
        </Descriptions.Item>
        <Descriptions.Item label="公开随机数">
          {draw.publicSource}（{draw.publicValueDate}）{draw.publicValue ? `：${draw.publicValue}` : ""}
        </Descriptions.Item>
        {draw.seed ? (
          <Descriptions.Item label="种子">
            <span style={mono}>{draw.seed}</span>
          </Descriptions.Item>
        ) : null}
        {draw.redrawOf ? <Descriptions.Item label="重新抽取理由">{draw.redrawReason}</Descriptions.Item> : null}
        <Descriptions.Item label="公开页面">
          <a href={draw.publicUrl} target="_blank" rel="noreferrer">
            {window.location.origin}
            {draw.publicUrl}
          </a>
        </Descriptions.Item>
      </Descriptions>
      {draw.status === "announced" && draw.allowedActions.includes("inspection.draw") && !draw.replacedBy ? (
        <Card size="small" title="录入公开随机数并抽取">
          <Space.Compact style={{ width: "100%" }}>
            <Input value={publicValue} onChange={(e) => setPublicValue(e.target.value)} placeholder={`按公布的原样录入：${draw.publicSource}`} />
            <Button
              type="primary"
              loading={busy}
              disabled={!publicValue.trim()}
              onClick={() =>
                // App's modal (not the static Modal.confirm): Chinese buttons like the rest of the console.
                modal.confirm({
                  title: "确认抽取",
                  okText: "确定抽取",
                  cancelText: "取消",
                  content: `公开随机数“${publicValue.trim()}”。抽取只能进行一次，结果不能修改。`,
                  onOk: onDraw,
                })
              }
            >
              抽取
            </Button>
          </Space.Compact>
        </Card>
      ) : null}
      {draw.allowedActions.includes("inspection.draw") && !draw.replacedBy ? (
        <Button danger onClick={onRedraw}>
          重新抽取…
        </Button>
      ) : null}
      {draw.selection ? (
        <Table
          size="small"
          rowKey="creditCode"
          pagination={false}
          scroll={{ x: 600 }}
          dataSource={draw.selection.objects}
          columns={[
            { title: "单位", dataIndex: "unitName" },
            { title: "统一社会信用代码", dataIndex: "creditCode" },
            draw.kind === "annual"
              ? { title: "列入方式", dataIndex: "reason", render: (v: string | null) => (v === "key" ? "重点单位" : "抽中") }
              : { title: "执法证号", dataIndex: "inspectors", render: (v: string[]) => v.join("、") },
          ]}
        />
      ) : null}
      {draw.inspections.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 600 }}
          title={() => "检查任务"}
          dataSource={draw.inspections}
          columns={[
            { title: "单位", dataIndex: "unitName" },
            { title: "状态", dataIndex: "status", render: (v: keyof typeof inspectionStatusLabels) => inspectionStatusLabels[v] },
            { title: "执法人员", dataIndex: "inspectors", render: (v: string[]) => v.join("、") || "—" },
            { title: "应完成", dataIndex: "dueBy", render: (v: string | null) => v ?? "—" },
          ]}
        />
      ) : null}
    </Space>
  );
}
