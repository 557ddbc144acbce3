// 违法情节（研判）: the officer answers the circumstances — before the first evaluation the statute's
// standard questions, afterwards a field for every question the engine left open (with its wording)
// above the rest — and asks the engine. With nothing answered there is nothing to evaluate.
import { Alert, App, Button, Card, Collapse, Flex, Form, Input, Radio, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import type { StepProps } from "./context";
import {
  circumstanceFields,
  correctionOptions,
  evaluationBody,
  formValues,
  harmOptions,
  yesNo,
  type CircumstanceValues,
  type QuestionField,
  type StoredCircumstances,
} from "./questions";

/** 此前是否因同一违法行为被查处过: 没有 ([]) or 有, with the date of the last one. */
function PriorViolations({ value, onChange, id }: { value?: string[]; onChange?: (v: string[] | undefined) => void; id?: string }) {
  const choice = value === undefined ? undefined : value.length ? "yes" : "no";
  return (
    <Flex gap={8} wrap align="center">
      <Radio.Group
        id={id}
        optionType="button"
        value={choice}
        onChange={(e) => onChange?.(e.target.value === "no" ? [] : [value?.[0] ?? ""])}
        options={[
          { label: "没有", value: "no" },
          { label: "有", value: "yes" },
        ]}
      />
      {choice === "yes" ? (
        <Input
          type="date"
          aria-label="此前被查处的日期"
          value={value?.[0] ?? ""}
          onChange={(e) => onChange?.([e.target.value])}
          style={{ width: 180 }}
        />
      ) : null}
    </Flex>
  );
}

function QuestionItem({ field, open }: { field: QuestionField; open?: boolean }) {
  const label = open ? (
    <span>
      {field.label} <Tag color="warning">待确认</Tag>
    </span>
  ) : (
    field.label
  );
  return (
    <Form.Item name={field.name} label={label} style={{ marginBottom: 12 }}>
      {field.kind === "priorViolations" ? (
        <PriorViolations />
      ) : (
        <Radio.Group optionType="button" options={field.kind === "bool" ? yesNo : field.kind === "correction" ? correctionOptions : harmOptions} />
      )}
    </Form.Item>
  );
}

export default function CircumstancesPanel({ file, busy, run, onEvaluated }: StepProps & { onEvaluated?: () => void }) {
  const c = file.case;
  const { message } = App.useApp();
  const [form] = Form.useForm<CircumstanceValues>();
  const [nothing, setNothing] = useState(false);
  const decision = c.decision;
  const { open, others, unanswerable } = circumstanceFields(decision);

  useEffect(() => {
    form.setFieldsValue(formValues(c.circumstances as StoredCircumstances));
  }, [c.circumstances, form]);

  async function evaluate() {
    const { body, answered } = evaluationBody(form.getFieldsValue(true) as CircumstanceValues);
    if (answered === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    const f = await run("evaluate", body);
    if (!f?.case.decision) return;
    const left = f.case.decision.questions.length;
    // Not "研判完成" while questions are open: the proposal cannot be adopted yet.
    if (left) message.warning(`已研判，尚有 ${left} 个问题待确认：请回答后重新研判`);
    else message.success("研判完成");
    onEvaluated?.();
  }

  return (
    <Card title="违法情节（研判）" size="small">
      <Form form={form} layout="vertical" size="large" onValuesChange={() => setNothing(false)}>
        {open.length ? (
          <>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              研判提出的待确认问题（{open.length}）
            </Typography.Paragraph>
            {open.map((f) => (
              <QuestionItem key={f.key} field={f} open />
            ))}
            {/* The rest folded away: the open questions are what the engine still needs. */}
            <Collapse
              size="small"
              style={{ marginBottom: 12 }}
              items={[
                {
                  key: "others",
                  label: `其他情节（${others.length} 项，可修改）`,
                  forceRender: true,
                  children: others.map((f) => <QuestionItem key={f.key} field={f} />),
                },
              ]}
            />
          </>
        ) : (
          others.map((f) => <QuestionItem key={f.key} field={f} />)
        )}
        {unanswerable.length ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="以下问题取决于案件信息，请核对登记的当事人信息"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {unanswerable.map((q) => (
                  <li key={q.key}>{q.text}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {nothing ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title="请至少回答一个违法情节问题后再研判" /> : null}
        <Button type="primary" size="large" block loading={busy} onClick={() => void evaluate()}>
          {decision ? "重新研判" : "研判"}
        </Button>
      </Form>
    </Card>
  );
}
