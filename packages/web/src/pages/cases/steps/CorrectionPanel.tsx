// 责令限期改正 and its 复查: order the correction with a deadline; once ordered, record the reinspection.
import { Button, Card, Form, Input, Radio } from "antd";
import type { StepProps } from "./context";
import { yesNo } from "./questions";

export default function CorrectionPanel({ file, busy, run, can, today }: StepProps) {
  const c = file.case;
  const openReinspection = file.tasks.find((t) => t.kind === "reinspection" && !t.doneOn);
  if (!openReinspection) {
    if (!can("orderCorrection")) return null;
    return (
      <Card title="责令限期改正" size="small">
        <Form
          key={`correction-${c.lockVersion}`}
          layout="vertical"
          onFinish={(v) => void run("correction", { dueDate: v.dueDate, requirements: v.requirements }, "已责令限期改正")}
        >
          <Form.Item name="dueDate" label="改正期限" rules={[{ required: true }]}>
            <Input type="date" min={today} />
          </Form.Item>
          <Form.Item name="requirements" label="改正要求" rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button htmlType="submit" block loading={busy}>
            责令改正
          </Button>
        </Form>
      </Card>
    );
  }
  if (!can("recordReinspection")) return null;
  return (
    <Card title={`复查（改正期限 ${openReinspection.dueOn}）`} size="small">
      <Form
        key={`reinspect-${c.lockVersion}`}
        layout="vertical"
        initialValues={{ inspectedOn: today, corrected: true }}
        onFinish={(v) => void run("reinspection", v, "复查已记录")}
      >
        <Form.Item name="inspectedOn" label="复查日期" rules={[{ required: true }]}>
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item name="corrected" label="是否已改正">
          <Radio.Group options={yesNo} optionType="button" />
        </Form.Item>
        <Form.Item name="notes" label="复查情况" rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button htmlType="submit" block loading={busy}>
          记录复查
        </Button>
      </Form>
    </Card>
  );
}
