import { Card, Col, Descriptions, Row, Tag, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useAuth, useMe } from "../../auth/AuthContext";
import { appRoutes } from "../../config/routes";
import { ROLE_COLORS, ROLE_LABELS } from "../../config/labels";
import PageContainer from "../../components/PageContainer";
import TodoCard from "./TodoCard";

const QUICK_LINK_HINTS: Record<string, string> = {
  "/lists": "柔性执法事项清单的编制、审核、备案与认领",
  "/cases": "依清单研判，轻微告诫改正，简易与普通程序",
  "/documents": "执法文书的生成、编号与送达",
  "/statistics": "柔性执法统计报表的填报与汇总",
  "/supervision": "双随机一公开、检查表与隐患整改",
  "/admin": "组织机构、用户与审计日志",
  "/profile": "查看个人信息，修改登录密码",
};

export default function HomePage() {
  const me = useMe();
  const { access } = useAuth();
  const navigate = useNavigate();
  const links = appRoutes.filter((r) => r.path !== "/" && !r.hideInMenu && (!r.access || access[r.access]));

  return (
    <PageContainer title="工作台" description={`欢迎您，${me.displayName}。`}>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <TodoCard />
        </Col>
        <Col xs={24} lg={10}>
          <Card title="我的信息">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{me.displayName}</Descriptions.Item>
              <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
              <Descriptions.Item label="所属单位">{me.organisation.name}</Descriptions.Item>
              <Descriptions.Item label="执法领域">{me.organisation.domain}</Descriptions.Item>
              <Descriptions.Item label="行政区划代码">{me.organisation.regionCode}</Descriptions.Item>
              <Descriptions.Item label="角色">
                {me.roles.map((r) => (
                  <Tag key={r} color={ROLE_COLORS[r]}>
                    {ROLE_LABELS[r] ?? r}
                  </Tag>
                ))}
              </Descriptions.Item>
              {me.licenceNo ? <Descriptions.Item label="执法证号">{me.licenceNo}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="快捷入口">
            <Row gutter={[12, 12]}>
              {links.map((r) => (
                <Col xs={24} sm={12} key={r.path}>
                  <Card
                    size="small"
                    hoverable
                    onClick={() => navigate(r.path)}
                    role="link"
                    aria-label={r.name}
                    tabIndex={0}
                    onKeyDown={(e) => {
                      if (e.key === "Enter") navigate(r.path);
                    }}
                  >
                    <Card.Meta
                      avatar={<span style={{ fontSize: 20, color: "#1677ff" }}>{r.icon}</span>}
                      title={r.name}
                      description={<Typography.Text type="secondary">{QUICK_LINK_HINTS[r.path] ?? ""}</Typography.Text>}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
