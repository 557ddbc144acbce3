// The records behind a number: a drawer with the cases / measures a form cell or a chart element counts,
// each with its written record.
import { Drawer, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useEffect, useState } from "react";
import { columnLabel, statisticsColumns, type StatisticsColumn } from "@kuanyan/domain/measures";
import { caseTaskKindLabels, type CaseTaskKind } from "@kuanyan/domain/supervision";
import { listRecords, type RecordRow, type RecordsFilter } from "../../services/statistics";

export function categoryLabel(category: string): string {
  if ((statisticsColumns as readonly string[]).includes(category)) return columnLabel(category as StatisticsColumn);
  if (category in caseTaskKindLabels) return caseTaskKindLabels[category as CaseTaskKind];
  return category;
}

export interface RecordsDrawerProps {
  /** What to list; closed when undefined. */
  filter?: RecordsFilter;
  title?: string;
  onClose: () => void;
}

const pageSize = 20;

export default function RecordsDrawer({ filter, title, onClose }: RecordsDrawerProps) {
  const [page, setPage] = useState(1);
  // Back to the first page when the filter changes (adjusted while rendering, not in an effect).
  const [pageFilter, setPageFilter] = useState(filter);
  if (pageFilter !== filter) {
    setPageFilter(filter);
    setPage(1);
  }
  // The records shown, and which filter and page they are for: loading until they match the current ones.
  const [loaded, setLoaded] = useState<{ filter?: RecordsFilter; page: number; data: { total: number; items: RecordRow[] } }>({
    page: 0,
    data: { total: 0, items: [] },
  });
  const data = loaded.data;
  const loading = !!filter && (loaded.filter !== filter || loaded.page !== page);

  useEffect(() => {
    if (!filter) return;
    let live = true;
    listRecords(filter, { limit: pageSize, offset: (page - 1) * pageSize })
      .then((d) => live && setLoaded({ filter, page, data: d }))
      .catch(() => live && setLoaded({ filter, page, data: { total: 0, items: [] } }));
    return () => {
      live = false;
    };
  }, [filter, page]);

  const showRelief = filter?.column === "burden";
  const columns: TableColumnsType<RecordRow> = [
    {
      title: "案件",
      key: "case",
      width: 230,
      render: (_v, r) => (
        <div>
          <div>{r.caseNo ?? "（无案件）"}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.partyName ?? ""}
          </Typography.Text>
        </div>
      ),
    },
    { title: "日期", dataIndex: "date", width: 104 },
    { title: "执法单位", dataIndex: "organisationName", width: 150 },
    { title: "类别", dataIndex: "category", width: 110, render: (v: string) => <Tag>{categoryLabel(v)}</Tag> },
    { title: "计数", dataIndex: "amount", width: 56, align: "right" },
    ...(showRelief
      ? [
          {
            title: "减轻负担（元）",
            dataIndex: "relievedYuan",
            width: 110,
            align: "right" as const,
            render: (v: number | null) => (v === null ? "无基准" : v.toLocaleString("zh-CN")),
          },
        ]
      : []),
    {
      title: "文字记录",
      dataIndex: "writtenRecord",
      width: 380,
      render: (v: string | null) => (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: "展开" }}>
          {v ?? "—"}
        </Typography.Paragraph>
      ),
    },
  ];

  return (
    <Drawer
      open={!!filter}
      onClose={onClose}
      title={title ?? "记录清单"}
      size="large"
      styles={{ wrapper: { width: "min(1100px, 100vw)" } }}
      destroyOnHidden
    >
      {filter ? (
        <Typography.Paragraph type="secondary">
          {filter.from && filter.to ? `${filter.from} 至 ${filter.to}，` : ""}共 {data.total} 条记录
          {filter.matterCode ? `（事项 ${filter.matterCode}）` : ""}
        </Typography.Paragraph>
      ) : null}
      <Table<RecordRow>
        rowKey={(r) => `${r.kind}:${r.recordId}`}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        scroll={{ x: 1040 }}
        pagination={{
          current: page,
          pageSize,
          total: data.total,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 条`,
          hideOnSinglePage: true,
        }}
      />
    </Drawer>
  );
}
