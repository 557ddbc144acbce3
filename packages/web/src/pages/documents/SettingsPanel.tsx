// 编号与印章: the organisation's number pattern (e.g. {org}{type}〔{year}〕{seq}号 → 明溪应急告〔2026〕3号)
// and its electronic seal (PNG/JPEG, ≤ 1 MB).
import { Alert, App, Button, Card, Col, Form, Image, Input, Row, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../../services/request";
import { fileToBase64, getSettings, saveNumberPattern, sealUrl, uploadSeal, type DocumentSettings } from "../../services/documents";
import { yearInChina } from "../../utils/time";

export default function SettingsPanel() {
  const { message } = App.useApp();
  const [settings, setSettings] = useState<DocumentSettings>();
  // Editing only when the server allows 文书设置 for the organisation.
  const canEdit = !!settings?.allowedActions.includes("settings");
  const [pattern, setPattern] = useState("");
  const [error, setError] = useState<string>();
  const [sealError, setSealError] = useState<string>();
  const [sealVersion, setSealVersion] = useState(0);

  const load = () =>
    getSettings().then(
      (s) => {
        setSettings(s);
        setPattern(s.numberPattern);
      },
      () => undefined,
    );
  useEffect(() => {
    void load();
  }, []);

  const save = async () => {
    if (!settings) return;
    setError(undefined);
    try {
      await saveNumberPattern(pattern, settings.version);
      message.success("编号格式已保存");
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "保存失败");
    }
  };

  const upload = async (file: File) => {
    setSealError(undefined);
    try {
      await uploadSeal(await fileToBase64(file));
      message.success("电子印章已上传，此后签发的文书将加盖此印章");
      setSealVersion((v) => v + 1);
      await load();
    } catch (e) {
      setSealError(e instanceof ApiError ? e.message : "上传失败");
    }
    return false;
  };

  const example = pattern
    .replace("{org}", settings?.orgShort ?? "")
    .replace("{type}", "告")
    .replace("{year}", String(yearInChina()))
    .replace(/\{seq(?::(\d))?\}/, (_m, n?: string) => (n ? "3".padStart(Number(n), "0") : "3"));

  return (
    <Row gutter={[16, 16]}>
      {settings?.publicUrl && !settings.publicUrl.configured && (
        <Col span={24}>
          <Alert
            type="warning"
            showIcon
            title="文书二维码的核验网址未设置"
            description={`${settings.publicUrl.warning ?? ""}（现在签发的文书二维码将指向 ${settings.publicUrl.verificationBase}）`}
          />
        </Col>
      )}
      <Col xs={24} md={12}>
        <Card size="small" title="文书编号格式">
          <Form layout="vertical">
            <Form.Item
              label="编号格式"
              extra="占位符：{org} 单位简称、{type} 文书种类简称、{year} 年份、{seq} 序号（{seq:3} 补零到 3 位）。编号按单位、文书种类、年度连续编排，作废文书保留编号。"
            >
              <Input value={pattern} onChange={(e) => setPattern(e.target.value)} disabled={!canEdit} />
            </Form.Item>
            <Typography.Paragraph>示例：{example}</Typography.Paragraph>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            {canEdit && (
              <Button type="primary" onClick={save}>
                保存
              </Button>
            )}
          </Form>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="电子印章">
          {settings?.seal ? (
            <Image width={160} src={`${sealUrl()}${sealUrl().includes("?") ? "&" : "?"}v=${sealVersion}`} alt="电子印章" />
          ) : (
            <Typography.Paragraph type="secondary">尚未上传电子印章：文书落款处印“（印章）”字样，打印后加盖实物印章。</Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary">
            PNG（建议透明背景）或 JPEG，不超过 1 MB。可靠的电子签名与手写签名或者盖章具有同等的法律效力（电子签名法第十四条）。
          </Typography.Paragraph>
          {sealError && <Alert type="error" showIcon title={sealError} style={{ marginBottom: 12 }} />}
          {canEdit && (
            <Upload accept="image/png,image/jpeg" showUploadList={false} beforeUpload={(f) => upload(f as unknown as File)}>
              <Button>上传电子印章</Button>
            </Upload>
          )}
        </Card>
      </Col>
    </Row>
  );
}
