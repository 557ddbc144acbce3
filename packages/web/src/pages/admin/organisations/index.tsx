import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, Descriptions, Empty, Input, Row, Spin, Tag, Tree, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useAuth } from "../../../auth/AuthContext";
import PageContainer from "../../../components/PageContainer";
import { buildOrganisationTree, type OrganisationNode } from "../../../components/organisationTree";
import { ORGANISATION_KIND_LABELS } from "../../../config/labels";
import { listOrganisations } from "../../../services/organisations";
import type { Organisation } from "../../../services/types";
import OrganisationFormModal from "./OrganisationFormModal";

interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

function toTree(nodes: OrganisationNode[], keyword: string): TreeNode[] {
  const out: TreeNode[] = [];
  for (const n of nodes) {
    const children = toTree(n.children, keyword);
    if (!keyword || n.title.includes(keyword) || children.length > 0) out.push({ key: n.key, title: n.title, children });
  }
  return out;
}

export default function OrganisationsPage() {
  const { access, user } = useAuth();
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [loading, setLoading] = useState(true);
  const [keyword, setKeyword] = useState("");
  const [selectedId, setSelectedId] = useState<string | undefined>(user?.organisation.id);
  const [modal, setModal] = useState<{ open: boolean; editing?: Organisation; parentId?: string }>({ open: false });

  // Fetched on arrival and again when `load()` bumps `reloads`.
  const [reloads, setReloads] = useState(0);
  const load = () => {
    setLoading(true);
    setReloads((n) => n + 1);
  };
  useEffect(() => {
    let live = true;
    listOrganisations()
      .then(
        (items) => live && setOrganisations(items),
        () => undefined, // shown by the request client
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [reloads]);

  const tree = useMemo(() => toTree(buildOrganisationTree(organisations), keyword.trim()), [organisations, keyword]);
  const selected = organisations.find((o) => o.id === selectedId);
  const parent = selected?.parentId ? organisations.find((o) => o.id === selected.parentId) : undefined;
  const canManage = access.canManageOrganisations;

  return (
    <PageContainer
      title="组织机构"
      description="执法主体、司法行政部门、乡镇（街道）及其上下级关系。"
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          {canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ open: true })}>
              新建组织机构
            </Button>
          ) : null}
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="机构树" size="small">
            <Input.Search placeholder="按名称查找" allowClear onChange={(e) => setKeyword(e.target.value)} style={{ marginBottom: 12 }} />
            {loading ? (
              <Spin />
            ) : tree.length === 0 ? (
              <Empty description="没有可查看的组织机构" />
            ) : (
              <Tree
                treeData={tree}
                defaultExpandAll
                key={keyword + organisations.length}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys.length > 0 ? String(keys[0]) : undefined)}
                blockNode
                aria-label="组织机构树"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title="机构详情"
            size="small"
            extra={
              selected && canManage ? (
                <>
                  <Button size="small" onClick={() => setModal({ open: true, parentId: selected.id })}>
                    新建下级机构
                  </Button>{" "}
                  <Button size="small" type="primary" onClick={() => setModal({ open: true, editing: selected })}>
                    编辑
                  </Button>
                </>
              ) : null
            }
          >
            {selected ? (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="机构名称">
                  {selected.name} {selected.isDemo ? <Tag color="orange">演示数据</Tag> : null}
                </Descriptions.Item>
                <Descriptions.Item label="简称">{selected.shortName}</Descriptions.Item>
                <Descriptions.Item label="统一社会信用代码">{selected.creditCode || "—"}</Descriptions.Item>
                <Descriptions.Item label="行政区划">
                  {selected.regionName}（{selected.regionCode}）
                </Descriptions.Item>
                <Descriptions.Item label="执法领域">{selected.domain}</Descriptions.Item>
                <Descriptions.Item label="机构类型">{ORGANISATION_KIND_LABELS[selected.kind] ?? selected.kind}</Descriptions.Item>
                <Descriptions.Item label="上级机构">{parent?.name ?? "—"}</Descriptions.Item>
                <Descriptions.Item label="联系人">{selected.contactPerson || "—"}</Descriptions.Item>
                <Descriptions.Item label="联系电话">{selected.contactPhone || "—"}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">请在左侧选择一个组织机构。</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <OrganisationFormModal
        open={modal.open}
        editing={modal.editing}
        parentId={modal.parentId}
        organisations={organisations}
        onClose={() => setModal({ open: false })}
        onSaved={(saved) => {
          setModal({ open: false });
          setSelectedId(saved.id);
          void load();
        }}
      />
    </PageContainer>
  );
}
