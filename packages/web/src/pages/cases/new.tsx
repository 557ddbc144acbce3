// 登记案件: the first steps of the officer's wizard, made for a phone in one hand at an
// inspection — the party, the matter found by typing what was seen, then the inspection and facts.
import { App, Button, Card, Checkbox, Flex, Form, Input, List, Radio, Select, Steps, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { industryCategories, industryCategoryLabels } from "@kuanyan/domain/lists";
import { FACTS_WRITING_HINT } from "@kuanyan/domain/documents";
import { validateIdNumber, validatePhone, validateUnifiedSocialCreditCode, type CodeCheck, type IdNumberCheck } from "@kuanyan/domain/codes";
import PageContainer from "../../components/PageContainer";
import { useAuth } from "../../auth/AuthContext";
import { fieldErrors } from "../../services/request";
import { openCase, suggestMatters, type MatterOption } from "../../services/cases";
import { listUsers } from "../../services/users";
import type { User } from "../../services/types";
import { todayInChina } from "../../utils/time";

const steps = ["当事人", "执法事项", "检查与事实"];

/**
 * A form rule from a domain validator (the same check the server makes): run when the officer leaves
 * the field, so a wrong code is reported on it at once rather than after the last step. Typing clears
 * the message; an empty field is the required rule's business.
 */
function codeRule(check: (v: string) => CodeCheck | IdNumberCheck) {
  return {
    validateTrigger: "onBlur",
    validator: (_: unknown, value: string | undefined) => {
      if (!value?.trim()) return Promise.resolve();
      const result = check(value);
      return result.ok ? Promise.resolve() : Promise.reject(new Error(result.error));
    },
  };
}

export default function NewCasePage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const [seen, setSeen] = useState("");
  const [found, setFound] = useState<MatterOption[]>([]);
  const [matter, setMatter] = useState<MatterOption | null>(null);
  const [officers, setOfficers] = useState<User[]>([]);
  const [saving, setSaving] = useState(false);
  const partyType = Form.useWatch("partyType", form) ?? "enterprise";
  const today = todayInChina();

  useEffect(() => {
    if (!user) return;
    void listUsers(user.organisation.id).then((all) => setOfficers(all.filter((u) => u.roles.includes("officer") && u.licenceNo && u.active)));
  }, [user]);

  // Suggestions for what the officer saw, from two characters on (none below: derived while rendering).
  const query = seen.trim();
  const suggestions = query.length < 2 ? [] : found;
  useEffect(() => {
    if (query.length < 2) return;
    const timer = setTimeout(() => void suggestMatters(query).then(setFound, () => setFound([])), 250);
    return () => clearTimeout(timer);
  }, [query]);

  const officerOptions = useMemo(
    () => officers.map((o) => ({ label: `${o.displayName.replace(/（.*）$/, "")}（执法证号 ${o.licenceNo}）`, value: o.id })),
    [officers],
  );

  const partyFields = ["partyType", "name", "creditCode", "idNumber", "address", "industryCategory", "contact", "phone"];

  async function next() {
    // A field in error shows its message; the wizard stays on the step.
    if (
      step === 0 &&
      !(await form.validateFields(partyFields).then(
        () => true,
        () => false,
      ))
    )
      return;
    if (step === 1 && !matter) {
      message.warning("请从推荐中选择执法事项");
      return;
    }
    setStep(step + 1);
  }

  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const f = await openCase({
        party: {
          type: v.partyType,
          name: v.name,
          creditCode: v.partyType === "enterprise" ? v.creditCode : undefined,
          idNumber: v.partyType === "individual" ? v.idNumber : undefined,
          address: v.address,
          industryCategory: v.industryCategory,
          contact: v.contact || undefined,
          phone: v.phone || undefined,
        },
        matterCode: matter!.code,
        facts: v.facts,
        actDate: v.actDate,
        discoveredOn: v.discoveredOn,
        inspection: { date: v.inspectionDate, place: v.place, officerIds: v.officerIds ?? [] },
      });
      message.success(`已登记：${f.case.caseNo}`);
      navigate(`/cases/${f.case.id}`);
    } catch (error) {
      const fields = fieldErrors(error).map((f) => ({
        name:
          (
            {
              "party.creditCode": "creditCode",
              "party.idNumber": "idNumber",
              "party.phone": "phone",
              "inspection.officerIds": "officerIds",
              "inspection.date": "inspectionDate",
            } as Record<string, string>
          )[f.name] ?? f.name,
        errors: f.errors,
      }));
      form.setFields(fields);
      const partyError = fields.some((f) => partyFields.includes(f.name));
      if (partyError) setStep(0);
      message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <PageContainer title="登记案件" description="现场检查时用手机逐步填写，登记后由决策引擎研判。">
      <div className="ky-wizard">
        <Steps
          size="small"
          current={step}
          items={steps.map((title) => ({ title }))}
          direction="horizontal"
          responsive={false}
          style={{ marginBottom: 16 }}
        />
        <Form
          form={form}
          layout="vertical"
          size="large"
          initialValues={{
            partyType: "enterprise",
            industryCategory: "general",
            actDate: today,
            discoveredOn: today,
            inspectionDate: today,
            officerIds: user ? [user.id] : [],
          }}
        >
          <div hidden={step !== 0}>
            <Card title="当事人" size="small">
              <Form.Item name="partyType" label="当事人类型">
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { label: "单位", value: "enterprise" },
                    { label: "个人", value: "individual" },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="name"
                label={partyType === "enterprise" ? "单位名称" : "姓名"}
                rules={[{ required: true, message: "请填写当事人名称" }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              {partyType === "enterprise" ? (
                <Form.Item
                  name="creditCode"
                  label="统一社会信用代码"
                  validateTrigger={["onChange", "onBlur"]}
                  rules={[{ required: true, message: "请填写统一社会信用代码" }, codeRule(validateUnifiedSocialCreditCode)]}
                >
                  <Input autoComplete="off" maxLength={18} style={{ textTransform: "uppercase" }} />
                </Form.Item>
              ) : (
                <Form.Item
                  name="idNumber"
                  label="身份证号码"
                  extra="加密保存，只显示部分号码"
                  validateTrigger={["onChange", "onBlur"]}
                  rules={[{ required: true, message: "请填写身份证号码" }, codeRule((v) => validateIdNumber(v, today))]}
                >
                  <Input autoComplete="off" maxLength={18} />
                </Form.Item>
              )}
              <Form.Item name="address" label="地址" rules={[{ required: true, message: "请填写地址" }]}>
                <Input />
              </Form.Item>
              <Form.Item name="industryCategory" label="行业类别" extra="矿山、危化品、金属冶炼、建筑施工、道路运输不属于一般行业">
                <Select options={industryCategories.map((c) => ({ label: industryCategoryLabels[c], value: c }))} />
              </Form.Item>
              <Flex gap={8}>
                <Form.Item name="contact" label="联系人" style={{ flex: 1 }}>
                  <Input />
                </Form.Item>
                <Form.Item
                  name="phone"
                  label="联系电话"
                  style={{ flex: 1 }}
                  validateTrigger={["onChange", "onBlur"]}
                  rules={[codeRule(validatePhone)]}
                >
                  <Input inputMode="tel" />
                </Form.Item>
              </Flex>
            </Card>
          </div>

          <div hidden={step !== 1}>
            <Card title="执法事项" size="small">
              <Typography.Paragraph type="secondary">用白话描述现场看到的问题，系统从事项库推荐匹配的执法事项。</Typography.Paragraph>
              <Input.Search
                aria-label="看到了什么"
                placeholder="例如：培训记录没有如实填写"
                value={seen}
                onChange={(e) => setSeen(e.target.value)}
                allowClear
              />
              {matter ? (
                <Card size="small" style={{ marginTop: 12, borderColor: "#1677ff" }}>
                  <Tag color="blue">已选择</Tag>
                  <Typography.Text strong>{matter.name}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{matter.code}</Typography.Text>
                  </div>
                </Card>
              ) : null}
              <List
                style={{ marginTop: 12 }}
                aria-label="推荐的执法事项"
                dataSource={suggestions}
                locale={{ emptyText: seen.trim().length < 2 ? "输入至少两个字" : "没有匹配的事项，请换个说法" }}
                renderItem={(m) => (
                  <List.Item
                    style={{ cursor: "pointer", background: matter?.code === m.code ? "#e6f4ff" : undefined, paddingInline: 8 }}
                    onClick={() => setMatter(m)}
                    role="button"
                    aria-label={m.name}
                  >
                    <List.Item.Meta title={m.name} description={m.code} />
                  </List.Item>
                )}
              />
            </Card>
          </div>

          <div hidden={step !== 2}>
            <Card title="检查与事实" size="small">
              <Flex gap={8} wrap>
                <Form.Item name="actDate" label="违法行为发生日期" rules={[{ required: true, message: "必填" }]} style={{ flex: "1 1 140px" }}>
                  <Input type="date" max={today} />
                </Form.Item>
                <Form.Item name="discoveredOn" label="发现日期" rules={[{ required: true, message: "必填" }]} style={{ flex: "1 1 140px" }}>
                  <Input type="date" max={today} />
                </Form.Item>
              </Flex>
              <Flex gap={8} wrap>
                <Form.Item name="inspectionDate" label="检查日期" rules={[{ required: true, message: "必填" }]} style={{ flex: "1 1 140px" }}>
                  <Input type="date" max={today} />
                </Form.Item>
                <Form.Item name="place" label="检查地点" rules={[{ required: true, message: "请填写检查地点" }]} style={{ flex: "1 1 140px" }}>
                  <Input />
                </Form.Item>
              </Flex>
              <Form.Item
                name="officerIds"
                label="执法人员（不少于两人，《行政处罚法》第四十二条）"
                rules={[
                  {
                    validator: (_, v: string[] | undefined) =>
                      (v?.length ?? 0) >= 2 ? Promise.resolve() : Promise.reject(new Error("执法人员不得少于两人")),
                  },
                ]}
              >
                <Checkbox.Group options={officerOptions} style={{ display: "flex", flexDirection: "column", gap: 8 }} />
              </Form.Item>
              <Form.Item name="facts" label="违法事实" rules={[{ required: true, message: "请填写违法事实" }]} extra={FACTS_WRITING_HINT}>
                <Input.TextArea rows={4} placeholder="于某年某月某日在某地……（时间、地点、行为，不以“该公司”开头）" />
              </Form.Item>
            </Card>
          </div>

          <Flex gap={8} style={{ marginTop: 16 }} className="ky-wizard-actions">
            {step > 0 ? (
              <Button size="large" onClick={() => setStep(step - 1)} style={{ flex: 1 }}>
                上一步
              </Button>
            ) : null}
            {step < steps.length - 1 ? (
              <Button type="primary" size="large" onClick={() => void next()} style={{ flex: 2 }}>
                下一步
              </Button>
            ) : (
              <Button type="primary" size="large" loading={saving} onClick={() => void submit()} style={{ flex: 2 }}>
                登记
              </Button>
            )}
          </Flex>
        </Form>
      </div>
    </PageContainer>
  );
}
