// One law: its chapters and articles; jump to an article; see which list items cite it.
import { Affix, Button, Card, Drawer, Flex, InputNumber, List, Select, Space, Spin, Tag, Typography } from "antd";
import { numberToChinese } from "@kuanyan/domain/laws";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import PageContainer from "../../components/PageContainer";
import { citingItems, getLaw, type CitingItem, type LawDetail } from "../../services/laws";

export default function LawDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [law, setLaw] = useState<LawDetail | null>(null);
  const [jump, setJump] = useState<number | null>(null);
  const [citing, setCiting] = useState<{ provision: string; items: CitingItem[] } | null>(null);
  const target = Number(params.get("article") ?? 0);

  useEffect(() => {
    void getLaw(id).then(setLaw, () => setLaw(null));
  }, [id]);

  useEffect(() => {
    if (!law || !target) return;
    const el = document.getElementById(`article-${target}`);
    if (el) el.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [law, target]);

  if (!law) return <Spin style={{ display: "block", margin: "20vh auto" }} />;
  const last = law.articles.at(-1)?.number ?? 0;

  const showCiting = (article: number) => void citingItems(law.id, article).then(setCiting);

  return (
    <PageContainer
      title={law.title}
      description={
        <Space wrap>
          <span>{law.versionDate} 版</span>
          <Tag color={law.status === "现行有效" ? "green" : "orange"}>{law.status}</Tag>
          <span>共{numberToChinese(last)}条</span>
        </Space>
      }
      extra={
        law.versions.length > 1 ? (
          <Select
            style={{ width: 200 }}
            value={law.id}
            onChange={(v) => navigate(`/laws/${encodeURIComponent(v)}`)}
            options={law.versions.map((v) => ({ value: v.id, label: `${v.versionDate}（${v.status}）` }))}
          />
        ) : null
      }
    >
      <Affix offsetTop={8}>
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex gap={8} wrap align="center">
            <span>跳转到第</span>
            <InputNumber
              aria-label="条号"
              min={1}
              max={last}
              value={jump}
              onChange={(v) => setJump(v)}
              onPressEnter={() => jump && setParams({ article: String(jump) })}
            />
            <span>条</span>
            <Button onClick={() => jump && setParams({ article: String(jump) })}>跳转</Button>
            <Select
              style={{ minWidth: 220 }}
              placeholder="按章浏览"
              onChange={(first: number) => setParams({ article: String(first) })}
              options={law.chapters.map((c) => ({ value: c.firstArticle, label: `第${numberToChinese(c.number)}章 ${c.title}` }))}
            />
            <Link to="/laws">返回法律法规库</Link>
          </Flex>
        </Card>
      </Affix>
      <Card size="small">
        {law.history.length ? (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: "pre-line" }}>
            {law.history.join("\n")}
          </Typography.Paragraph>
        ) : null}
        {law.articles.map((a) => {
          const chapter = law.chapters.find((c) => c.firstArticle === a.number);
          return (
            <div key={a.number}>
              {chapter ? (
                <Typography.Title level={5} style={{ textAlign: "center", marginTop: 16 }}>
                  第{numberToChinese(chapter.number)}章 {chapter.title}
                </Typography.Title>
              ) : null}
              <div
                id={`article-${a.number}`}
                style={{ padding: "6px 8px", background: a.number === target ? "#e6f4ff" : undefined, borderRadius: 6, scrollMarginTop: 80 }}
              >
                <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: "pre-line" }}>
                  <Typography.Text strong>第{numberToChinese(a.number)}条</Typography.Text> {a.text}
                </Typography.Paragraph>
                <Button size="small" type="link" style={{ padding: 0 }} onClick={() => showCiting(a.number)}>
                  引用本条的清单事项
                </Button>
              </div>
            </div>
          );
        })}
      </Card>
      <Drawer open={citing !== null} title={citing?.provision} width={Math.min(520, window.innerWidth)} onClose={() => setCiting(null)}>
        <List
          locale={{ emptyText: "没有已发布的清单事项引用本条" }}
          dataSource={citing?.items ?? []}
          renderItem={(i) => (
            <List.Item>
              <div>
                <Link to={`/lists/${i.listId}?version=${i.versionNo}`}>
                  {i.listTitle}（第{i.versionNo}版）第{i.seq}项
                </Link>
                <div>{i.matterName}</div>
                <Typography.Text type="secondary">
                  {i.organisationName} · {i.citations.join("、")}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      </Drawer>
    </PageContainer>
  );
}
