// 案卷: the measures (a measure recorded in error is cancelled with its reason), reinspections and
// follow-ups, the documents, and the 全过程记录 — the case's own events and the issuing and delivery of
// its documents.
import { Button, Card, Form, Input, List, Modal, Tag, Timeline, Typography } from "antd";
import { formatDateTime } from "../../../utils/time";
import { useState } from "react";
import { decisionDocumentLabels, type DecisionDocumentType } from "@kuanyan/domain/decisions";
import { DOCUMENT_TYPE_LABELS, type DocumentType } from "@kuanyan/domain/documents";
import { softMethodLabels, type SoftMethod } from "@kuanyan/domain/measures";
import type { CaseFile } from "../../../services/cases";
import type { StepProps } from "./context";

const actionLabels: Record<string, string> = {
  "case.opened": "登记案件",
  "case.evidence_uploaded": "上传证据",
  "case.evaluated": "决策引擎研判",
  "case.decided": "采纳研判建议，作出处理决定",
  "case.decided_with_departure": "不采纳研判建议，说明理由后作出处理决定",
  "case.party_accepted_soft": "当事人接受柔性执法",
  "case.party_chose_ordinary": "当事人要求适用普通程序",
  "case.soft_enforcement_terminated": "终止柔性执法",
  "case.route_set": "选择办理程序",
  "case.review_approved": "法制审核通过",
  "case.review_returned": "法制审核退回",
  "case.measure_recorded": "记录柔性执法措施",
  "case.correction_ordered": "责令限期改正",
  "case.reinspected": "复查",
  "case.follow_up_scheduled": "安排回访",
  "case.follow_up_recorded": "回访（登记表）",
  "case.closed": "办结归档",
  "case.reopened": "重新打开",
  "case.cancelled": "撤销立案（作废）",
  "case.measure_cancelled": "撤销误录的措施",
  "document.issued": "文书签发",
  "document.delivered": "文书送达",
  "document.cancelled": "文书作废",
};

type TimelineEvent = CaseFile["timeline"][number];

/** An empty list's text, dark enough to read (antd's own grey is below WCAG 2.1 AA's 4.5:1). */
const none = <span style={{ color: "#595959" }}>暂无</span>;

/** "文书签发：行政告诫书 明溪应急告〔2026〕3号" — a document event names the document. */
export function timelineTitle(e: TimelineEvent): string {
  const label = actionLabels[e.action] ?? e.action;
  if (!e.action.startsWith("document.") || !e.after) return label;
  const a = e.after as { type?: string | null; number?: string | null; refused?: boolean | null };
  const type = a.type ? (DOCUMENT_TYPE_LABELS[a.type as DocumentType] ?? decisionDocumentLabels[a.type as DecisionDocumentType] ?? a.type) : "";
  const what = [type, a.number].filter(Boolean).join(" ");
  return `${label}${what ? `：${what}` : ""}${e.action === "document.delivered" && a.refused ? "（拒绝签收，留置送达）" : ""}`;
}

export default function CaseRecordPanel({ file, busy, run, can }: StepProps) {
  const [cancelling, setCancelling] = useState<CaseFile["measures"][number] | null>(null);
  const [cancelForm] = Form.useForm();
  return (
    <Card title="案卷" size="small">
      <Typography.Title level={5}>柔性执法措施</Typography.Title>
      <List
        size="small"
        locale={{ emptyText: none }}
        dataSource={file.measures}
        renderItem={(m) => (
          <List.Item
            actions={
              can("cancelMeasure") && !m.cancelled
                ? [
                    <Button key="cancel" type="link" size="small" onClick={() => setCancelling(m)}>
                      撤销
                    </Button>,
                  ]
                : undefined
            }
          >
            <div style={m.cancelled ? { color: "#999", textDecoration: "line-through" } : undefined}>
              <Tag>{softMethodLabels[m.method as SoftMethod] ?? m.method}</Tag>
              {m.cancelled ? <Tag color="default">已撤销</Tag> : null}
              {m.carriedOutOn}
              <div style={{ whiteSpace: "pre-wrap", fontSize: 13 }}>{m.writtenRecord}</div>
            </div>
          </List.Item>
        )}
      />
      <Typography.Title level={5}>复查与回访</Typography.Title>
      <List
        size="small"
        locale={{ emptyText: none }}
        dataSource={file.tasks}
        renderItem={(t) => (
          <List.Item>
            {t.kind === "reinspection" ? "复查" : "回访"} · 期限 {t.dueOn} ·{" "}
            {t.doneOn ? `已完成 ${t.doneOn}` : t.overdue ? <Tag color="red">已逾期</Tag> : "待完成"}
          </List.Item>
        )}
      />
      <Typography.Title level={5}>文书</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        所需文书：{file.requiredDocuments.map((d) => decisionDocumentLabels[d as DecisionDocumentType] ?? d).join("、") || "无"}；已出具：
        {file.documents.map((d) => `${decisionDocumentLabels[d.type as DecisionDocumentType] ?? d.type} ${d.number}`).join("、") || "无"}
      </Typography.Paragraph>
      <Typography.Title level={5}>全过程记录</Typography.Title>
      <Timeline
        className="ky-case-timeline"
        items={file.timeline.map((e) => ({
          key: e.id,
          children: (
            <div>
              <Typography.Text strong>{timelineTitle(e)}</Typography.Text>
              <div style={{ fontSize: 12, color: "#666" }}>
                {formatDateTime(e.at)} · {e.actorName}
              </div>
            </div>
          ),
        }))}
      />
      <Modal
        title={
          cancelling ? `撤销误录的措施：${softMethodLabels[cancelling.method as SoftMethod] ?? cancelling.method}（${cancelling.carriedOutOn}）` : ""
        }
        open={cancelling !== null}
        okText="撤销措施"
        okButtonProps={{ danger: true, loading: busy }}
        cancelText="取消"
        destroyOnHidden
        onCancel={() => setCancelling(null)}
        onOk={() => cancelForm.submit()}
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          撤销后该措施保留在案卷中并标明“已撤销”，不再计入统计报表。
        </Typography.Paragraph>
        <Form
          form={cancelForm}
          layout="vertical"
          preserve={false}
          onFinish={async (v) => {
            if (cancelling && (await run("measure-cancellations", { measureId: cancelling.id, reason: v.reason }, "已撤销该措施")))
              setCancelling(null);
          }}
        >
          <Form.Item name="reason" label="撤销理由" rules={[{ required: true, min: 5, message: "请说明撤销理由（不少于5个字）" }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
