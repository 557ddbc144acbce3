import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";

export function Forbidden() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的角色没有访问此页面的权限。如需开通，请联系本单位管理员。"
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          返回工作台
        </Button>
      }
    />
  );
}

export function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          返回工作台
        </Button>
      }
    />
  );
}
