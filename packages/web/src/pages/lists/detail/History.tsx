// 审核与评估记录 and 版本历史 of a list.
import { Card, List, Space, Tag, Timeline } from "antd";
import type { VersionDetail } from "../../../services/lists";
import { statusColor } from "../labels";

export default function History({ detail, onOpenVersion }: { detail: VersionDetail; onOpenVersion: (versionNo: number) => void }) {
  const v = detail.version;
  return (
    <>
      {v.reviews.length || v.evaluations.length ? (
        <Card size="small" title="审核与评估记录">
          <Timeline
            items={[
              ...v.reviews.map((r) => ({
                color: r.decision === "approved" ? "green" : "red",
                children: `${r.on} ${r.decision === "approved" ? "合法性审核通过" : "退回修改"}${r.comments ? `：${r.comments}` : ""}`,
              })),
              ...v.evaluations.map((e) => ({ color: "blue", children: `${e.on} 定期评估：${e.findings}` })),
            ]}
          />
        </Card>
      ) : null}
      <Card size="small" title="版本历史">
        <List
          size="small"
          dataSource={detail.versions}
          renderItem={(x) => (
            <List.Item>
              <Space wrap>
                <a onClick={() => onOpenVersion(x.versionNo)}>第{x.versionNo}版</a>
                <Tag color={statusColor(x.status)}>{x.statusLabel}</Tag>
                <span>
                  {x.effectiveFrom ? `${x.effectiveFrom} 起施行` : ""}
                  {x.effectiveTo ? `，${x.effectiveTo} 止` : ""}
                </span>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
