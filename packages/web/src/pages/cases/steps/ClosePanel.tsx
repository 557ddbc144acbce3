// 办结归档: what still stands in the way (with a button to issue each missing document), then archiving —
// confirmed first, saying what the lock means, because a closed case is changed only by reopening it.
import { Alert, App, Button, Card, Flex, Typography } from "antd";
import { Link } from "react-router-dom";
import { decisionDocumentLabels, type DecisionDocumentType } from "@kuanyan/domain/decisions";
import type { StepProps } from "./context";

/** What archiving locks (shown before and in the confirmation). */
export const archiveLocks = ["不能再记录柔性执法措施、复查和回访", "不能再上传证据、签发文书", "更正须说明理由重新打开案件，重新打开记入全过程记录"];

export default function ClosePanel({ file, busy, run }: StepProps) {
  const { modal } = App.useApp();
  const c = file.case;
  const missing = file.documentsChecked
    ? file.requiredDocuments.filter((t) => !file.documents.some((d) => d.type === t && d.status !== "cancelled"))
    : [];
  const blocked = file.closeProblems.length > 0;

  function confirmClose() {
    modal.confirm({
      title: "确认办结归档？",
      content: (
        <div>
          <Typography.Paragraph style={{ marginBottom: 4 }}>归档后案件{c.caseNo}锁定：</Typography.Paragraph>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {archiveLocks.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      ),
      okText: "归档并锁定",
      cancelText: "取消",
      onOk: () => run("close", {}, "已办结归档"),
    });
  }

  return (
    <Card title="办结归档" size="small">
      {blocked ? (
        <Alert
          type="warning"
          showIcon
          title="尚不能归档"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {file.closeProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {missing.length ? (
        <Flex vertical gap={8} style={{ marginBottom: 8 }}>
          {missing.map((t) => (
            <Link key={t} to={`/documents?caseId=${c.id}&issue=${t}`}>
              <Button block>签发{decisionDocumentLabels[t as DecisionDocumentType] ?? t}</Button>
            </Link>
          ))}
        </Flex>
      ) : null}
      {blocked ? null : <Typography.Paragraph type="secondary">归档后案件锁定：{archiveLocks.join("；")}。</Typography.Paragraph>}
      <Button type="primary" size="large" block loading={busy} disabled={blocked} onClick={confirmClose}>
        办结归档
      </Button>
    </Card>
  );
}
