// 我的待办: the to-do list of the user per role (GET /api/v1/home/todo). Each entry links to its record;
// each section to the page with the full list. One column on a phone, the same entries on a desktop.
import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Badge, Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { roleLabels } from "@kuanyan/domain/organisations";
import { getTodo, type Todo, type TodoItem, type TodoSection } from "../../services/home";

function Due({ item }: { item: TodoItem }) {
  if (!item.dueOn) return null;
  if (item.overdue)
    return (
      <Typography.Text type="danger">
        期限 {item.dueOn}，已逾期 {item.daysLate} 天
      </Typography.Text>
    );
  return <Typography.Text type="secondary">期限 {item.dueOn}</Typography.Text>;
}

/** Entries shown per section on the home page; the rest behind 查看全部. */
const shown = 5;

function Section({ section }: { section: TodoSection }) {
  const items = section.items.slice(0, shown);
  const more = section.count - items.length;
  return (
    <section aria-label={section.title} style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {section.title} <Badge count={section.count} showZero color={section.count ? "#1677ff" : "#bfbfbf"} />
          {section.overdue ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              逾期 {section.overdue}
            </Tag>
          ) : null}
        </Typography.Title>
        <Typography.Text type="secondary">
          {roleLabels[section.role]} · <Link to={section.link}>查看全部</Link>
        </Typography.Text>
      </Flex>
      {items.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
          暂无待办
        </Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <Flex vertical gap={2} style={{ minWidth: 0, width: "100%" }}>
                <Flex gap={8} align="baseline" wrap>
                  <Tag color={item.overdue ? "red" : "blue"}>{item.label}</Tag>
                  <Link to={item.link} style={{ wordBreak: "break-all" }}>
                    {item.title}
                  </Link>
                </Flex>
                <Typography.Text type="secondary" style={{ wordBreak: "break-all" }}>
                  {item.detail}
                </Typography.Text>
                <Due item={item} />
              </Flex>
            </List.Item>
          )}
          footer={more > 0 ? <Link to={section.link}>还有 {more} 项，查看全部</Link> : undefined}
        />
      )}
    </section>
  );
}

export default function TodoCard() {
  const [data, setData] = useState<Todo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = () => {
    setLoading(true);
    setError(null);
    getTodo()
      .then(setData)
      .catch((e: Error) => setError(e.message))
      .finally(() => setLoading(false));
  };
  useEffect(() => {
    getTodo()
      .then(setData)
      .catch((e: Error) => setError(e.message))
      .finally(() => setLoading(false));
  }, []);

  return (
    <Card
      title="我的待办"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={load} loading={loading} aria-label="刷新待办">
          刷新
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon message={`待办加载失败：${error}`} /> : null}
      {!data && !error ? <Skeleton active /> : null}
      {data ? (
        <>
          <Typography.Paragraph type="secondary">
            今天 {data.today}；{data.horizon} 前到期的期限计入待办。
          </Typography.Paragraph>
          {data.sections.length === 0 ? <Empty description="您的角色没有待办事项" /> : data.sections.map((s) => <Section key={s.key} section={s} />)}
        </>
      ) : null}
    </Card>
  );
}
