// 签发文书: pick a case and a document type; the case fills what it knows, the officer types only the
// rest; the preview follows every keystroke; issuing numbers, seals and freezes the document.
import { DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS, FACTS_WRITING_HINT, type DocumentType } from "@kuanyan/domain/documents";
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Select, Spin } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../../services/request";
import {
  issueDocument,
  listIssuableCases,
  previewDocument,
  type CaseOption,
  type DocumentDetail,
  type FormField,
  type PreviewResult,
} from "../../services/documents";
import DocumentPreview from "./DocumentPreview";

const issuableTypes: DocumentType[] = [...DOCUMENT_TYPES];

export default function IssuePanel({
  initialCaseId,
  initialType,
  onIssued,
}: {
  initialCaseId?: string;
  initialType?: DocumentType;
  onIssued: (d: DocumentDetail) => void;
}) {
  const { message } = App.useApp();
  const [cases, setCases] = useState<CaseOption[]>([]);
  const [caseId, setCaseId] = useState<string | undefined>(initialCaseId);
  const [type, setType] = useState<DocumentType>(initialType ?? "warning");
  const [values, setValues] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<PreviewResult>();
  const [error, setError] = useState<string>();
  const [issuing, setIssuing] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  const searchCases = (q?: string) => listIssuableCases(q).then(setCases, () => undefined);
  useEffect(() => {
    void searchCases();
  }, []);

  useEffect(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      previewDocument({ type, caseId, values, sample: !caseId }).then(
        (p) => setPreview(p),
        (e: unknown) => setError(e instanceof ApiError ? e.message : "预览失败"),
      );
    }, 250);
    return () => window.clearTimeout(timer.current);
  }, [type, caseId, values]);

  const editable = useMemo(() => (preview?.form ?? []).filter((f) => f.editable), [preview]);
  const fromCase = useMemo(() => (preview?.form ?? []).filter((f) => !f.editable && f.caseValue), [preview]);

  const submit = async () => {
    if (!caseId) return void message.warning("请先选择案件");
    setIssuing(true);
    setError(undefined);
    try {
      const doc = await issueDocument({ caseId, type, values });
      message.success(`已签发：${doc.typeLabel} ${doc.number}`);
      setValues({});
      onIssued(doc);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "签发失败");
    } finally {
      setIssuing(false);
    }
  };

  const input = (f: FormField) => {
    const common = {
      id: `field-${f.key}`,
      value: values[f.key] ?? "",
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f.key]: e.target.value })),
    };
    switch (f.kind) {
      case "multiline":
        return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} {...common} />;
      case "date":
        return <Input type="date" {...common} />;
      case "datetime":
        return <Input type="datetime-local" {...common} />;
      default:
        return <Input {...common} />;
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11}>
        <Card size="small" title="签发文书">
          <Form layout="vertical">
            <Form.Item label="案件" required>
              <Select
                showSearch={{ filterOption: false, onSearch: (q) => void searchCases(q) }}
                aria-label="案件"
                placeholder="输入案件编号或当事人搜索"
                value={caseId}
                onChange={(v) => {
                  setCaseId(v);
                  setValues({});
                }}
                options={cases.map((c) => ({ value: c.id, label: `${c.caseNo}　${c.partyName}` }))}
                notFoundContent={<Empty description="没有可签发文书的案件" />}
              />
            </Form.Item>
            <Form.Item label="文书种类" required>
              <Select
                aria-label="文书种类"
                value={type}
                onChange={(v) => {
                  setType(v);
                  setValues({});
                }}
                options={issuableTypes.map((t) => ({ value: t, label: DOCUMENT_TYPE_LABELS[t] }))}
              />
            </Form.Item>
            {caseId && fromCase.length > 0 && (
              <Descriptions size="small" column={1} bordered title="取自案件（如有错误请先更正案件）" style={{ marginBottom: 16 }}>
                {fromCase.map((f) => (
                  <Descriptions.Item key={f.key} label={f.label}>
                    <span style={{ whiteSpace: "pre-wrap" }}>{f.caseValue}</span>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
            {editable.map((f) => (
              <Form.Item
                key={f.key}
                label={f.label}
                required={f.required}
                extra={f.notBeforeToday ? "不得早于今天" : f.key === "facts" ? FACTS_WRITING_HINT : undefined}
                htmlFor={`field-${f.key}`}
              >
                {input(f)}
              </Form.Item>
            ))}
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            <Button type="primary" onClick={submit} loading={issuing} disabled={!caseId} block>
              签发
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        <Card size="small" title={`实时预览${preview?.numberExample ? `（编号示例：${preview.numberExample}）` : ""}`}>
          {preview ? <DocumentPreview document={preview.document} /> : <Spin />}
        </Card>
      </Col>
    </Row>
  );
}
