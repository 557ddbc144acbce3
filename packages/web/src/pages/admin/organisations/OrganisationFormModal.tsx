import { App, Form, Input, Modal, Select } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useAuth, useMe } from "../../../auth/AuthContext";
import OrganisationSelect from "../../../components/OrganisationSelect";
import RegionCascader from "../../../components/RegionCascader";
import { descendantIds } from "../../../components/organisationTree";
import { DOMAINS, ORGANISATION_KIND_LABELS } from "../../../config/labels";
import { createOrganisation, updateOrganisation } from "../../../services/organisations";
import { ApiError, fieldErrors } from "../../../services/request";
import type { Organisation, OrganisationInput, OrganisationKind } from "../../../services/types";

export interface OrganisationFormModalProps {
  open: boolean;
  /** The organisation being edited; undefined to create one. */
  editing?: Organisation;
  /** Preselected parent when creating a subordinate organisation. */
  parentId?: string;
  organisations: Organisation[];
  onClose(): void;
  onSaved(organisation: Organisation): void;
}

type FormValues = Omit<OrganisationInput, "parentId"> & { parentId?: string };

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** Strip empty strings so optional fields are left out of the request. */
function compact<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v !== null && !(typeof v === "string" && v.trim() === "")),
  ) as T;
}

export default function OrganisationFormModal({ open, editing, parentId, organisations, onClose, onSaved }: OrganisationFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  // The server allows only regions inside the administrator's own organisation's region (authz),
  // except to whom the permission table gives every organisation (who may also create top-level ones).
  const me = useMe();
  const { access } = useAuth();
  const within = access.canCreateTopLevelOrganisations ? undefined : me.organisation.regionCode;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        shortName: editing.shortName,
        creditCode: editing.creditCode ?? undefined,
        regionCode: editing.regionCode,
        // The server answers the domain as text (older records may hold another); the form offers the list.
        domain: editing.domain as FormValues["domain"],
        kind: editing.kind,
        parentId: editing.parentId ?? undefined,
        contactPerson: editing.contactPerson ?? undefined,
        contactPhone: undefined,
      });
    } else {
      const parent = organisations.find((o) => o.id === parentId);
      form.setFieldsValue({ parentId, kind: "agency", domain: parent?.domain as FormValues["domain"] | undefined, regionCode: undefined });
    }
  }, [open, editing, parentId, organisations, form]);

  // An organisation cannot sit below itself or below one of its own subordinates.
  const disabledParents = useMemo(() => (editing ? descendantIds(organisations, editing.id) : undefined), [editing, organisations]);

  const onOk = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setSaving(true);
    try {
      let saved: Organisation;
      if (editing) {
        const patch = compact({ ...values }) as Partial<OrganisationInput>;
        // The phone is shown masked; an empty field keeps the stored number.
        if (!values.contactPhone) delete patch.contactPhone;
        saved = await updateOrganisation(editing.id, { ...patch, version: editing.version });
        message.success("组织机构已保存");
      } else {
        saved = await createOrganisation(compact(values) as OrganisationInput);
        message.success("组织机构已创建");
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
      title={editing ? `编辑组织机构：${editing.name}` : "新建组织机构"}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      forceRender
      width={640}
    >
      <Form<FormValues> name="organisation" form={form} layout="vertical" autoComplete="off">
        <Form.Item
          label="机构名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: "请输入机构名称" },
            { min: 2, message: "至少 2 个字" },
            { max: 100, message: "不超过 100 个字" },
          ]}
        >
          <Input placeholder="如：明溪县应急管理局" />
        </Form.Item>
        <Form.Item
          label="简称"
          name="shortName"
          rules={[
            { required: true, whitespace: true, message: "请输入简称" },
            { max: 20, message: "不超过 20 个字" },
          ]}
          extra="用于文书编号，如“明应急”。"
        >
          <Input placeholder="如：明应急" />
        </Form.Item>
        <Form.Item
          label="统一社会信用代码"
          name="creditCode"
          normalize={(v: string) => v?.toUpperCase().trim()}
          rules={[{ pattern: CREDIT_CODE, message: "统一社会信用代码为 18 位数字或大写字母" }]}
        >
          <Input placeholder="选填，18 位" maxLength={18} />
        </Form.Item>
        <Form.Item label="行政区划" name="regionCode" rules={[{ required: true, message: "请选择行政区划" }]}>
          <RegionCascader within={within} />
        </Form.Item>
        <Form.Item label="执法领域" name="domain" rules={[{ required: true, whitespace: true, message: "请选择执法领域" }]}>
          <Select showSearch placeholder="请选择执法领域" options={DOMAINS.map((d) => ({ value: d, label: d }))} />
        </Form.Item>
        <Form.Item label="机构类型" name="kind" rules={[{ required: true, message: "请选择机构类型" }]}>
          <Select<OrganisationKind>
            options={Object.entries(ORGANISATION_KIND_LABELS).map(([value, label]) => ({ value: value as OrganisationKind, label }))}
          />
        </Form.Item>
        <Form.Item
          label="上级机构"
          name="parentId"
          extra={editing?.parentId ? "同一领域的上级部门。" : "同一领域的上级部门；乡镇（街道）可选县级人民政府。"}
        >
          <OrganisationSelect organisations={organisations} disabledIds={disabledParents} placeholder="无上级机构" allowClear={!editing?.parentId} />
        </Form.Item>
        <Form.Item label="联系人" name="contactPerson" rules={[{ max: 30, message: "不超过 30 个字" }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label="联系电话"
          name="contactPhone"
          extra={editing?.contactPhone ? `当前：${editing.contactPhone}（留空则不修改）` : undefined}
          rules={[{ pattern: /^[0-9-]{7,20}$/, message: "请输入 7–20 位数字的电话号码，可含“-”" }]}
        >
          <Input inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
