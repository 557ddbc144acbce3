// 证据: the files on the case (with their SHA-256) and, while the case is open, uploading photos/files.
import { App, Card, Empty, List, Typography } from "antd";
import { readFileBase64 } from "../../../services/cases";
import type { StepProps } from "./context";

export default function EvidencePanel({ file, run, can }: StepProps) {
  const { message } = App.useApp();
  const c = file.case;

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    for (const f of Array.from(files)) {
      if (f.size > 10 * 1024 * 1024) {
        message.error(`${f.name}：证据文件不得超过 10 MB`);
        continue;
      }
      await run("evidence", { fileName: f.name, contentBase64: await readFileBase64(f) }, `已上传：${f.name}`);
    }
  }

  return (
    <Card
      title={`证据（${file.evidence.length}）`}
      size="small"
      extra={
        can("uploadEvidence") ? (
          <label className="ant-btn ant-btn-default ant-btn-sm" style={{ cursor: "pointer" }}>
            上传照片/文件
            <input
              type="file"
              multiple
              accept="image/*,application/pdf,.docx,.xlsx,video/mp4,audio/mpeg"
              hidden
              onChange={(e) => void upload(e.target.files)}
              aria-label="上传证据"
            />
          </label>
        ) : null
      }
    >
      {file.evidence.length ? (
        <List
          size="small"
          dataSource={file.evidence}
          renderItem={(e) => (
            <List.Item>
              <a href={`/api/v1/cases/${c.id}/evidence/${e.id}`}>{e.fileName}</a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {(e.size / 1024).toFixed(1)} KB · SHA-256 {e.sha256.slice(0, 12)}…
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无证据" />
      )}
    </Card>
  );
}
