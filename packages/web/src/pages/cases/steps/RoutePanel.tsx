// 办理程序: 轻微告诫改正, 简易程序, 普通程序 (then 法制审核), 案件移送 or 疑难问题 (请示).
import { Alert, Button, Card, Form, Input, Select } from "antd";
import { routeLabels, type CaseRoute } from "../../../services/cases";
import type { StepProps } from "./context";

export default function RoutePanel({ file, busy, run }: StepProps) {
  const c = file.case;
  return (
    <Card title="办理程序" size="small">
      <Form
        layout="vertical"
        initialValues={{ route: c.route ?? undefined }}
        onFinish={(v) =>
          void run(
            "route",
            {
              route: v.route,
              ...(v.route === "transfer" ? { transfer: { reason: v.transferReason, receivingBody: v.receivingBody } } : {}),
              ...(v.route === "escalated" ? { escalation: { to: v.escalateTo, question: v.question } } : {}),
            },
            "已选择办理程序",
          )
        }
      >
        <Form.Item name="route" label="程序" rules={[{ required: true, message: "请选择" }]}>
          <Select options={(Object.keys(routeLabels) as CaseRoute[]).map((r) => ({ label: routeLabels[r], value: r }))} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {({ getFieldValue }) =>
            getFieldValue("route") === "transfer" ? (
              <>
                <Form.Item name="transferReason" label="移送原因" rules={[{ required: true }]}>
                  <Select
                    options={[
                      { label: "涉嫌犯罪（行刑衔接）", value: "suspected_crime" },
                      { label: "属于其他机关管辖", value: "other_agency" },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="receivingBody" label="接收单位" rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
              </>
            ) : getFieldValue("route") === "escalated" ? (
              <>
                <Form.Item name="escalateTo" label="请示对象" rules={[{ required: true }]}>
                  <Select
                    options={[
                      { label: "上级部门", value: "superior" },
                      { label: "法制机构", value: "legal_office" },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="question" label="疑难问题" rules={[{ required: true }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            ) : null
          }
        </Form.Item>
        <Button htmlType="submit" block loading={busy}>
          确定程序
        </Button>
      </Form>
      {c.route === "ordinary" ? (
        <Alert
          style={{ marginTop: 8 }}
          type={c.reviewStatus === "approved" ? "success" : "warning"}
          showIcon
          title={
            c.reviewStatus === "approved"
              ? `法制审核已通过（${c.review?.reviewerName}）`
              : c.reviewStatus === "returned"
                ? `法制审核退回：${c.review?.opinion}`
                : "等待法制审核（《行政处罚法》第五十八条）"
          }
        />
      ) : null}
    </Card>
  );
}
