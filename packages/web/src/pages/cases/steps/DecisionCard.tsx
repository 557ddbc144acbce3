// 研判建议: the engine's proposal with its reasons, legal basis, fine range, open questions and the
// trace of the rules it checked.
import { Alert, Card, Collapse, List, Space, Tag, Typography } from "antd";
import { decisionDocumentLabels, type Decision } from "@kuanyan/domain/decisions";
import { softMethodLabels } from "@kuanyan/domain/measures";

/** `inEvaluation`: the case is still at 研判 (open questions can still be answered). */
export default function DecisionCard({ decision, inEvaluation = true }: { decision: Decision; inEvaluation?: boolean }) {
  const color = decision.outcome === "no_penalty" || decision.outcome === "may_waive" ? "green" : decision.outcome === "heavier" ? "red" : "blue";
  return (
    <Card title="研判建议" size="small" className="ky-decision">
      <Space orientation="vertical" style={{ width: "100%" }}>
        <div>
          <Tag color={color} style={{ fontSize: 16, padding: "4px 10px" }} data-testid="proposed-outcome">
            {decision.outcomeLabel}
          </Tag>
          {decision.firm ? <Tag>结论确定</Tag> : <Tag color="warning">尚有待确认的问题</Tag>}
        </div>
        {decision.listItem ? (
          <Typography.Text>
            适用清单：{decision.listItem.listTitle}（第{decision.listItem.version}版）第{decision.listItem.seq}项
            {decision.listItem.claimed ? <Tag style={{ marginLeft: 4 }}>认领</Tag> : null}
          </Typography.Text>
        ) : null}
        <div>
          <Typography.Text strong>理由</Typography.Text>
          <ul style={{ margin: "4px 0", paddingLeft: 20 }}>
            {decision.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
        <div>
          <Typography.Text strong>法律依据</Typography.Text>
          {decision.basis.map((b) => (
            <Typography.Paragraph key={b.cited + (b.part ?? "")} style={{ margin: "4px 0", fontSize: 13 }}>
              <Typography.Text strong>
                {b.cited}
                {b.part ?? ""}
              </Typography.Text>{" "}
              {b.text}
            </Typography.Paragraph>
          ))}
          {decision.policyBasis.map((p) => (
            <Typography.Paragraph key={p.document + p.section} type="secondary" style={{ margin: "4px 0", fontSize: 13 }}>
              {p.document} {p.section}：{p.text}
            </Typography.Paragraph>
          ))}
        </div>
        {decision.fine ? (
          <Alert type="info" showIcon title={`罚款幅度 ${decision.fine.minYuan}–${decision.fine.maxYuan} 元`} description={decision.fine.guidance} />
        ) : null}
        {decision.questions.length ? (
          <Alert
            type="warning"
            showIcon
            title={
              inEvaluation
                ? `研判尚未完成：还有 ${decision.questions.length} 个待确认的问题，回答后重新研判才能采纳建议`
                : `研判时尚有 ${decision.questions.length} 个问题未确认`
            }
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {decision.questions.map((q) => (
                  <li key={q.key}>{q.text}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {decision.measures.length ? (
          <Typography.Text>配套监管措施：{decision.measures.map((m) => softMethodLabels[m]).join("、")}</Typography.Text>
        ) : null}
        {decision.documents.length ? (
          <Typography.Text>所需文书：{decision.documents.map((d) => decisionDocumentLabels[d]).join("、")}</Typography.Text>
        ) : null}
        <Collapse
          size="small"
          items={[
            {
              key: "trace",
              label: "规则核对过程",
              children: (
                <List
                  size="small"
                  dataSource={decision.trace}
                  renderItem={(r) => (
                    <List.Item>
                      <div style={{ width: "100%" }}>
                        <Typography.Text strong={r.applied}>{r.label}</Typography.Text>{" "}
                        <Tag color={r.result === "held" ? "green" : r.result === "failed" ? "default" : "orange"}>
                          {r.result === "held" ? "满足" : r.result === "failed" ? "不满足" : "待确认"}
                        </Tag>
                        {r.skipped ? <Typography.Text type="secondary">{r.skipped}</Typography.Text> : null}
                        {r.conditions.map((c) => (
                          <div key={c.description} style={{ fontSize: 12, color: "#666" }}>
                            · {c.description}：{c.resultLabel}
                          </div>
                        ))}
                      </div>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
