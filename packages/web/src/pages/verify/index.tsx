// 文书核验 (public, no login, phone-readable): the document's type, number, issuing organisation, date
// and hash — never the party's personal data — and an upload to check that a file is unchanged.
import { Alert, Button, Card, Descriptions, Input, Result, Space, Spin, Tag, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../services/request";
import { compare, fileToBase64, verify, type CompareResult, type Verification } from "../../services/documents";

export default function VerifyPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const [info, setInfo] = useState<Verification>();
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<CompareResult>();
  const [checking, setChecking] = useState(false);
  const [input, setInput] = useState(code ?? "");

  // Another code: forget the previous one's answer (adjusted while rendering, not in the effect).
  const [shownCode, setShownCode] = useState(code);
  if (shownCode !== code) {
    setShownCode(code);
    setInfo(undefined);
    setResult(undefined);
    setError(undefined);
  }
  useEffect(() => {
    if (code) verify(code).then(setInfo, (e: unknown) => setError(e instanceof ApiError ? e.message : "核验失败"));
  }, [code]);

  const check = async (file: File) => {
    if (!code) return false;
    setChecking(true);
    try {
      setResult(await compare(code, await fileToBase64(file)));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "比对失败");
    } finally {
      setChecking(false);
    }
    return false;
  };

  return (
    <div style={{ maxWidth: 560, margin: "0 auto", padding: 16 }}>
      <Typography.Title level={3} style={{ textAlign: "center" }}>
        执法文书核验
      </Typography.Title>
      <Space.Compact style={{ width: "100%", marginBottom: 16 }}>
        <Input aria-label="核验码" placeholder="输入文书上的 8 位核验码" value={input} onChange={(e) => setInput(e.target.value.toUpperCase())} />
        <Button type="primary" onClick={() => input && navigate(`/verify/${input.trim()}`)}>
          核验
        </Button>
      </Space.Compact>
      {code && !info && !error && <Spin />}
      {error && <Alert type="error" showIcon title={error} />}
      {info && (
        <Card size="small">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="文书">{info.typeLabel}</Descriptions.Item>
            <Descriptions.Item label="编号">{info.number || "（无编号）"}</Descriptions.Item>
            <Descriptions.Item label="签发机关">{info.organisationName}</Descriptions.Item>
            <Descriptions.Item label="签发日期">{info.issuedOn}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={info.status === "issued" ? "green" : "red"}>{info.statusLabel}</Tag>
              {info.supersededByNumber && `（更正文书：${info.supersededByNumber}）`}
            </Descriptions.Item>
            <Descriptions.Item label="文件哈希（SHA-256）">
              <Typography.Text code style={{ wordBreak: "break-all", fontSize: 12 }}>
                {info.sha256}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 16 }}>上传您收到的 PDF 文件，核对是否与签发文件一致：</Typography.Paragraph>
          <Upload accept="application/pdf,.pdf" showUploadList={false} beforeUpload={(f) => check(f as unknown as File)}>
            <Button loading={checking}>上传文件比对</Button>
          </Upload>
          {result && (
            <Result
              status={result.unchanged ? "success" : "error"}
              title={result.unchanged ? "未被篡改" : "与签发文件不一致"}
              subTitle={result.message}
              style={{ padding: "16px 0 0" }}
            />
          )}
        </Card>
      )}
    </div>
  );
}
