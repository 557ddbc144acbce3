// 质量检查 results of a version: errors block publication, warnings need a reason.
import { Alert, Tag } from "antd";
import type { QualityFinding } from "@kuanyan/domain/lists";

export default function QualityPanel({ quality }: { quality: readonly QualityFinding[] }) {
  if (quality.length === 0) return <Alert type="success" showIcon message="质量检查通过：未发现问题" />;
  const errors = quality.filter((q) => q.severity === "error");
  const warnings = quality.filter((q) => q.severity === "warning");
  return (
    <Alert
      type={errors.length ? "error" : "warning"}
      showIcon
      message={`质量检查：${errors.length}个错误（须修改后才能发布），${warnings.length}个提示（发布时须说明理由）`}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {quality.map((q, i) => (
            <li key={i}>
              <Tag color={q.severity === "error" ? "red" : "orange"}>{q.severity === "error" ? "错误" : "提示"}</Tag>
              {q.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
