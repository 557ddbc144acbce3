// 检查对象名录库: the pool (contact masked), register a unit, import an .xlsx with a preview of row
// errors, export. Controls follow the allowedActions the server returns.
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { industries, industryLabels, riskLevelLabels, riskLevels } from "@kuanyan/domain/inspections";
import {
  commitUnitImport,
  createUnit,
  listUnits,
  previewUnitImport,
  UNITS_EXPORT_URL,
  type UnitImportPreview,
  type UnitInput,
  type UnitList,
} from "../../services/inspections";
import { yearInChina } from "../../utils/time";

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).split(",")[1] ?? "");
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export default function UnitsPage() {
  const { message } = App.useApp();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [data, setData] = useState<UnitList | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<{ name: string; content: string; preview: UnitImportPreview } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<UnitInput>();
  // 本年未检查的重点单位 (and the organisation) come from the address: the figures card links here.
  const [params, setParams] = useSearchParams();
  const uncoveredIn = Number(params.get("uncoveredIn")) || undefined;
  const organisationId = params.get("organisationId") ?? undefined;
  const toggleUncovered = (on: boolean) => {
    const p = new URLSearchParams(params);
    if (on) p.set("uncoveredIn", String(yearInChina()));
    else p.delete("uncoveredIn");
    setPage(1);
    setParams(p);
  };
  const load = useCallback(
    () => void listUnits({ q: q || undefined, page, pageSize: 20, uncoveredIn, organisationId }).then(setData, () => undefined),
    [q, page, uncoveredIn, organisationId],
  );
  useEffect(load, [load]);
  const exportQuery = new URLSearchParams(
    Object.entries({ q: q || undefined, uncoveredIn: uncoveredIn ? String(uncoveredIn) : undefined, organisationId }).filter(
      (e): e is [string, string] => Boolean(e[1]),
    ),
  ).toString();
  const exportUrl = `${UNITS_EXPORT_URL}${exportQuery ? `?${exportQuery}` : ""}`;
  const canManage = data?.allowedActions.includes("inspection.pool.manage") ?? false;

  return (
    <Card title="检查对象名录库">
      <Space wrap style={{ marginBottom: 12 }}>
        <Button href={exportUrl}>导出</Button>
        {canManage ? (
          <>
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                setBusy(true);
                void toBase64(file)
                  .then(async (content) => setImporting({ name: file.name, content, preview: await previewUnitImport(file.name, content) }))
                  .catch(() => undefined)
                  .finally(() => setBusy(false));
                return false;
              }}
            >
              <Button loading={busy}>导入 .xlsx</Button>
            </Upload>
            <Button type="primary" onClick={() => setCreating(true)}>
              登记单位
            </Button>
          </>
        ) : null}
      </Space>
      <br />
      <Input.Search
        placeholder="单位名称或统一社会信用代码"
        allowClear
        onSearch={(v) => (setPage(1), setQ(v.trim()))}
        style={{ maxWidth: 360, marginBottom: 12, marginRight: 12 }}
      />
      <Checkbox checked={!!uncoveredIn} onChange={(e) => toggleUncovered(e.target.checked)} style={{ marginBottom: 12 }}>
        {uncoveredIn && uncoveredIn !== yearInChina() ? `${uncoveredIn}年` : "本年"}未检查的重点单位
      </Checkbox>
      {data ? (
        <Typography.Paragraph type="secondary">
          {uncoveredIn
            ? `${uncoveredIn}年未检查（无已提交的检查）的重点单位 ${data.total} 家（名录库共有重点单位 ${data.poolKeyUnits} 家）。`
            : `共 ${data.total} 家，其中重点单位 ${data.keyUnits} 家。`}
          导入模板的列：统一社会信用代码、单位名称、地址、行政区划代码、行业、风险等级、重点单位、联系人、联系电话。
        </Typography.Paragraph>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={!data}
        scroll={{ x: 900 }}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: "统一社会信用代码", dataIndex: "creditCode", width: 190 },
          {
            title: "单位名称",
            dataIndex: "name",
            render: (v: string, r) => (
              <Space size={4}>
                <Link to={`/inspections/units/${r.id}`} title="单位档案">
                  {v}
                </Link>
                {r.keyUnit ? <Tag color="red">重点</Tag> : null}
              </Space>
            ),
          },
          { title: "行业", dataIndex: "industry", width: 100, render: (v: keyof typeof industryLabels) => industryLabels[v] },
          { title: "风险等级", dataIndex: "riskLevel", width: 130, render: (v: keyof typeof riskLevelLabels) => riskLevelLabels[v] },
          { title: "行政区划", dataIndex: "regionCode", width: 100 },
          { title: "联系人", dataIndex: "contactName", width: 90, render: (v: string | null) => v ?? "—" },
          { title: "联系电话", dataIndex: "contactPhone", width: 130, render: (v: string | null) => v ?? "—" },
        ]}
      />
      <Modal
        open={creating}
        title="登记检查对象"
        okText="保存"
        onCancel={() => setCreating(false)}
        onOk={() =>
          void form.validateFields().then(async (v) => {
            await createUnit({ ...v, keyUnit: !!v.keyUnit });
            message.success("已登记");
            setCreating(false);
            form.resetFields();
            load();
          })
        }
      >
        <Form form={form} layout="vertical" initialValues={{ regionCode: "", riskLevel: "low", industry: "other" }}>
          <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, message: "请填写统一社会信用代码" }]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, message: "请填写单位名称" }]}>
            <Input />
          </Form.Item>
          <Form.Item name="address" label="地址">
            <Input />
          </Form.Item>
          <Form.Item name="regionCode" label="行政区划代码（6位）" rules={[{ required: true, message: "请填写行政区划代码" }]}>
            <Input maxLength={6} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="industry" label="行业">
              <Select style={{ width: 160 }} options={industries.map((i) => ({ value: i, label: industryLabels[i] }))} />
            </Form.Item>
            <Form.Item name="riskLevel" label="风险等级">
              <Select style={{ width: 160 }} options={riskLevels.map((i) => ({ value: i, label: riskLevelLabels[i] }))} />
            </Form.Item>
          </Space>
          <Form.Item name="keyUnit" valuePropName="checked">
            <Checkbox>重点单位（每年至少检查一次）</Checkbox>
          </Form.Item>
          <Space wrap>
            <Form.Item name="contactName" label="联系人">
              <Input />
            </Form.Item>
            <Form.Item name="contactPhone" label="联系电话">
              <Input />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <Modal
        open={!!importing}
        width={900}
        title={`导入预览：${importing?.name ?? ""}`}
        okText="确认导入"
        okButtonProps={{
          disabled: !importing || importing.preview.errors.length > 0 || importing.preview.creates + importing.preview.updates === 0,
          loading: busy,
        }}
        onCancel={() => setImporting(null)}
        onOk={() => {
          if (!importing) return;
          setBusy(true);
          void commitUnitImport(importing.name, importing.content, importing.preview.fileSha256)
            .then((r) => {
              message.success(`已导入：新增${r.created}家，更新${r.updated}家`);
              setImporting(null);
              load();
            })
            .catch(() => undefined)
            .finally(() => setBusy(false));
        }}
      >
        {importing ? (
          <>
            <Typography.Paragraph data-testid="import-summary">
              共 {importing.preview.rows} 行：新增 {importing.preview.creates} 家，更新 {importing.preview.updates} 家，错误{" "}
              {importing.preview.errors.length} 处（用时 {importing.preview.parseMs} 毫秒）。
            </Typography.Paragraph>
            {importing.preview.errors.length ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                message="以下行有错误，请修正后重新导入（有错误的文件不会导入）"
                description={
                  <ul style={{ maxHeight: 200, overflow: "auto", margin: 0, paddingLeft: 18 }}>
                    {importing.preview.errors.slice(0, 200).map((e, i) => (
                      <li key={i}>
                        第{e.row}行{e.column ? `（${e.column}）` : ""}：{e.message}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            <Table
              size="small"
              rowKey="row"
              scroll={{ x: 700, y: 300 }}
              pagination={false}
              dataSource={importing.preview.sample}
              columns={[
                { title: "行", dataIndex: "row", width: 60 },
                {
                  title: "",
                  dataIndex: "action",
                  width: 60,
                  render: (v: string) => (v === "create" ? <Tag color="green">新增</Tag> : <Tag color="blue">更新</Tag>),
                },
                { title: "统一社会信用代码", dataIndex: "creditCode", width: 190 },
                { title: "单位名称", dataIndex: "name" },
                { title: "行业", dataIndex: "industry", width: 90, render: (v: keyof typeof industryLabels) => industryLabels[v] },
              ]}
            />
          </>
        ) : null}
      </Modal>
    </Card>
  );
}
