// 处理决定: adopt the engine's proposal, or depart from it with a written reason (recorded for the
// analysis of 同案不同罚).
import { Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Typography } from "antd";
import { useState } from "react";
import { outcomeLabels, outcomes, type Outcome } from "@kuanyan/domain/decisions";
import type { StepProps } from "./context";
import { yesNo } from "./questions";

export default function DecidePanel({ file, busy, run }: StepProps) {
  const decision = file.case.decision;
  const [departing, setDeparting] = useState(false);
  if (!decision) return null;
  return (
    <Card title="处理决定" size="small">
      {!departing ? (
        <Flex vertical gap={8}>
          <Button
            type="primary"
            size="large"
            block
            loading={busy}
            disabled={!decision.firm}
            onClick={() => void run("decide", { confirm: true }, "已作出处理决定")}
          >
            采纳建议：{decision.outcome === "may_waive" ? outcomeLabels.no_penalty : decision.outcomeLabel}
          </Button>
          {decision.firm ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              研判尚有待确认的问题：回答后重新研判，才能采纳建议。
            </Typography.Text>
          )}
          <Button size="large" block onClick={() => setDeparting(true)}>
            不采纳建议（书面说明理由）
          </Button>
        </Flex>
      ) : (
        <Form
          layout="vertical"
          onFinish={(v) =>
            void run(
              "decide",
              {
                confirm: false,
                outcome: v.outcome,
                departureReason: v.departureReason,
                fineYuan: v.fineYuan ?? undefined,
                warningOnly: v.warningOnly ?? undefined,
              },
              "已作出处理决定",
            )
          }
        >
          <Form.Item name="outcome" label="处理结果" rules={[{ required: true }]}>
            <Select options={outcomes.filter((o) => o !== "may_waive").map((o: Outcome) => ({ label: outcomeLabels[o], value: o }))} />
          </Form.Item>
          <Form.Item name="fineYuan" label="罚款金额（元）">
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="warningOnly" label="警告（不罚款）">
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Form.Item
            name="departureReason"
            label="偏离理由（将被记录，用于同案不同罚分析）"
            rules={[{ required: true, min: 10, message: "请书面说明理由（不少于10个字）" }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Flex gap={8}>
            <Button onClick={() => setDeparting(false)} style={{ flex: 1 }}>
              取消
            </Button>
            <Button type="primary" htmlType="submit" loading={busy} style={{ flex: 2 }}>
              作出决定
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
