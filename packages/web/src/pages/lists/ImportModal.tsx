// 导入: choose an .xlsx/.docx, see the preview with row-level errors, confirm — nothing is saved before.
import { InboxOutlined } from "@ant-design/icons";
import { Alert, Modal, Select, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { listTypeLabels, listTypes, type ListType } from "@kuanyan/domain/lists";
import { confirmImport, fileToBase64, previewImport, type ImportPreview } from "../../services/lists";

export interface ImportModalProps {
  open: boolean;
  onClose: () => void;
  onImported: (listId: string) => void;
  /** Import into this draft instead of creating a new list. */
  target?: { listId: string; versionNo: number; lockVersion: number; type: ListType };
}

export default function ImportModal({ open, onClose, onImported, target }: ImportModalProps) {
  const [file, setFile] = useState<{ name: string; b64: string } | null>(null);
  const [type, setType] = useState<ListType | undefined>(target?.type);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (f: File, t?: ListType) => {
    setBusy(true);
    try {
      const b64 = await fileToBase64(f);
      setFile({ name: f.name, b64 });
      setPreview(await previewImport({ fileName: f.name, contentBase64: b64, type: t }));
    } catch {
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
  };

  return (
    <Modal
      open={open}
      width={1000}
      title={target ? "导入事项到当前草稿" : "导入清单"}
      okText="确认导入"
      cancelText="取消"
      okButtonProps={{ disabled: !preview?.ok, loading: busy }}
      onCancel={() => {
        reset();
        onClose();
      }}
      onOk={async () => {
        if (!file) return;
        setBusy(true);
        try {
          const r = await confirmImport({
            fileName: file.name,
            contentBase64: file.b64,
            type: target?.type ?? type ?? preview?.type ?? undefined,
            ...(target ? { target: { listId: target.listId, versionNo: target.versionNo, lockVersion: target.lockVersion } } : {}),
          });
          reset();
          onImported(r.listId);
        } catch {
          // shown by the request client
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph type="secondary">
        支持 .xlsx 与
        .docx，表格须有附件格式的列：序号、事项名称（处罚事项名称）、事项编码（可无）、情形、依据、配套监管措施、备注。预览无误并确认后才会保存。
      </Typography.Paragraph>
      {!target ? (
        <Space style={{ marginBottom: 12 }}>
          <span>清单类型：</span>
          <Select<ListType>
            allowClear
            placeholder="按标题自动识别"
            style={{ width: 240 }}
            value={type}
            onChange={(t) => {
              setType(t);
              if (file) void previewImport({ fileName: file.name, contentBase64: file.b64, type: t }).then(setPreview);
            }}
            options={listTypes.map((t) => ({ value: t, label: listTypeLabels[t] }))}
          />
        </Space>
      ) : null}
      <Upload.Dragger
        accept=".xlsx,.docx"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          void load(f, target?.type ?? type);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? `已选择：${file.name}（点击或拖入以更换）` : "点击或将文件拖到此处"}</p>
      </Upload.Dragger>
      {preview ? (
        <div style={{ marginTop: 12 }}>
          {preview.errors.map((e) => (
            <Alert key={e} type="error" showIcon message={e} style={{ marginBottom: 8 }} />
          ))}
          {(preview.warnings ?? []).map((w) => (
            <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} />
          ))}
          <Alert
            type={preview.ok ? "success" : "warning"}
            showIcon
            style={{ marginBottom: 8 }}
            message={
              preview.ok
                ? `可以导入：《${preview.title || "（无标题）"}》，${preview.type ? listTypeLabels[preview.type] : ""}，共${preview.items.length}项`
                : `有${preview.rows.filter((r) => r.errors.length).length}行存在错误，请修改文件后重新选择`
            }
          />
          <Table
            size="small"
            rowKey="row"
            pagination={false}
            scroll={{ y: 360, x: 800 }}
            dataSource={preview.rows.map((r, i) => ({ ...r, item: preview.items[i] }))}
            columns={[
              { title: "行", dataIndex: "row", width: 50 },
              { title: "序号", dataIndex: "seq", width: 60 },
              { title: "事项名称", dataIndex: "matterName", width: 260 },
              {
                title: "依据",
                width: 220,
                render: (_, r) =>
                  r.item?.citations.map((c) => (
                    <Tag key={c.label} color={c.ok ? "green" : "red"} style={{ whiteSpace: "normal", marginBottom: 4 }}>
                      {c.label}
                    </Tag>
                  )),
              },
              {
                title: "检查结果",
                render: (_, r) =>
                  r.errors.length === 0 && r.warnings.length === 0 ? (
                    <Tag color="success">无误</Tag>
                  ) : (
                    <>
                      {r.errors.map((e) => (
                        <Typography.Text key={e} type="danger" style={{ display: "block" }}>
                          {e}
                        </Typography.Text>
                      ))}
                      {r.warnings.map((e) => (
                        <Typography.Text key={e} type="warning" style={{ display: "block" }}>
                          {e}
                        </Typography.Text>
                      ))}
                    </>
                  ),
              },
            ]}
          />
        </div>
      ) : null}
    </Modal>
  );
}
