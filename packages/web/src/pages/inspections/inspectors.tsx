// 执法检查人员: the officers with their 行政执法证 and fields; an expired or missing one says why it
// cannot be drawn. The 单位管理员 edits certificates.
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { industries, industryLabels } from "@kuanyan/domain/inspections";
import { listInspectors, saveCertificate, type CertificateInput, type Inspector, type InspectorList } from "../../services/inspections";

const statusTag: Record<Inspector["status"], ReactNode> = {
  valid: <Tag color="green">有效</Tag>,
  missing: <Tag>未登记</Tag>,
  not_yet_valid: <Tag color="gold">未生效</Tag>,
  expired: <Tag color="red">已过期</Tag>,
};

export default function InspectorsPage() {
  const { message } = App.useApp();
  const [data, setData] = useState<InspectorList | null>(null);
  const [editing, setEditing] = useState<Inspector | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(() => void listInspectors().then(setData, () => undefined), []);
  useEffect(load, [load]);
  const canManage = data?.allowedActions.includes("inspection.inspectors.manage") ?? false;
  return (
    <Card title="执法检查人员名录库">
      <Typography.Paragraph type="secondary">
        没有执法证、尚未生效或已过期的执法人员不能参加抽取，也不能在检查记录上签名；每个检查对象至少抽取两名执法人员（《中华人民共和国行政处罚法》第四十二条）。
      </Typography.Paragraph>
      <Table
        rowKey="userId"
        size="small"
        loading={!data}
        scroll={{ x: 900 }}
        dataSource={data?.items ?? []}
        pagination={false}
        expandable={{ rowExpandable: (r) => !!r.problem, expandedRowRender: (r) => <Alert type="warning" showIcon message={r.problem} /> }}
        columns={[
          { title: "姓名", dataIndex: "displayName" },
          { title: "执法证号", render: (_v, r) => r.certificate?.number ?? "—" },
          { title: "发证机关", render: (_v, r) => r.certificate?.issuingBody ?? "—" },
          { title: "有效期", render: (_v, r) => (r.certificate ? `${r.certificate.validFrom} 至 ${r.certificate.validTo}` : "—") },
          { title: "执法领域", render: (_v, r) => r.certificate?.fields.map((f) => industryLabels[f]).join("、") ?? "—" },
          {
            title: "状态",
            dataIndex: "status",
            width: 90,
            render: (v: Inspector["status"], r) => <span title={r.problem ?? ""}>{statusTag[v]}</span>,
          },
          ...(canManage
            ? [
                {
                  title: "操作",
                  width: 90,
                  render: (_v: unknown, r: Inspector) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(r);
                        form.setFieldsValue({
                          number: r.certificate?.number ?? "",
                          issuingBody: r.certificate?.issuingBody ?? "",
                          validity: r.certificate ? [dayjs(r.certificate.validFrom), dayjs(r.certificate.validTo)] : undefined,
                          fields: r.certificate?.fields ?? [],
                        });
                      }}
                    >
                      执法证
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={`行政执法证：${editing?.displayName ?? ""}`}
        okText="保存"
        onCancel={() => setEditing(null)}
        onOk={() =>
          void form
            .validateFields()
            .then(async (v: { number: string; issuingBody: string; validity: [dayjs.Dayjs, dayjs.Dayjs]; fields: CertificateInput["fields"] }) => {
              await saveCertificate(editing!.userId, {
                number: v.number,
                issuingBody: v.issuingBody,
                validFrom: v.validity[0].format("YYYY-MM-DD"),
                validTo: v.validity[1].format("YYYY-MM-DD"),
                fields: v.fields,
                version: editing!.certificate?.version,
              });
              message.success("已保存");
              setEditing(null);
              load();
            })
            // A refusal is shown by the request layer; the dialog stays open to correct it.
            .catch(() => undefined)
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="number" label="执法证号" rules={[{ required: true, message: "请填写执法证号" }]}>
            <Input />
          </Form.Item>
          <Form.Item name="issuingBody" label="发证机关" rules={[{ required: true, message: "请填写发证机关" }]}>
            <Input />
          </Form.Item>
          <Form.Item name="validity" label="有效期" rules={[{ required: true, message: "请选择有效期" }]}>
            {/* Dates as entered (not silently swapped): an end before the start is refused with the reason. */}
            <DatePicker.RangePicker order={false} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="fields" label="执法领域" rules={[{ required: true, message: "请至少选择一个执法领域" }]}>
            <Select mode="multiple" options={industries.map((i) => ({ value: i, label: industryLabels[i] }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
