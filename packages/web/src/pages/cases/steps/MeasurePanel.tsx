// 柔性执法措施: record a soft-enforcement measure with its written record (每项措施都须有书面记录).
import { Button, Card, Flex, Form, Input, InputNumber, Select } from "antd";
import { softMethodLabels, softMethods, type SoftMethod } from "@kuanyan/domain/measures";
import type { StepProps } from "./context";

export default function MeasurePanel({ file, busy, run, today }: StepProps) {
  const c = file.case;
  const decision = c.decision;
  return (
    <Card title="柔性执法措施" size="small">
      <Form
        key={`measure-${c.lockVersion}`}
        layout="vertical"
        initialValues={{
          carriedOutOn: today,
          method: decision?.measures.includes("administrativeWarning") || c.decidedOutcome === "no_penalty" ? "administrativeWarning" : undefined,
        }}
        onFinish={(v) =>
          void run(
            "measures",
            { method: v.method, carriedOutOn: v.carriedOutOn, writtenRecord: v.writtenRecord, persons: v.persons ?? undefined },
            "措施已记录",
          )
        }
      >
        <Form.Item name="method" label="方式" rules={[{ required: true, message: "请选择方式" }]}>
          <Select options={softMethods.filter((m) => m !== "followUpVisit").map((m: SoftMethod) => ({ label: softMethodLabels[m], value: m }))} />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="carriedOutOn" label="实施日期" rules={[{ required: true }]} style={{ flex: 2 }}>
            <Input type="date" max={today} />
          </Form.Item>
          <Form.Item name="persons" label="人次" style={{ flex: 1 }}>
            <InputNumber min={1} style={{ width: "100%" }} />
          </Form.Item>
        </Flex>
        <Form.Item name="writtenRecord" label="书面记录" rules={[{ required: true, message: "每项措施都须有书面记录" }]}>
          <Input.TextArea rows={3} placeholder="措施的内容、对象和结果" />
        </Form.Item>
        <Button htmlType="submit" block loading={busy}>
          记录措施
        </Button>
      </Form>
    </Card>
  );
}
