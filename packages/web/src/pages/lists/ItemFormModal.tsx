// One list item (one row of the annex table) in a form: the annex columns, the matter chosen from the
// catalogue by a plain description, the 依据 checked against the law library, and the conditions.
import { AutoComplete, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { listColumnLabels, type ListType } from "@kuanyan/domain/lists";
import { softMethodLabels, softMethods } from "@kuanyan/domain/measures";
import { parseCitation, type ParsedCitations } from "../../services/laws";
import { fineText, suggestMatters, type MatterSuggestion } from "../../services/matters";
import type { EditableItem } from "../../services/lists";
import ConditionBuilder from "./ConditionBuilder";

export interface ItemFormModalProps {
  open: boolean;
  listType: ListType;
  initial: EditableItem;
  onCancel: () => void;
  onOk: (item: EditableItem) => void;
}

export default function ItemFormModal({ open, listType, initial, onCancel, onOk }: ItemFormModalProps) {
  const [form] = Form.useForm<EditableItem>();
  const [suggestions, setSuggestions] = useState<MatterSuggestion[]>([]);
  const [parsed, setParsed] = useState<ParsedCitations | null>(null);
  const labels = listColumnLabels(listType);
  const basisText = Form.useWatch("basisText", form);

  // Fill the form once each time the dialog opens; a re-render of the page (a new `initial` object)
  // must not wipe what the user has typed or picked meanwhile.
  // The item as it was when the dialog opened (a fresh box each time, so reopening refills the form),
  // taken while rendering; the effect below puts it into the form.
  const [wasOpen, setWasOpen] = useState(false);
  const [fillWith, setFillWith] = useState<{ item: EditableItem } | null>(null);
  if (wasOpen !== open) {
    setWasOpen(open);
    if (open) {
      setFillWith({ item: initial });
      setParsed(null);
    }
  }
  useEffect(() => {
    if (fillWith) {
      form.resetFields();
      form.setFieldsValue(fillWith.item);
    }
  }, [fillWith, form]);

  // No basis text, no parsed citations (adjusted while rendering); otherwise parsed after a pause in typing.
  const text = (basisText ?? "").trim();
  if (!text && parsed !== null) setParsed(null);
  useEffect(() => {
    if (!text) return;
    const timer = setTimeout(() => {
      parseCitation(text).then(setParsed, () => setParsed(null));
    }, 400);
    return () => clearTimeout(timer);
  }, [text]);

  const search = async (q: string) => {
    if (q.trim().length < 2) return setSuggestions([]);
    try {
      setSuggestions((await suggestMatters(q)).items);
    } catch {
      setSuggestions([]);
    }
  };

  return (
    <Modal
      open={open}
      title={`事项 第${initial.seq}项`}
      width={860}
      okText="确定"
      cancelText="取消"
      onCancel={onCancel}
      onOk={() =>
        void form.validateFields().then((v) =>
          onOk({
            ...initial,
            ...v,
            matterCode: (v.matterCode ?? "").trim().toUpperCase(),
            remarks: v.remarks ?? "",
            otherMeasures: v.otherMeasures ?? [],
            measures: v.measures ?? [],
            conditions: v.conditions ?? [],
          }),
        )
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark>
        <Space wrap align="start">
          <Form.Item name="seq" label={labels.seq} rules={[{ required: true, message: "请填写序号" }]}>
            <InputNumber min={1} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="matterCode" label={labels.matterCode} tooltip="从执法事项库选择事项名称时自动填写">
            <Input style={{ width: 200 }} placeholder="如 YJ-AQSCF-097-04" />
          </Form.Item>
        </Space>
        <Form.Item
          name="matterName"
          label={labels.matterName}
          rules={[{ required: true, whitespace: true, message: "请填写事项名称" }]}
          extra="可输入白话描述（如“没有记录培训情况”）从执法事项库中选择"
        >
          <AutoComplete
            onSearch={(q) => void search(q)}
            options={suggestions.map((s) => ({
              value: s.name,
              code: s.code,
              label: (
                <div style={{ whiteSpace: "normal" }}>
                  <Typography.Text strong>{s.name}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.code} · {s.penalty[0] ?? ""} {fineText(s.fineRange) ? `· 罚款${fineText(s.fineRange)}` : ""}
                  </Typography.Text>
                </div>
              ),
            }))}
            onSelect={(_, option) => form.setFieldValue("matterCode", (option as { code: string }).code)}
            onChange={(value: string) => {
              const hit = suggestions.find((s) => s.name === value);
              if (hit) form.setFieldValue("matterCode", hit.code);
            }}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="circumstances" label={labels.circumstances} rules={[{ required: true, whitespace: true, message: "请填写情形" }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="公布的情形原文" />
        </Form.Item>
        <Form.Item
          name="basisText"
          label={labels.basis}
          rules={[{ required: true, whitespace: true, message: "请填写依据" }]}
          extra={
            parsed ? (
              <Space wrap size={4} style={{ marginTop: 4 }}>
                {parsed.items.map((c, i) =>
                  c.ok ? (
                    <Tag color="green" key={i} title={c.text}>
                      {c.formatted}
                    </Tag>
                  ) : (
                    <Tag color="red" key={i}>
                      {c.error}
                    </Tag>
                  ),
                )}
                {parsed.errors.map((e, i) => (
                  <Tag color="red" key={`e${i}`}>
                    {e}
                  </Tag>
                ))}
              </Space>
            ) : (
              "如：《中华人民共和国行政处罚法》第三十三条第一款；可写多条，也可附条文原文"
            )
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="measures" label={labels.measures}>
          <Checkbox.Group options={softMethods.filter((m) => m !== "other").map((m) => ({ value: m, label: softMethodLabels[m] }))} />
        </Form.Item>
        <Form.Item name="otherMeasures" label="其他监管措施（创新方法）">
          <Select mode="tags" placeholder="输入后回车" open={false} />
        </Form.Item>
        <Form.Item name="remarks" label={labels.remarks}>
          <Input />
        </Form.Item>
        <Form.Item name="conditions" label="适用条件（结构化，供决策引擎判断）">
          <ConditionBuilder listType={listType} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
