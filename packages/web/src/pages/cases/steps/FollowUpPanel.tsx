// 回访 (行政执法案件回访登记表): schedule the visit, then record it with the form's fields, including
// the party's evaluation of the officers.
import { Alert, Button, Card, Flex, Form, Input, Radio } from "antd";
import { useAuth } from "../../../auth/AuthContext";
import type { StepProps } from "./context";

export default function FollowUpPanel({ file, busy, run, can, today }: StepProps) {
  const { user } = useAuth();
  const c = file.case;
  const openFollowUp = file.tasks.find((t) => t.kind === "follow_up" && !t.doneOn);
  return (
    <Card title="回访（行政执法案件回访登记表）" size="small">
      {openFollowUp ? (
        <Alert
          style={{ marginBottom: 12 }}
          type={openFollowUp.overdue ? "error" : "info"}
          showIcon
          title={`已安排回访：${openFollowUp.dueOn}${openFollowUp.overdue ? "（已逾期）" : ""}`}
        />
      ) : can("scheduleFollowUp") ? (
        <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v) => void run("follow-ups", { dueOn: v.dueOn }, "已安排回访")}>
          <Form.Item name="dueOn" label="安排回访日期" rules={[{ required: true }]}>
            <Input type="date" min={today} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            安排
          </Button>
        </Form>
      ) : null}
      {can("recordFollowUp") ? (
        <Form
          key={`followup-${c.lockVersion}`}
          layout="vertical"
          initialValues={{
            visitedOn: today,
            responsiblePerson: c.partyContact ?? "",
            signedBy: c.partyContact ?? "",
            phone: c.partyPhone ?? "",
            visitor: user?.displayName.replace(/（.*）$/, ""),
          }}
          onFinish={(v) => void run("follow-up-records", { ...v, taskId: openFollowUp?.id }, "回访已记录")}
        >
          <Flex gap={8} wrap>
            <Form.Item name="visitedOn" label="回访日期" rules={[{ required: true }]} style={{ flex: "1 1 140px" }}>
              <Input type="date" max={today} />
            </Form.Item>
            <Form.Item name="visitor" label="回访人" rules={[{ required: true }]} style={{ flex: "1 1 140px" }}>
              <Input />
            </Form.Item>
          </Flex>
          <Form.Item name="responsiblePerson" label="负责人姓名" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="execution" label="行政执法决定执行情况，违法行为整改情况" rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="remedialMeasures" label="整改措施（如未改正违法行为，应采取如下措施改正）">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            name="conductEvaluation"
            label="案件承办人依照法定程序办案、廉洁执法情况（当事人评价）"
            rules={[{ required: true, message: "请当事人评价" }]}
          >
            <Radio.Group
              optionType="button"
              options={[
                { label: "满意", value: "satisfied" },
                { label: "基本满意", value: "basically_satisfied" },
                { label: "不满意", value: "dissatisfied" },
              ]}
            />
          </Form.Item>
          <Form.Item name="conductComment" label="评价说明">
            <Input />
          </Form.Item>
          <Form.Item name="suggestions" label="对执法机关的建议及需要帮助解决的问题">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Flex gap={8} wrap>
            <Form.Item name="signedBy" label="回访对象签名" rules={[{ required: true }]} style={{ flex: "1 1 140px" }}>
              <Input />
            </Form.Item>
            <Form.Item name="phone" label="联系电话" style={{ flex: "1 1 140px" }}>
              <Input inputMode="tel" />
            </Form.Item>
          </Flex>
          <Button htmlType="submit" block loading={busy}>
            记录回访
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
