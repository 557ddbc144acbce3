// 模板管理: an organisation adjusts the wording of a template (seed 001: 可以根据自身实际进行调整);
// saving makes a new version; the preview shows the edit filled with sample values as you type.
// A template that uses an undefined field {{…}} cannot be saved (the server says which).
import { DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS, type DocumentType, type TemplateBlock } from "@kuanyan/domain/documents";
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Tag, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { ApiError } from "../../services/request";
import { listTemplates, previewDocument, saveTemplate, type PreviewResult, type TemplateBody, type TemplateSummary } from "../../services/documents";
import DocumentPreview from "./DocumentPreview";

const sourceLabel = { own: "本单位", superior: "上级单位", built_in: "系统范本（种子文件）" } as const;
type TextBlock = Extract<TemplateBlock, { text: string }>;

export default function TemplateEditor() {
  const { message } = App.useApp();
  // 修改模板 only when the server allows 文书设置 for the organisation.
  const [canEdit, setCanEdit] = useState(false);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [type, setType] = useState<DocumentType>("warning");
  const [body, setBody] = useState<TemplateBody>();
  const [preview, setPreview] = useState<PreviewResult>();
  const [error, setError] = useState<string>();
  const timer = useRef<number | undefined>(undefined);

  const load = () =>
    listTemplates().then(
      (r) => {
        setTemplates(r.items);
        setCanEdit(r.allowedActions.includes("settings"));
      },
      () => undefined,
    );
  useEffect(() => {
    void load();
  }, []);
  const current = templates.find((t) => t.type === type);
  // Editing another template (or a reloaded one) starts from its wording (adjusted while rendering, not in an effect).
  const [bodyFor, setBodyFor] = useState(current);
  if (bodyFor !== current) {
    setBodyFor(current);
    if (current) {
      const { type: _t, version: _v, ...rest } = current.template;
      setBody(rest);
      setError(undefined);
    }
  }

  useEffect(() => {
    if (!body) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      previewDocument({ type, template: body, sample: true }).then(setPreview, (e: unknown) =>
        setError(e instanceof ApiError ? e.message : "预览失败"),
      );
    }, 250);
    return () => window.clearTimeout(timer.current);
  }, [type, body]);

  const setBlockText = (i: number, text: string) =>
    setBody((b) => (b ? { ...b, blocks: b.blocks.map((x, j) => (j === i ? ({ ...(x as TextBlock), text } as TemplateBlock) : x)) } : b));

  const save = async () => {
    if (!body) return;
    setError(undefined);
    try {
      const saved = await saveTemplate(type, body);
      message.success(`已保存为第 ${saved.version} 版`);
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "保存失败");
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11}>
        <Card size="small" title="模板">
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Select
              aria-label="模板种类"
              value={type}
              onChange={setType}
              style={{ width: "100%" }}
              options={DOCUMENT_TYPES.map((t) => ({ value: t, label: DOCUMENT_TYPE_LABELS[t] }))}
            />
            {current && (
              <Typography.Text type="secondary">
                正在使用：{sourceLabel[current.source]}
                {current.ownerName ? `（${current.ownerName}）` : ""} 第 {current.version} 版
                {current.versions.length > 0 && (
                  <>
                    ；本单位版本：
                    {current.versions.map((v) => (
                      <Tag key={v.id}>第{v.version}版</Tag>
                    ))}
                  </>
                )}
              </Typography.Text>
            )}
            {body && (
              <Form layout="vertical">
                <Form.Item label="文书标题">
                  <Input value={body.title} onChange={(e) => setBody({ ...body, title: e.target.value })} disabled={!canEdit} />
                </Form.Item>
                <Form.Item label="编号中的种类简称">
                  <Input value={body.typeShort} onChange={(e) => setBody({ ...body, typeShort: e.target.value })} disabled={!canEdit} />
                </Form.Item>
                <Typography.Paragraph type="secondary">
                  正文中用 {"{{字段}}"} 引用字段：{body.fields.map((f) => `${f.label} {{${f.key}}}`).join("；")}
                </Typography.Paragraph>
                {body.blocks.map((b, i) =>
                  "text" in b && b.kind !== "title" ? (
                    <Form.Item key={i} label={`第${i + 1}段`}>
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 8 }}
                        value={b.text}
                        onChange={(e) => setBlockText(i, e.target.value)}
                        disabled={!canEdit}
                      />
                    </Form.Item>
                  ) : null,
                )}
                {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
                {canEdit ? (
                  <Button type="primary" onClick={save} block>
                    保存为新版本
                  </Button>
                ) : (
                  <Alert type="info" title="只有单位管理员可以修改模板" />
                )}
              </Form>
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        <Card size="small" title="实时预览（示例数据）">
          {preview && <DocumentPreview document={preview.document} />}
        </Card>
      </Col>
    </Row>
  );
}
