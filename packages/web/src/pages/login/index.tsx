import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { useAuth } from "../../auth/AuthContext";
import { PRODUCT_NAME } from "../../config/labels";
import { ApiError } from "../../services/request";

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login. */
function safeRedirect(target: string | null): string {
  return target && target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/login") ? target : "/";
}

export default function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const redirect = safeRedirect(params.get("redirect"));

  if (user) return <Navigate to={redirect} replace />;

  const onFinish = async (values: LoginForm) => {
    setError(null);
    setSubmitting(true);
    try {
      await login(values.username.trim(), values.password);
      navigate(redirect, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "登录失败，请稍后重试");
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main className="ky-login">
      <Card className="ky-login-card">
        <div style={{ textAlign: "center", marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {PRODUCT_NAME}
          </Typography.Title>
          <Typography.Text type="secondary">包容审慎监管 · 宽严相济 · 法理相融</Typography.Text>
        </div>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          账号登录
        </Typography.Title>
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form<LoginForm> name="login" layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder="请输入用户名" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          连续多次输入错误密码，账号将被临时锁定。忘记密码请联系本单位管理员重置。
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
