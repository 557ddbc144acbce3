import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { App, Button, Card, Grid, Popconfirm, Space, Table, Tag, type TableColumnsType } from "antd";
import { useEffect, useState } from "react";
import { useAuth, useMe } from "../../../auth/AuthContext";
import OrganisationSelect from "../../../components/OrganisationSelect";
import PageContainer from "../../../components/PageContainer";
import { ROLE_COLORS, ROLE_LABELS } from "../../../config/labels";
import { listOrganisations } from "../../../services/organisations";
import { ApiError } from "../../../services/request";
import type { Organisation, Role, User } from "../../../services/types";
import { listUsers, updateUser } from "../../../services/users";
import ResetPasswordModal from "./ResetPasswordModal";
import UserFormModal from "./UserFormModal";

const PAGE_SIZE = 20;

export default function UsersPage() {
  const me = useMe();
  const { access } = useAuth();
  const { message } = App.useApp();
  const isMobile = Grid.useBreakpoint().md === false;
  const [organisationId, setOrganisationId] = useState<string | undefined>(me.organisation.id);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [loading, setLoading] = useState(true);
  const [formModal, setFormModal] = useState<{ open: boolean; editing?: User }>({ open: false });
  const [resetting, setResetting] = useState<User | undefined>();
  const [page, setPage] = useState(1);
  // The user just created or edited: the list shows the page he is on (he may sort onto any page).
  const [saved, setSaved] = useState<string | undefined>();
  const canManage = access.canManageUsers;

  // The list is fetched again for another organisation or when `load()` bumps `reloads`.
  const [reloads, setReloads] = useState(0);
  const load = () => {
    setLoading(true);
    setReloads((n) => n + 1);
  };
  const [loadedOrganisation, setLoadedOrganisation] = useState(organisationId);
  if (loadedOrganisation !== organisationId) {
    setLoadedOrganisation(organisationId);
    setLoading(true);
  }
  useEffect(() => {
    let live = true;
    listUsers(organisationId)
      .then(
        (items) => live && setUsers(items),
        () => live && setUsers([]),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [organisationId, reloads]);

  // Turn to the saved user's page once the list holds him (adjusted while rendering, not in an effect).
  const [pagedFor, setPagedFor] = useState<{ users: User[]; saved?: string }>({ users, saved });
  if (pagedFor.users !== users || pagedFor.saved !== saved) {
    setPagedFor({ users, saved });
    const index = saved ? users.findIndex((u) => u.id === saved) : -1;
    if (index >= 0) setPage(Math.floor(index / PAGE_SIZE) + 1);
  }

  useEffect(() => {
    listOrganisations().then(setOrganisations, () => undefined);
  }, []);

  const setActive = async (user: User, active: boolean) => {
    try {
      await updateUser(user.id, { active, version: user.version });
      message.success(active ? `已启用 ${user.displayName}` : `已停用 ${user.displayName}`);
      void load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : "操作失败");
    }
  };

  const unlock = async (user: User) => {
    try {
      await updateUser(user.id, { unlock: true, version: user.version });
      message.success(`已解锁 ${user.displayName}`);
      void load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : "操作失败");
    }
  };

  const columns: TableColumnsType<User> = [
    { title: "姓名", dataIndex: "displayName", width: 170 },
    { title: "用户名", dataIndex: "username", width: 170, responsive: ["md"] },
    { title: "所属单位", dataIndex: "organisationName", width: 200, responsive: ["md"] },
    {
      title: "角色",
      dataIndex: "roles",
      width: 220,
      render: (roles: Role[]) =>
        roles.map((r) => (
          <Tag key={r} color={ROLE_COLORS[r]}>
            {ROLE_LABELS[r] ?? r}
          </Tag>
        )),
    },
    { title: "执法证号", dataIndex: "licenceNo", width: 150, responsive: ["lg"], render: (v?: string | null) => v || "—" },
    { title: "联系电话", dataIndex: "phone", width: 130, responsive: ["lg"], render: (v?: string | null) => v || "—" },
    {
      title: "状态",
      key: "status",
      width: 110,
      render: (_v, u) => (
        <Space size={4} wrap>
          {u.active ? <Tag color="success">正常</Tag> : <Tag>已停用</Tag>}
          {u.locked ? <Tag color="error">已锁定</Tag> : null}
        </Space>
      ),
    },
    ...(canManage
      ? ([
          {
            title: "操作",
            key: "actions",
            width: 190,
            // Always in view on a wide screen; on a phone the table scrolls instead.
            fixed: isMobile ? undefined : ("right" as const),
            render: (_v: unknown, u: User) => (
              <Space size={0} wrap>
                {u.locked ? (
                  <Button type="link" size="small" onClick={() => unlock(u)}>
                    解锁
                  </Button>
                ) : null}
                <Button type="link" size="small" onClick={() => setFormModal({ open: true, editing: u })}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(u)}>
                  重置密码
                </Button>
                {u.id === me.id ? null : u.active ? (
                  <Popconfirm
                    title={`停用 ${u.displayName}？`}
                    description="停用后该用户不能登录。"
                    okText="停用"
                    cancelText="取消"
                    onConfirm={() => setActive(u, false)}
                  >
                    <Button type="link" size="small" danger>
                      停用
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" size="small" onClick={() => setActive(u, true)}>
                    启用
                  </Button>
                )}
              </Space>
            ),
          },
        ] satisfies TableColumnsType<User>)
      : []),
  ];

  return (
    <PageContainer
      title="用户管理"
      description="本单位及下级单位的用户、角色与执法证号。"
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          {canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormModal({ open: true })}>
              新建用户
            </Button>
          ) : null}
        </>
      }
    >
      <Card size="small">
        <div style={{ marginBottom: 12, maxWidth: 420 }}>
          <OrganisationSelect
            organisations={organisations}
            value={organisationId}
            onChange={(id) => {
              setOrganisationId(id);
              setSaved(undefined);
              setPage(1);
            }}
            placeholder="全部可查看的单位"
            aria-label="按单位筛选"
          />
        </div>
        <Table<User>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={users}
          scroll={{ x: "max-content" }}
          rowClassName={(u) => (u.id === saved ? "ant-table-row-selected" : "")}
          pagination={{ pageSize: PAGE_SIZE, current: page, onChange: setPage, showTotal: (total) => `共 ${total} 人`, hideOnSinglePage: true }}
        />
      </Card>
      <UserFormModal
        open={formModal.open}
        editing={formModal.editing}
        organisationId={organisationId}
        organisations={organisations}
        onClose={() => setFormModal({ open: false })}
        onSaved={(user) => {
          setFormModal({ open: false });
          setSaved(user.id);
          // A user created in another organisation than the one filtered on: show that organisation.
          if (organisationId && organisationId !== user.organisationId) setOrganisationId(user.organisationId);
          else void load();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(undefined)}
        onSaved={() => {
          setResetting(undefined);
          void load();
        }}
      />
    </PageContainer>
  );
}
