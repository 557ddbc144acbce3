// 撤销立案（作废）: the unit's legal reviewer or administrator voids a case registered in error.
import { App, Button, Card, Form, Input, Typography } from "antd";
import type { StepProps } from "./context";

export default function VoidPanel({ busy, run }: StepProps) {
  const { modal } = App.useApp();
  return (
    <Card title="撤销立案（作废）" size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        立案错误的案件予以撤销：案卷保留、不能再办理，其处理决定和柔性执法措施不再计入统计报表。
      </Typography.Paragraph>
      <Form
        layout="vertical"
        onFinish={(v) =>
          modal.confirm({
            title: "确认撤销立案？",
            content: "撤销后案件不能再办理，其决定和措施不计入统计报表。",
            okText: "撤销立案",
            okButtonProps: { danger: true },
            cancelText: "取消",
            onOk: () => run("cancel", { reason: v.reason }, "已撤销立案"),
          })
        }
      >
        <Form.Item name="reason" label="撤销理由" rules={[{ required: true, min: 10, message: "请说明撤销理由（不少于10个字）" }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button htmlType="submit" danger block loading={busy}>
          撤销立案
        </Button>
      </Form>
    </Card>
  );
}
