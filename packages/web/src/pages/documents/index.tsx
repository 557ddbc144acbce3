// 文书: the documents of my organisation (filters), issuing from a case with a live preview, downloads,
// printing, delivery with an on-screen signature, templates, number pattern and seal.
import { DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS, type DocumentType } from "@kuanyan/domain/documents";
import { Button, Card, Flex, Input, Select, Table, Tabs, Tag, type TableColumnsType } from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import PageContainer from "../../components/PageContainer";
import { archiveUrl, listDocuments, type DocumentPageActionName, type DocumentSummary } from "../../services/documents";
import DocumentDrawer from "./DocumentDrawer";
import IssuePanel from "./IssuePanel";
import SettingsPanel from "./SettingsPanel";
import TemplateEditor from "./TemplateEditor";

const statusColor = { issued: "green", superseded: "orange", cancelled: "red" } as const;

function DocumentList({ onOpen, reload }: { onOpen: (id: string) => void; reload: number }) {
  const [params] = useSearchParams();
  const [type, setType] = useState<DocumentType>();
  const [status, setStatus] = useState<DocumentSummary["status"]>();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const caseId = params.get("caseId") ?? undefined;
  const [data, setData] = useState<{ items: DocumentSummary[]; total: number }>({ items: [], total: 0 });
  // Loading from each change of the filters, page or `reload` until its answer (adjusted while rendering).
  const requestKey = JSON.stringify([type, status, q, caseId, page, reload]);
  const [loading, setLoading] = useState(true);
  const [loadingKey, setLoadingKey] = useState(requestKey);
  if (loadingKey !== requestKey) {
    setLoadingKey(requestKey);
    setLoading(true);
  }
  useEffect(() => {
    let live = true;
    listDocuments({ type, status, q, caseId, limit: 20, offset: (page - 1) * 20 })
      .then(
        (d) => live && setData(d),
        () => undefined,
      ) // the request client shows the error
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [type, status, q, caseId, page, reload]);
  const columns: TableColumnsType<DocumentSummary> = [
    { title: "文书", dataIndex: "typeLabel", render: (v: string, r) => <a onClick={() => onOpen(r.id)}>{v}</a> },
    { title: "编号", dataIndex: "number" },
    { title: "当事人", dataIndex: "partyName", responsive: ["md"] },
    { title: "案件", dataIndex: "caseNo", responsive: ["lg"] },
    { title: "签发日期", dataIndex: "issuedOn", responsive: ["md"] },
    { title: "状态", dataIndex: "status", render: (s: DocumentSummary["status"], r) => <Tag color={statusColor[s]}>{r.statusLabel}</Tag> },
    {
      title: "送达",
      dataIndex: "deliveredCount",
      render: (n: number) => (n > 0 ? <Tag color="blue">已送达</Tag> : <Tag>未送达</Tag>),
      responsive: ["sm"],
    },
  ];
  return (
    <Card size="small">
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="文书种类"
          aria-label="文书种类筛选"
          style={{ width: 180 }}
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
          options={DOCUMENT_TYPES.map((t) => ({ value: t, label: DOCUMENT_TYPE_LABELS[t] }))}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: "issued", label: "已签发" },
            { value: "superseded", label: "已被更正" },
            { value: "cancelled", label: "作废" },
          ]}
        />
        <Input.Search
          allowClear
          placeholder="编号、当事人、案件编号或核验码"
          style={{ width: 280 }}
          onSearch={(v) => {
            setQ(v || undefined);
            setPage(1);
          }}
        />
        {caseId && <Button href={archiveUrl(caseId)}>下载案卷 PDF</Button>}
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        onRow={(r) => ({ onDoubleClick: () => onOpen(r.id) })}
        pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage, showSizeChanger: false }}
      />
    </Card>
  );
}

export default function DocumentsPage() {
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState(params.get("issue") ? "issue" : "list");
  // ?open=<document id> opens a document directly (links from the case page, a phone handed to the party).
  const [open, setOpen] = useState<string | undefined>(params.get("open") ?? undefined);
  const [reload, setReload] = useState(0);
  // 签发 is offered when the server allows it (the list's response carries the page's actions).
  const [pageActions, setPageActions] = useState<DocumentPageActionName[]>([]);
  useEffect(() => {
    void listDocuments({ limit: 1 }).then(
      (r) => setPageActions(r.allowedActions),
      () => setPageActions([]),
    );
  }, []);
  return (
    <PageContainer title="文书" description="按模板签发执法文书，统一编号，电子印章与核验码，送达签收，案卷归档。">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "list", label: "文书列表", children: <DocumentList onOpen={setOpen} reload={reload} /> },
          ...(pageActions.includes("issue")
            ? [
                {
                  key: "issue",
                  label: "签发文书",
                  children: (
                    <IssuePanel
                      initialCaseId={params.get("caseId") ?? undefined}
                      initialType={(params.get("issue") as DocumentType) || undefined}
                      onIssued={(d) => {
                        setReload((n) => n + 1);
                        setOpen(d.id);
                        if (params.get("issue")) {
                          params.delete("issue");
                          setParams(params, { replace: true });
                        }
                      }}
                    />
                  ),
                },
              ]
            : []),
          { key: "templates", label: "模板管理", children: <TemplateEditor /> },
          { key: "settings", label: "编号与印章", children: <SettingsPanel /> },
        ]}
      />
      <DocumentDrawer id={open} onClose={() => setOpen(undefined)} onChanged={() => setReload((n) => n + 1)} />
    </PageContainer>
  );
}
