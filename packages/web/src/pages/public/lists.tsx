// 公开查询: every organisation's current published lists, no login, readable on a phone.
import { Card, Collapse, ConfigProvider, Empty, Input, Space, Spin, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { publicLists, type PublicList } from "../../services/lists";

export default function PublicListsPage() {
  const [q, setQ] = useState("");
  const [data, setData] = useState<PublicList[] | null>(null);
  // A new query shows the spinner until its answer arrives (adjusted while rendering, not in the effect).
  const [dataQuery, setDataQuery] = useState(q);
  if (dataQuery !== q) {
    setDataQuery(q);
    setData(null);
  }
  useEffect(() => {
    document.title = "柔性执法事项清单公开查询";
    void publicLists(q || undefined).then(
      (r) => setData(r.items),
      () => setData([]),
    );
  }, [q]);
  return (
    <ConfigProvider theme={{ token: { fontSize: 15 } }}>
      <div style={{ maxWidth: 960, margin: "0 auto", padding: "16px 12px 40px" }}>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          柔性执法事项清单公开查询
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          依据《中华人民共和国行政处罚法》第三十四条等规定向社会公开。以下为各行政执法机关现行有效的不予处罚、减轻处罚、从轻处罚、不予行政强制及从重处罚事项清单。
        </Typography.Paragraph>
        <Input.Search
          placeholder="按事项名称查询，如“应急预案”"
          allowClear
          enterButton="查询"
          size="large"
          onSearch={(v) => setQ(v.trim())}
          style={{ marginBottom: 16 }}
        />
        {data === null ? (
          <Spin style={{ display: "block", margin: "10vh auto" }} />
        ) : data.length === 0 ? (
          <Empty description={q ? `没有找到包含“${q}”的事项` : "暂无公开的清单"} />
        ) : (
          <Space direction="vertical" style={{ width: "100%" }} size={12}>
            {data.map((l) => (
              <Card key={l.versionId} size="small" title={<span style={{ whiteSpace: "normal" }}>{l.title}</span>} data-testid="public-list">
                <Space wrap size={4} style={{ marginBottom: 8 }}>
                  <Tag color="blue">{l.typeLabel}</Tag>
                  <Tag>{l.organisationName}</Tag>
                  <Typography.Text type="secondary">
                    {l.effectiveFrom} 起施行 · 第{l.versionNo}版 · 共{l.itemCount}项
                  </Typography.Text>
                </Space>
                {l.items.length ? (
                  <Collapse
                    size="small"
                    items={l.items.map((i) => ({
                      key: i.seq,
                      label: (
                        <span data-testid="public-item">
                          {i.seq}. {i.matterName}
                        </span>
                      ),
                      children: (
                        <div>
                          <Typography.Paragraph>
                            <Typography.Text strong>情形：</Typography.Text>
                            {i.circumstances}
                          </Typography.Paragraph>
                          <Typography.Paragraph>
                            <Typography.Text strong>依据：</Typography.Text>
                            {i.basis.join("、") || i.basisText}
                          </Typography.Paragraph>
                          <Typography.Paragraph style={{ marginBottom: 0 }}>
                            <Typography.Text strong>配套监管措施：</Typography.Text>
                            {i.measures.join("、")}
                          </Typography.Paragraph>
                          {i.remarks ? <Typography.Paragraph>备注：{i.remarks}</Typography.Paragraph> : null}
                        </div>
                      ),
                    }))}
                  />
                ) : null}
                {l.notes ? (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                    说明：{l.notes}
                  </Typography.Paragraph>
                ) : null}
              </Card>
            ))}
          </Space>
        )}
      </div>
    </ConfigProvider>
  );
}
