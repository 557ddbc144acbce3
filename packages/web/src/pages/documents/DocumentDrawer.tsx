// One document: its number and status, downloads (PDF, Word, signed copies), print, cancel, and the
// delivery records with the form to record a delivery (the recipient signs on screen).
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Flex, Form, Input, List, Popconfirm, Radio, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { getCase } from "../../services/cases";
import { ApiError } from "../../services/request";
import {
  cancelDocument,
  docxUrl,
  getDocument,
  pdfUrl,
  recordDelivery,
  signedPdfUrl,
  type DeliveryInput,
  type DocumentDetail,
} from "../../services/documents";
import SignaturePad from "./SignaturePad";
import { formatDateTime, nowMinuteInChina } from "../../utils/time";

const statusColor = { issued: "green", superseded: "orange", cancelled: "red" } as const;

/** Prints the PDF through the browser's print dialog (a hidden iframe). */
function printPdf(url: string) {
  const frame = document.createElement("iframe");
  frame.style.position = "fixed";
  frame.style.width = "0";
  frame.style.height = "0";
  frame.style.border = "0";
  frame.src = url;
  frame.onload = () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      window.open(url, "_blank");
    }
  };
  document.body.appendChild(frame);
  setTimeout(() => frame.remove(), 60_000);
}

