// 法律法规库: the laws with version and validity, and a search over provision texts.
import { Card, Input, List, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import PageContainer from "../../components/PageContainer";
import { listLaws, searchProvisions, type LawSummary, type ProvisionHit } from "../../services/laws";

const statusColor: Record<string, string> = { 现行有效: "green", 已修订: "orange", 已废止: "red" };

export default function LawsPage() {
  const [laws, setLaws] = useState<LawSummary[]>([]);
  const [hits, setHits] = useState<ProvisionHit[] | null>(null);
  useEffect(() => {
    void listLaws().then(
      (r) => setLaws(r.items),
      () => setLaws([]),
    );
  }, []);
  return (
    <PageContainer title="法律法规库" description="清单依据所引用的法律法规，逐条可查；可按文字或条号检索，如“初次违法”“行政处罚法第三十三条”。">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="检索条文"
          enterButton="检索"
          allowClear
          onSearch={(q) => (q.trim() ? void searchProvisions(q).then((r) => setHits(r.items)) : setHits(null))}
        />
        {hits ? (
          <List
            size="small"
            style={{ marginTop: 8 }}
            locale={{ emptyText: "没有找到相关条文" }}
            dataSource={hits}
            renderItem={(h) => (
              <List.Item>
                <div>
                  <Link to={`/laws/${encodeURIComponent(h.lawId)}?article=${h.citation.article}`}>{h.label}</Link>
                  <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
                    {h.text}
                  </Typography.Paragraph>
                </div>
              </List.Item>
            )}
          />
        ) : null}
      </Card>
      <Card size="small">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={laws}
          columns={[
            { title: "名称", render: (_, l) => <Link to={`/laws/${encodeURIComponent(l.id)}`}>{l.title}</Link> },
            { title: "版本", dataIndex: "versionDate", width: 120 },
            { title: "时效性", dataIndex: "status", width: 100, render: (s: string) => <Tag color={statusColor[s]}>{s}</Tag> },
            { title: "条数", dataIndex: "articles", width: 80, responsive: ["sm"] },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
