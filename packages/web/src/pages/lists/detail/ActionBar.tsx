// The controls of a list version: exactly the actions the server allows this user now
// (allowedActions: 保存 / 提交 / 导入 / 审核通过 / 退回 / 发布 / 备案 / 评估 / 修订 / 废止 / 认领), the exports,
// and the dialog that asks for comments, findings, reasons or the 施行日期.
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Modal } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { exportUrl, listAction, repealList, type ListActionPath, type ListVersionActionName, type VersionDetail } from "../../../services/lists";

type Field = "comments" | "findings" | "reason" | "warningReason";
interface Prompt {
  action: ListActionPath | "repeal";
  title: string;
  field?: Field;
  required?: boolean;
  withDate?: boolean;
}

const fieldLabels: Record<Field, string> = { comments: "审核意见", findings: "评估结果", reason: "废止理由", warningReason: "仍予发布的理由" };

export default function ActionBar({
  detail,
  dirty,
  saving,
  onSave,
  onImport,
  onDone,
  onBack,
}: {
  detail: VersionDetail;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  onImport: () => void;
  /** After an action: the version it addressed or created (修订 creates a new one). */
  onDone: (action: Prompt["action"], versionNo: number) => void;
  onBack: () => void;
}) {
  const { message } = App.useApp();
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const v = detail.version;
  const allowed = new Set<ListVersionActionName>(detail.allowedActions);

  const run = async (p: Prompt, values: Record<string, string | undefined>) => {
    setBusy(true);
    try {
      let versionNo = v.versionNo;
      if (p.action === "repeal") await repealList(detail.list.id, values.reason ?? "");
      else {
        const locked = !(p.action === "evaluations" || p.action === "revise" || p.action === "claim");
        versionNo = (await listAction(detail.list.id, v.versionNo, p.action, { ...values, lockVersion: locked ? v.lockVersion : undefined }))
          .versionNo;
      }
      message.success(p.action === "revise" ? `已新建第${versionNo}版草稿` : `${p.title}：已完成`);
      setPrompt(null);
      onDone(p.action, versionNo);
    } catch {
      // the request client shows the error
    } finally {
      setBusy(false);
    }
  };

  const ask = (p: Prompt) => {
    form.resetFields();
    setPrompt(p);
  };

  const buttons: React.ReactNode[] = [];
  if (allowed.has("edit")) {
    buttons.push(
      <Button key="save" type={dirty ? "primary" : "default"} loading={saving} onClick={onSave}>
        保存草稿
      </Button>,
    );
  }
  if (allowed.has("submit")) {
    buttons.push(
      <Button key="submit" disabled={dirty} onClick={() => void run({ action: "submit", title: "提交合法性审核" }, {})}>
        提交合法性审核
      </Button>,
    );
  }
  if (allowed.has("import")) {
    buttons.push(
      <Button key="import" icon={<UploadOutlined />} onClick={onImport}>
        导入
      </Button>,
    );
  }
  if (allowed.has("approve")) {
    buttons.push(
      <Button key="approve" type="primary" onClick={() => ask({ action: "approve", title: "合法性审核通过", field: "comments" })}>
        审核通过
      </Button>,
    );
  }
  if (allowed.has("return")) {
    buttons.push(
      <Button key="return" danger onClick={() => ask({ action: "return", title: "退回修改", field: "comments", required: true })}>
        退回修改
      </Button>,
    );
  }
  if (allowed.has("publish")) {
    buttons.push(
      <Button
        key="publish"
        type="primary"
        onClick={() =>
          ask({ action: "publish", title: "发布", field: v.warnings > 0 ? "warningReason" : undefined, required: v.warnings > 0, withDate: true })
        }
      >
        发布
      </Button>,
    );
  }
  if (allowed.has("file")) {
    buttons.push(
      <Button key="file" type="primary" onClick={() => void run({ action: "file", title: "报司法局备案" }, {})}>
        报司法局备案
      </Button>,
    );
  }
  if (allowed.has("revise"))
    buttons.push(
      <Button key="revise" onClick={() => void run({ action: "revise", title: "修订" }, {})}>
        修订（新建版本）
      </Button>,
    );
  if (allowed.has("recordEvaluation"))
    buttons.push(
      <Button key="eval" onClick={() => ask({ action: "evaluations", title: "记录评估结果", field: "findings", required: true })}>
        记录评估
      </Button>,
    );
  if (allowed.has("repeal"))
    buttons.push(
      <Button key="repeal" danger onClick={() => ask({ action: "repeal", title: "废止清单", field: "reason", required: true })}>
        废止
      </Button>,
    );
  if (allowed.has("claim"))
    buttons.push(
      <Button key="claim" onClick={() => void run({ action: "claim", title: "认领" }, {})}>
        认领本版本
      </Button>,
    );

  return (
    <Card size="small">
      <Flex gap={8} wrap>
        {buttons}
        <Button icon={<DownloadOutlined />} href={exportUrl(detail.list.id, v.versionNo, "xlsx")}>
          导出 Excel
        </Button>
        <Button icon={<DownloadOutlined />} href={exportUrl(detail.list.id, v.versionNo, "docx")}>
          导出 Word
        </Button>
        <Button onClick={onBack}>返回清单列表</Button>
      </Flex>
      <Modal
        open={prompt !== null}
        title={prompt?.title}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setPrompt(null)}
        onOk={() =>
          void form.validateFields().then((values: Record<string, unknown>) => {
            const out: Record<string, string | undefined> = {};
            for (const [k, val] of Object.entries(values)) out[k] = dayjs.isDayjs(val) ? val.format("YYYY-MM-DD") : (val as string | undefined);
            return run(prompt!, out);
          })
        }
      >
        <Form form={form} layout="vertical">
          {prompt?.withDate ? (
            <Form.Item name="effectiveFrom" label="施行日期（默认发布当日）">
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          ) : null}
          {prompt?.action === "publish" && v.warnings > 0 ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`质量检查有${v.warnings}个提示，须填写仍予发布的理由`} />
          ) : null}
          {prompt?.field ? (
            <Form.Item
              name={prompt.field}
              label={fieldLabels[prompt.field]}
              rules={prompt.required ? [{ required: true, whitespace: true, message: "请填写" }] : []}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </Card>
  );
}
