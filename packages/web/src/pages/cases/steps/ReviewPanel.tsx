// 法制审核 (《行政处罚法》第五十八条): the legal reviewer approves or returns a 普通程序 case.
import { Button, Card, Form, Input, Radio } from "antd";
import type { StepProps } from "./context";
import { yesNo } from "./questions";

export default function ReviewPanel({ busy, run }: StepProps) {
  return (
    <Card title="法制审核" size="small">
      <Form
        layout="vertical"
        onFinish={(v) =>
          void run("review", { result: v.result, opinion: v.opinion, collectiveDiscussion: v.collectiveDiscussion ?? false }, "审核意见已保存")
        }
      >
        <Form.Item name="result" label="审核结果" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { label: "通过", value: "approved" },
              { label: "退回", value: "returned" },
            ]}
          />
        </Form.Item>
        <Form.Item name="opinion" label="审核意见" rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="collectiveDiscussion" label="经集体讨论">
          <Radio.Group options={yesNo} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          提交审核意见
        </Button>
      </Form>
    </Card>
  );
}
