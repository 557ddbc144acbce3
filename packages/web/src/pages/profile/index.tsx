import { App, Button, Card, Col, Descriptions, Form, Input, Row, Tag } from "antd";
import { useState } from "react";
import { useMe } from "../../auth/AuthContext";
import PageContainer from "../../components/PageContainer";
import { PASSWORD_HINT, passwordRules } from "../../components/passwordRules";
import { ROLE_COLORS, ROLE_LABELS } from "../../config/labels";
import { changePassword } from "../../services/auth";
import { ApiError, fieldErrors } from "../../services/request";

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ProfilePage() {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: PasswordForm) => {
    setSaving(true);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      message.success("密码已修改，其他设备上的登录已全部退出；下次登录请使用新密码");
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length > 0) form.setFields(fields as never);
      message.error(e instanceof ApiError ? e.message : "修改密码失败");
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title="个人中心" description="查看个人信息，修改登录密码。">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="个人信息">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{me.displayName}</Descriptions.Item>
              <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
              <Descriptions.Item label="所属单位">{me.organisation.name}</Descriptions.Item>
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
        <Col xs={24} lg={12}>
          <Card title="修改密码">
            <Form<PasswordForm> name="changePassword" form={form} layout="vertical" onFinish={onFinish} autoComplete="off">
              <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: "请输入当前密码" }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item label="新密码" name="newPassword" extra={PASSWORD_HINT} rules={passwordRules("请输入新密码")}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                label="确认新密码"
                name="confirmPassword"
                dependencies={["newPassword"]}
                rules={[
                  { required: true, message: "请再次输入新密码" },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value) =>
                      !value || value === getFieldValue("newPassword") ? Promise.resolve() : Promise.reject(new Error("两次输入的新密码不一致")),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                修改密码
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
