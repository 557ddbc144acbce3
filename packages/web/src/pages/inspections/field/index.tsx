// 今日检查: the inspections drawn to me (overdue first), phone first.
import { Alert, Card, Empty, List, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import PageContainer from "../../../components/PageContainer";
import { fieldApi, readQueue, startSync, type MyDay } from "../../../services/field";

export default function TodayPage() {
  const [day, setDay] = useState<MyDay | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    startSync(() => undefined);
    fieldApi
      .today()
      .then(setDay)
      .catch((e: Error) => setError(e.message));
  }, []);
  const pending = readQueue().length;
  return (
    <PageContainer title="今日检查">
      {pending > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`有${pending}项检查操作尚未同步，网络恢复后自动上传`} />}
      {error && <Alert type="error" showIcon message={error} />}
      {day && day.items.length === 0 && <Empty description="今天没有分配给您的检查" />}
      {day && day.items.length > 0 && (
        <List
          dataSource={day.items}
          renderItem={(i) => (
            <Card size="small" style={{ marginBottom: 12 }} data-testid="field-item">
              <Space direction="vertical" size={4} style={{ width: "100%" }}>
                <Link to={`/inspections/field/${i.id}`}>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {i.unitName}
                  </Typography.Text>
                </Link>
                <Typography.Text type="secondary">{i.address}</Typography.Text>
                <Space wrap>
                  <Tag color={i.status === "submitted" ? "green" : i.status === "started" ? "blue" : "default"}>{i.statusLabel}</Tag>
                  {i.overdue && <Tag color="red">逾期</Tag>}
                  {i.dueBy && <Typography.Text type="secondary">应于{i.dueBy}前完成</Typography.Text>}
                </Space>
                <Typography.Text type="secondary">执法人员：{i.inspectorNames.join("、")}</Typography.Text>
              </Space>
            </Card>
          )}
        />
      )}
    </PageContainer>
  );
}
