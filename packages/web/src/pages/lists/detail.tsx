// A list version: the annex table (editable while the server allows editing), quality results, the
// lifecycle controls the server allows this user (detail/ActionBar), import and export. A list the
// user may not see, or that does not exist, shows the Chinese 403/404 result page.
import { Alert, App, Flex, Modal, Result, Select, Space, Spin, Tag } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import PageContainer from "../../components/PageContainer";
import { ApiError } from "../../services/request";
import { getLatest, getVersion, saveDraft, type EditableItem, type VersionDetail } from "../../services/lists";
import ItemFormModal from "./ItemFormModal";
import ImportModal from "./ImportModal";
import { statusColor } from "./labels";
import ActionBar from "./detail/ActionBar";
import History from "./detail/History";
import ItemsTable, { emptyItem, toEditable } from "./detail/ItemsTable";
import QualityPanel from "./detail/QualityPanel";
import VersionInfo, { type VersionMeta } from "./detail/VersionInfo";

/** Why a list could not be shown. */
type LoadError = { status: 403 | 404 | 500; message: string };

export function ListLoadFailed({ error }: { error: LoadError }) {
  const back = <Link to="/lists">返回清单列表</Link>;
  if (error.status === 403) return <Result status="403" title="无权查看该清单" subTitle={error.message} extra={back} />;
  if (error.status === 404) return <Result status="404" title="清单不存在" subTitle={error.message} extra={back} />;
  return <Result status="error" title="清单加载失败" subTitle={error.message} extra={back} />;
}

function loadError(e: unknown): LoadError {
  if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return { status: e.status, message: e.message };
  // A malformed id in the URL is refused as bad input: the list does not exist.
  if (e instanceof ApiError && e.status === 400) return { status: 404, message: "地址中的清单编号无效" };
  return { status: 500, message: e instanceof Error ? e.message : "请稍后重试" };
}

export default function ListDetailPage() {
  const { id = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<VersionDetail | null>(null);
  const [error, setError] = useState<LoadError | null>(null);
  const [items, setItems] = useState<EditableItem[]>([]);
  const [meta, setMeta] = useState<VersionMeta>({ title: "", notes: "" });
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<{ index: number; item: EditableItem } | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const versionNo = Number(search.get("version") ?? 0);

  const show = useCallback((d: VersionDetail) => {
    setDetail(d);
    setError(null);
    setItems(d.version.items.map(toEditable));
    setMeta({ title: d.version.title, notes: d.version.notes });
    setDirty(false);
  }, []);
  const load = async () => show(await (versionNo ? getVersion(id, versionNo) : getLatest(id)));

  useEffect(() => {
    (versionNo ? getVersion(id, versionNo) : getLatest(id)).then(show, (e: unknown) => {
      setDetail(null);
      setError(loadError(e));
    });
  }, [id, versionNo, show]);

  if (error) return <ListLoadFailed error={error} />;
  if (!detail) return <Spin style={{ display: "block", margin: "20vh auto" }} />;
  const v = detail.version;
  const editable = detail.allowedActions.includes("edit");

  const save = async () => {
    setSaving(true);
    try {
      await saveDraft(detail.list.id, v.versionNo, { lockVersion: v.lockVersion, title: meta.title, notes: meta.notes, items });
      message.success("草稿已保存");
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        Modal.warning({ title: "保存失败", content: `${e.message}。请复制您的修改后刷新页面。` });
      } else if (e instanceof ApiError) {
        message.error(e.message);
      }
    } finally {
      setSaving(false);
    }
  };

  const setItemsDirty = (next: EditableItem[]) => {
    setItems(next);
    setDirty(true);
  };

  return (
    <PageContainer
      title={meta.title}
      description={
        <Space wrap size={4}>
          <Tag>{detail.list.typeLabel}</Tag>
          <span>{detail.list.organisationName}</span>
          <span>· 第{v.versionNo}版</span>
          <Tag color={statusColor(v.status)}>{v.statusLabel}</Tag>
          {v.publishedOn ? (
            <Tag color={v.filingStatus === "overdue" ? "red" : v.filingStatus === "filed_on_time" ? "green" : "orange"}>{v.filingStatusLabel}</Tag>
          ) : null}
        </Space>
      }
      extra={
        <Select
          style={{ width: 200 }}
          value={v.versionNo}
          onChange={(no) => setSearch({ version: String(no) })}
          options={detail.versions.map((x) => ({ value: x.versionNo, label: `第${x.versionNo}版（${x.statusLabel}）` }))}
          aria-label="版本"
        />
      }
    >
      <Flex vertical gap={12}>
        <ActionBar
          detail={detail}
          dirty={dirty}
          saving={saving}
          onSave={() => void save()}
          onImport={() => setImportOpen(true)}
          onBack={() => navigate("/lists")}
          onDone={(action, no) => {
            if (action === "revise") setSearch({ version: String(no) });
            else void load();
          }}
        />
        <VersionInfo
          detail={detail}
          meta={meta}
          editable={editable}
          onChange={(next) => {
            setMeta(next);
            setDirty(true);
          }}
        />
        {dirty ? <Alert type="info" showIcon message="有未保存的修改；质量检查结果在保存后更新。" /> : null}
        <QualityPanel quality={v.quality} />
        <ItemsTable
          listType={detail.list.type}
          items={items}
          views={v.items}
          notes={meta.notes}
          editable={editable}
          onAdd={() => setEditing({ index: -1, item: emptyItem(items) })}
          onEdit={(index, item) => setEditing({ index, item })}
          onDelete={(index) => setItemsDirty(items.filter((_, k) => k !== index))}
        />
        <History detail={detail} onOpenVersion={(no) => setSearch({ version: String(no) })} />
      </Flex>

      {editing ? (
        <ItemFormModal
          open
          listType={detail.list.type}
          initial={editing.item}
          onCancel={() => setEditing(null)}
          onOk={(item) => {
            const next = editing.index < 0 ? [...items, item] : items.map((x, k) => (k === editing.index ? item : x));
            setItemsDirty(next.sort((a, b) => a.seq - b.seq));
            setEditing(null);
          }}
        />
      ) : null}

      {detail.allowedActions.includes("import") ? (
        <ImportModal
          open={importOpen}
          target={{ listId: detail.list.id, versionNo: v.versionNo, lockVersion: v.lockVersion, type: detail.list.type }}
          onClose={() => setImportOpen(false)}
          onImported={() => {
            setImportOpen(false);
            message.success("已导入");
            void load();
          }}
        />
      ) : null}
    </PageContainer>
  );
}
