import { Card, Empty, Typography } from "antd";
import type { ReactNode } from "react";
import PageContainer from "./PageContainer";

export interface ModulePlaceholderProps {
  title: string;
  description: ReactNode;
  /** What the module will offer, one line each. */
  features: string[];
  children?: ReactNode;
}

/** Stand-in page for a module that is still being built: says what will be here. */
export default function ModulePlaceholder({ title, description, features, children }: ModulePlaceholderProps) {
  return (
    <PageContainer title={title} description={description}>
      <Card>
        <Empty description={<Typography.Text>本模块正在建设中，即将上线。</Typography.Text>} />
        <Typography.Title level={5}>规划功能</Typography.Title>
        <ul className="ky-feature-list">
          {features.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        {children}
      </Card>
    </PageContainer>
  );
}
