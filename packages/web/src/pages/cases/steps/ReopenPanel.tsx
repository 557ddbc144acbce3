// 重新打开: a closed case is corrected only after reopening it with a recorded reason.
import { Button, Card, Form, Input } from "antd";
import type { StepProps } from "./context";

export default function ReopenPanel({ busy, run }: StepProps) {
  return (
    <Card title="重新打开" size="small">
      <Form layout="vertical" onFinish={(v) => void run("reopen", { reason: v.reason }, "已重新打开")}>
        <Form.Item name="reason" label="理由" rules={[{ required: true, min: 5, message: "请说明理由（不少于5个字）" }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button htmlType="submit" block loading={busy}>
          重新打开
        </Button>
      </Form>
    </Card>
  );
}
