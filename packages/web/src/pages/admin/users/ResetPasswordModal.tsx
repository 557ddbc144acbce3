import { App, Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { PASSWORD_HINT, passwordRules } from "../../../components/passwordRules";
import { ApiError, fieldErrors } from "../../../services/request";
import type { User } from "../../../services/types";
import { updateUser } from "../../../services/users";

export interface ResetPasswordModalProps {
  user?: User;
  onClose(): void;
  onSaved(user: User): void;
}

export default function ResetPasswordModal({ user, onClose, onSaved }: ResetPasswordModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const onOk = async () => {
    if (!user) return;
    let password: string;
    try {
      ({ password } = await form.validateFields());
    } catch {
      return; // the form shows what is missing
    }
    setSaving(true);
    try {
      const saved = await updateUser(user.id, { password, version: user.version });
      message.success(`已重置 ${user.displayName} 的密码`);
      onSaved(saved);
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length > 0) form.setFields(fields as never);
      message.error(e instanceof ApiError ? e.message : "重置密码失败");
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={Boolean(user)}
      title={user ? `重置密码：${user.displayName}（${user.username}）` : "重置密码"}
      okText="重置"
      cancelText="取消"
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      forceRender
    >
      <Form name="resetPassword" form={form} layout="vertical" autoComplete="off">
        <Form.Item
          label="新密码"
          name="password"
          extra={`${PASSWORD_HINT}请将新密码告知用户，并提醒其登录后修改。`}
          rules={passwordRules("请输入新密码")}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
