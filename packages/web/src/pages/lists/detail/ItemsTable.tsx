// 事项: the annex table of a version; each row expands to its conditions and the cited provisions.
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Flex, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { listColumnLabels, type ListType } from "@kuanyan/domain/lists";
import { softMethodLabels } from "@kuanyan/domain/measures";
import type { EditableItem, ItemView } from "../../../services/lists";

/** The editable part of an item (what a draft save sends). */
export function toEditable(i: ItemView | EditableItem): EditableItem {
  return {
    seq: i.seq,
    matterName: i.matterName,
    matterCode: i.matterCode ?? "",
    circumstances: i.circumstances,
    basisText: i.basisText,
    measures: i.measures,
    otherMeasures: i.otherMeasures,
    remarks: i.remarks ?? "",
    conditions: i.conditions,
  };
}

export function emptyItem(items: readonly EditableItem[]): EditableItem {
  return {
    seq: Math.max(0, ...items.map((i) => i.seq)) + 1,
    matterName: "",
    matterCode: "",
    circumstances: "",
    basisText: "",
    measures: [],
    otherMeasures: [],
    remarks: "",
    conditions: [],
  };
}

export default function ItemsTable({
  listType,
  items,
  views,
  notes,
  editable,
  onAdd,
  onEdit,
  onDelete,
}: {
  listType: ListType;
  items: EditableItem[];
  /** The saved items as the server presents them (citations resolved). */
  views: readonly ItemView[];
  notes: string;
  editable: boolean;
  onAdd: () => void;
  onEdit: (index: number, item: EditableItem) => void;
  onDelete: (index: number) => void;
}) {
  const labels = listColumnLabels(listType);
  const rows: (EditableItem & { view?: ItemView })[] = items.map((i) => ({
    ...i,
    view: views.find((x) => x.seq === i.seq && x.matterName === i.matterName),
  }));
  return (
    <Card
      size="small"
      title={`事项（${items.length}项）`}
      extra={
        editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
            添加事项
          </Button>
        ) : null
      }
    >
      {items.length === 0 ? (
        <Empty description={notes || "暂无事项"} />
      ) : (
        <Table
          size="small"
          rowKey={(r) => `${r.seq}-${r.matterName}`}
          pagination={false}
          scroll={{ x: 1100 }}
          dataSource={rows}
          expandable={{
            expandedRowRender: (r) => (
              <Flex vertical gap={4}>
                <Typography.Text strong>适用条件</Typography.Text>
                {r.conditions.length ? (
                  <ul style={{ margin: 0 }}>
                    {(r.view?.conditionTexts ?? []).map((t, k) => (
                      <li key={k}>{t}</li>
                    ))}
                  </ul>
                ) : (
                  <Typography.Text type="secondary">未设置</Typography.Text>
                )}
                <Typography.Text strong>依据条文</Typography.Text>
                {(r.view?.citations ?? []).map((c) => (
                  <Typography.Paragraph key={c.label} style={{ margin: 0 }}>
                    {c.ok ? (
                      <>
                        <Link to={`/laws/${encodeURIComponent(c.lawId!)}?article=${c.citation.article}`}>{c.label}</Link>：{c.text}
                      </>
                    ) : (
                      <Typography.Text type="danger">{c.error}</Typography.Text>
                    )}
                  </Typography.Paragraph>
                ))}
              </Flex>
            ),
          }}
          columns={[
            { title: labels.seq, dataIndex: "seq", width: 60 },
            { title: labels.matterName, dataIndex: "matterName", width: 220 },
            { title: labels.matterCode, dataIndex: "matterCode", width: 140 },
            { title: labels.circumstances, dataIndex: "circumstances", width: 280 },
            {
              title: labels.basis,
              width: 220,
              render: (_, r) =>
                r.view
                  ? r.view.citations.map((c) => (
                      <Tag key={c.label} color={c.ok ? "blue" : "red"} style={{ whiteSpace: "normal", marginBottom: 4 }}>
                        {c.label}
                      </Tag>
                    ))
                  : r.basisText,
            },
            {
              title: labels.measures,
              width: 160,
              render: (_, r) => [...r.measures.map((m) => softMethodLabels[m]), ...r.otherMeasures].join("、"),
            },
            { title: "条件", width: 70, render: (_, r) => `${r.conditions.length}项` },
            { title: labels.remarks, dataIndex: "remarks", width: 100 },
            ...(editable
              ? [
                  {
                    title: "操作",
                    width: 110,
                    fixed: "right" as const,
                    render: (_: unknown, r: EditableItem, index: number) => (
                      <Space>
                        <Button size="small" icon={<EditOutlined />} aria-label={`编辑第${r.seq}项`} onClick={() => onEdit(index, toEditable(r))} />
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除第${r.seq}项`} onClick={() => onDelete(index)} />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
