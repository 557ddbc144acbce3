import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

export interface PageContainerProps {
  title: ReactNode;
  /** One line under the title. */
  description?: ReactNode;
  /** Buttons on the right of the title (they wrap under it on a phone). */
  extra?: ReactNode;
  children?: ReactNode;
}

/** The frame of every page: a heading, an optional description and actions, then the content. */
export default function PageContainer({ title, description, extra, children }: PageContainerProps) {
  return (
    <div className="ky-page">
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {description ? (
            <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
              {description}
            </Typography.Paragraph>
          ) : null}
        </div>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {children}
    </div>
  );
}
