// 版本信息: dates, 备案, contact, reasons; the title and notes are editable while the draft may be edited.
import { Card, Descriptions, Form, Input, Typography } from "antd";
import type { VersionDetail } from "../../../services/lists";

export interface VersionMeta {
  title: string;
  notes: string;
}

export default function VersionInfo({
  detail,
  meta,
  editable,
  onChange,
}: {
  detail: VersionDetail;
  meta: VersionMeta;
  editable: boolean;
  onChange: (meta: VersionMeta) => void;
}) {
  const v = detail.version;
  return (
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
      {editable ? (
        <Form layout="vertical" style={{ marginTop: 8 }}>
          <Form.Item label="标题">
            <Input value={meta.title} onChange={(e) => onChange({ ...meta, title: e.target.value })} />
          </Form.Item>
          <Form.Item label="说明">
            <Input.TextArea autoSize={{ minRows: 2 }} value={meta.notes} onChange={(e) => onChange({ ...meta, notes: e.target.value })} />
          </Form.Item>
        </Form>
      ) : meta.notes ? (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>说明：{meta.notes}</Typography.Paragraph>
      ) : null}
    </Card>
  );
}
