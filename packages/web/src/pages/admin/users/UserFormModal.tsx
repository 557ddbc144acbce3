import { App, Checkbox, Form, Input, Modal, Switch, type GetProps } from "antd";
import { useEffect, useState } from "react";
import { validateLicenceNo } from "@kuanyan/domain/codes";
import { PASSWORD_HINT, passwordRules } from "../../../components/passwordRules";
import OrganisationSelect from "../../../components/OrganisationSelect";
import { ALL_ROLES, ROLE_LABELS } from "../../../config/labels";
import { ApiError, fieldErrors } from "../../../services/request";
import type { Organisation, Role, User } from "../../../services/types";
import { createUser, grantableRoles, updateUser } from "../../../services/users";

export interface UserFormModalProps {
  open: boolean;
  editing?: User;
  /** Preselected organisation for a new user. */
  organisationId?: string;
  organisations: Organisation[];
  onClose(): void;
  onSaved(user: User): void;
}

interface FormValues {
  username: string;
  displayName: string;
  password?: string;
  roles: Role[];
  organisationId: string;
  licenceNo?: string;
  phone?: string;
  active?: boolean;
}

function blankToUndefined(v: string | undefined): string | undefined {
  return v && v.trim() !== "" ? v.trim() : undefined;
}

export default function UserFormModal({ open, editing, organisationId, organisations, onClose, onSaved }: UserFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const roles = Form.useWatch("roles", form) ?? [];
  const selectedOrganisation = Form.useWatch("organisationId", form);
  // The roles this administrator may hand out in the chosen organisation: the server says (authz).
  const [assignableRoles, setAssignableRoles] = useState<readonly Role[]>([]);
  useEffect(() => {
    if (!open || !selectedOrganisation) return;
    let current = true;
    grantableRoles(selectedOrganisation).then(
      (r) => current && setAssignableRoles(r),
      () => current && setAssignableRoles([]),
    );
    return () => {
      current = false;
    };
  }, [open, selectedOrganisation]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        username: editing.username,
        displayName: editing.displayName,
        roles: editing.roles,
        organisationId: editing.organisationId,
        licenceNo: editing.licenceNo ?? undefined,
        phone: undefined,
        active: editing.active,
      });
    } else {
      // No role is chosen for the administrator: he picks them (a pre-checked 执法人员 was saved unnoticed).
      form.setFieldsValue({ organisationId, roles: [], active: true });
    }
  }, [open, editing, organisationId, form]);

  const onOk = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setSaving(true);
    try {
      let saved: User;
      if (editing) {
        saved = await updateUser(editing.id, {
          displayName: values.displayName.trim(),
          roles: values.roles,
          active: values.active,
          licenceNo: values.roles.includes("officer") ? blankToUndefined(values.licenceNo) : undefined,
          phone: blankToUndefined(values.phone),
          version: editing.version,
        });
        message.success("用户已保存");
      } else {
        saved = await createUser({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password ?? "",
          roles: values.roles,
          organisationId: values.organisationId,
          licenceNo: values.roles.includes("officer") ? blankToUndefined(values.licenceNo) : undefined,
          phone: blankToUndefined(values.phone),
        });
        message.success("用户已创建");
      }
      onSaved(saved);
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length > 0) form.setFields(fields as never);
      message.error(e instanceof ApiError ? e.message : "保存失败");
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? `编辑用户：${editing.displayName}` : "新建用户"}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      forceRender
      width={640}
    >
      <Form<FormValues> name="user" form={form} layout="vertical" autoComplete="off">
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, whitespace: true, message: "请输入用户名" },
            { pattern: /^[A-Za-z0-9._-]{3,32}$/, message: "3–32 位字母、数字、点、下划线或连字符" },
          ]}
        >
          <Input disabled={Boolean(editing)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: "请输入姓名" },
            { max: 30, message: "不超过 30 个字" },
          ]}
        >
          <Input />
        </Form.Item>
        {editing ? null : (
          <Form.Item
            label="初始密码"
            name="password"
            extra={`${PASSWORD_HINT}请告知用户登录后在“个人中心”修改。`}
            rules={passwordRules("请输入初始密码")}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item label="所属单位" name="organisationId" rules={[{ required: true, message: "请选择所属单位" }]}>
          <OrganisationSelect organisations={organisations} allowClear={false} disabled={Boolean(editing)} />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, type: "array", min: 1, message: "请至少选择一个角色" }]}>
          <RoleCheckboxes
            options={ALL_ROLES.filter((r) => assignableRoles.includes(r) || editing?.roles.includes(r)).map((r) => ({
              value: r,
              label: ROLE_LABELS[r],
              disabled: !assignableRoles.includes(r),
            }))}
          />
        </Form.Item>
        {roles.includes("officer") ? (
          <Form.Item
            label="执法证号"
            name="licenceNo"
            extra="如 35042120260001 或 闽35042120260001"
            validateTrigger={["onChange", "onBlur"]}
            rules={[
              { required: true, whitespace: true, message: "执法人员须填写执法证号" },
              {
                // The server's rule (the domain's validator), checked as the number is typed.
                validator: async (_rule, value?: string) => {
                  if (!value || value.trim() === "") return;
                  const r = validateLicenceNo(value);
                  if (!r.ok) throw new Error(r.error);
                },
              },
            ]}
          >
            <Input />
          </Form.Item>
        ) : null}
        <Form.Item
          label="联系电话"
          name="phone"
          extra={editing?.phone ? `当前：${editing.phone}（留空则不修改）` : "选填"}
          rules={[{ pattern: /^1\d{10}$|^[0-9-]{7,20}$/, message: "请输入手机号码或电话号码" }]}
        >
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        {editing ? (
          <Form.Item label="启用" name="active" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/**
 * The role checkboxes as a labelled group. Form.Item hands its control `aria-required`, which is not
 * allowed on the group's plain element (axe: aria-allowed-attr); the rule still requires a role.
 */
function RoleCheckboxes({ "aria-required": _required, ...props }: GetProps<typeof Checkbox.Group> & { "aria-required"?: unknown }) {
  return <Checkbox.Group role="group" aria-label="角色" {...props} />;
}