function DeliveryForm({ doc, onDone }: { doc: DocumentDetail; onDone: (d: DocumentDetail) => void }) {
  const [method, setMethod] = useState<DeliveryInput["method"]>("direct");
  const [signature, setSignature] = useState<string>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  // 送达人: prefilled with the case's officers (the inspection's 执法人员), who usually deliver it.
  useEffect(() => {
    if (!doc.caseId) return;
    let live = true;
    getCase(doc.caseId).then(
      (f) => {
        const names = (f.case.inspection.officers ?? []).map((o) => o.name).filter(Boolean);
        if (live && names.length && !form.getFieldValue("deliverer")) form.setFieldsValue({ deliverer: names.join("、") });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [doc.caseId, form]);
  const submit = async () => {
    const v = await form.validateFields();
    if (method === "direct" && !signature) {
      setError("直接送达须由受送达人在签名板上手写签名；受送达人拒绝签收的，请选择留置送达");
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const d = await recordDelivery(doc.id, {
        method,
        deliverer: v.deliverer,
        recipient: v.recipient,
        deliveredAt: v.deliveredAt,
        place: v.place || undefined,
        signatureBase64: method === "direct" ? signature : undefined,
        refused: method === "lodged",
        refusalReason: method === "lodged" ? v.refusalReason : undefined,
        witnesses:
          method === "lodged"
            ? String(v.witnesses ?? "")
                .split(/[、,，\s]+/)
                .filter(Boolean)
            : [],
        consent: method === "electronic" ? !!v.consent : undefined,
        consentRecord: method === "electronic" ? v.consentRecord : undefined,
        remarks: v.remarks || undefined,
      });
      form.resetFields();
      setSignature(undefined);
      onDone(d);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "保存失败");
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ deliveredAt: nowMinuteInChina(), recipient: doc.values.partyRepresentative || doc.partyName || "" }}
    >
      <Form.Item label="送达方式">
        <Radio.Group value={method} onChange={(e) => setMethod(e.target.value)} optionType="button" buttonStyle="solid">
          <Radio.Button value="direct">直接送达</Radio.Button>
          <Radio.Button value="lodged">留置送达</Radio.Button>
          <Radio.Button value="mail">邮寄送达</Radio.Button>
          <Radio.Button value="electronic">电子送达</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="deliverer" label="送达人" rules={[{ required: true, message: "请填写送达人" }]}>
        <Input placeholder="执法人员姓名，多人用顿号分隔" />
      </Form.Item>
      <Form.Item name="recipient" label="受送达人" rules={[{ required: true, message: "请填写受送达人" }]}>
        <Input />
      </Form.Item>
      <Form.Item name="deliveredAt" label="送达时间" rules={[{ required: true, message: "请填写送达时间" }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item
        name="place"
        label={method === "mail" ? "邮寄地址及邮件号" : method === "electronic" ? "电子送达地址" : method === "lodged" ? "留置地点" : "送达地点"}
        rules={method === "direct" ? [] : [{ required: true, message: "请填写地点或地址" }]}
      >
        <Input />
      </Form.Item>
      {method === "lodged" && (
        <>
          <Alert
            type="info"
            showIcon
            title="受送达人拒绝签收：邀请见证人到场，把文书留在受送达人的住所，并记录见证人。"
            style={{ marginBottom: 12 }}
          />
          <Form.Item name="refusalReason" label="拒收事由" rules={[{ required: true, message: "请记录受送达人拒绝签收的情况" }]}>
            <Input placeholder="例如：受送达人林建华当场拒绝签收，未说明理由" />
          </Form.Item>
          <Form.Item name="witnesses" label="见证人" rules={[{ required: true, message: "留置送达应当有见证人" }]}>
            <Input placeholder="姓名及单位，多人用顿号分隔" />
          </Form.Item>
        </>
      )}
      {method === "electronic" && (
        <>
          <Form.Item name="consent" valuePropName="checked">
            <Checkbox>当事人已同意并签订确认书（行政处罚法第六十一条）</Checkbox>
          </Form.Item>
          <Form.Item name="consentRecord" label="确认书记录">
            <Input placeholder="例如：当事人于2026年11月20日签署送达地址确认书" />
          </Form.Item>
        </>
      )}
      {method === "direct" && (
        <Form.Item label="受送达人签名" required extra="以受送达人本人手写签名为准；文书上不会以打印的姓名代替签名">
          <SignaturePad onChange={setSignature} />
        </Form.Item>
      )}
      <Form.Item name="remarks" label="备注">
        <Input />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={submit} loading={saving} block>
        保存送达记录
      </Button>
    </Form>
  );
}

export default function DocumentDrawer({ id, onClose, onChanged }: { id?: string; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const [doc, setDoc] = useState<DocumentDetail>();
  const [delivering, setDelivering] = useState(false);
  const [reason, setReason] = useState("");

  // Another document: forget the one shown (while rendering, not in the effect), then fetch it.
  const [shownId, setShownId] = useState(id);
  if (shownId !== id) {
    setShownId(id);
    setDoc(undefined);
    setDelivering(false);
  }
  useEffect(() => {
    if (!id) return;
    let live = true;
    getDocument(id).then(
      (d) => live && setDoc(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id]);

  const cancel = async () => {
    if (!doc) return;
    try {
      setDoc(await cancelDocument(doc.id, reason));
      message.success("已作废，编号保留");
      onChanged();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : "作废失败");
    }
  };

  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={doc ? `${doc.typeLabel} ${doc.number}` : "文书"} destroyOnHidden>
      {doc && (
        <Space orientation="vertical" style={{ width: "100%" }} size="middle">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="状态">
              <Tag color={statusColor[doc.status]}>{doc.statusLabel}</Tag>
              {doc.supersededBy && <span>由 {doc.supersededBy.number} 更正</span>}
            </Descriptions.Item>
            <Descriptions.Item label="案件">
              {doc.caseNo}　{doc.partyName}
            </Descriptions.Item>
            <Descriptions.Item label="签发">
              {doc.issuedOn}　{doc.issuedByName ?? "系统"}（模板第 {doc.templateVersion} 版{doc.sealed ? "，已加盖电子印章" : ""}）
            </Descriptions.Item>
            <Descriptions.Item label="核验码">
              <Typography.Text copyable>{doc.shortCode}</Typography.Text>　
              <a href={`/verify/${doc.shortCode}`} target="_blank" rel="noreferrer">
                核验页面
              </a>
            </Descriptions.Item>
            <Descriptions.Item label="SHA-256">
              <Typography.Text code style={{ wordBreak: "break-all" }}>
                {doc.sha256}
              </Typography.Text>
            </Descriptions.Item>
            {doc.cancelReason && <Descriptions.Item label="作废原因">{doc.cancelReason}</Descriptions.Item>}
          </Descriptions>
          <Flex wrap gap={8}>
            <Button href={pdfUrl(doc.id)}>下载 PDF</Button>
            <Button href={docxUrl(doc.id)}>下载 Word</Button>
            <Button onClick={() => printPdf(pdfUrl(doc.id, true))}>打印</Button>
            {doc.allowedActions.includes("cancel") && (
              <Popconfirm
                title="作废该文书？"
                description={<Input.TextArea placeholder="作废原因（必填）" value={reason} onChange={(e) => setReason(e.target.value)} />}
                onConfirm={cancel}
                okButtonProps={{ disabled: reason.trim().length < 2 }}
              >
                <Button danger>作废</Button>
              </Popconfirm>
            )}
          </Flex>
          <Typography.Title level={5} style={{ margin: 0 }}>
            送达记录
          </Typography.Title>
          <List
            size="small"
            bordered
            locale={{ emptyText: "尚未送达" }}
            dataSource={doc.deliveries}
            renderItem={(d) => (
              <List.Item
                actions={
                  d.hasSignedPdf
                    ? [
                        <a key="pdf" href={signedPdfUrl(doc.id, d.id)}>
                          下载签收件
                        </a>,
                      ]
                    : []
                }
              >
                <div>
                  <Tag>{d.methodLabel}</Tag>
                  {formatDateTime(d.deliveredAt)}　送达人：{d.deliverer}　受送达人：{d.recipient}
                  {d.refused && <div>拒绝签收，见证人：{d.witnesses.join("、")}</div>}
                  {d.signed && <Tag color="blue">已签名</Tag>}
                </div>
              </List.Item>
            )}
          />
          {doc.allowedActions.includes("deliver") &&
            (delivering ? (
              <DeliveryForm
                doc={doc}
                onDone={(d) => {
                  setDoc(d);
                  setDelivering(false);
                  message.success("送达记录已保存");
                  onChanged();
                }}
              />
            ) : (
              <Button type="dashed" onClick={() => setDelivering(true)} block>
                记录送达
              </Button>
            ))}
        </Space>
      )}
    </Drawer>
  );
}
