// 告知当事人自主选择 (舟山意见 三(三)1): the party accepts soft enforcement or asks for the ordinary
// procedure (with its statement). Each only when the server allows it: acceptance only once there is a
// proposal the party was told of.
import { Button, Card, Flex, Form, Input, Typography } from "antd";
import type { StepProps } from "./context";

export default function PartyChoicePanel({ busy, run, can }: StepProps) {
  return (
    <Card title="告知当事人自主选择（舟山意见 三(三)1）" size="small">
      <Typography.Paragraph type="secondary">当事人可以接受柔性执法，也可以要求适用普通程序。</Typography.Paragraph>
      <Form layout="vertical" onFinish={(v) => void run("party-choice", { choice: "ordinary_procedure", statement: v.statement }, "已转普通程序")}>
        <Flex gap={8} vertical>
          {can("partyAcceptsSoft") ? (
            <Button
              size="large"
              block
              loading={busy}
              onClick={() => void run("party-choice", { choice: "accept_soft" }, "已记录：当事人接受柔性执法")}
            >
              当事人接受柔性执法
            </Button>
          ) : null}
          {can("partyRequestsOrdinary") ? (
            <>
              <Form.Item
                name="statement"
                label="当事人陈述（要求适用普通程序时填写）"
                rules={[{ required: true, message: "请记录当事人的陈述" }]}
                style={{ marginBottom: 8 }}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
              <Button size="large" block danger htmlType="submit" loading={busy}>
                当事人要求适用普通程序
              </Button>
            </>
          ) : null}
        </Flex>
      </Form>
    </Card>
  );
}
