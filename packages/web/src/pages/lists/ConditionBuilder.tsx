// The condition builder: the list manager composes an item's structured applicability conditions
// (适用条件) in a form — one row per condition, with the Chinese description the reviewer reads.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Input, InputNumber, Radio, Select, Typography } from "antd";
import {
  aggravatingConditionKinds,
  conditionKindLabels,
  conditionKinds,
  describeCondition,
  highRiskIndustries,
  industryCategories,
  industryCategoryLabels,
  validateConditions,
  type Condition,
  type ConditionKind,
  type ListType,
} from "@kuanyan/domain/lists";

export interface ConditionBuilderProps {
  value?: Condition[];
  onChange?: (value: Condition[]) => void;
  listType: ListType;
}

function defaults(kind: ConditionKind, existing: Condition[]): Condition {
  switch (kind) {
    case "corrected":
      return { kind, how: "any" };
    case "harm":
      return { kind, atMost: "none" };
    case "subjectCategoryNotIn":
      return { kind, categories: [...highRiskIndustries] };
    case "subjectCategoryIn":
      return { kind, categories: ["general"] };
    case "question": {
      let n = 1;
      const ids = new Set(existing.filter((c) => c.kind === "question").map((c) => (c as { id: string }).id));
      while (ids.has(`q${n}`)) n += 1;
      return { kind, id: `q${n}`, text: "", expected: true };
    }
    case "repeatOffence":
      return { kind, withinMonths: 12 };
    default:
      return { kind } as Condition;
  }
}

const categoryOptions = industryCategories.map((c) => ({ value: c, label: industryCategoryLabels[c] }));

export default function ConditionBuilder({ value = [], onChange, listType }: ConditionBuilderProps) {
  const kinds = conditionKinds.filter((k) => listType === "heavier" || !aggravatingConditionKinds.has(k));
  const set = (index: number, next: Condition) => onChange?.(value.map((c, i) => (i === index ? next : c)));
  const errors = validateConditions(value, { listType });
  return (
    <Flex vertical gap={8}>
      {value.length === 0 ? <Typography.Text type="secondary">尚未设置适用条件：决策引擎将对该事项的所有情形适用本项。</Typography.Text> : null}
      {value.map((c, i) => (
        <Card size="small" key={i} styles={{ body: { padding: 10 } }} data-testid="condition-row">
          <Flex gap={8} wrap align="center">
            <Select<ConditionKind>
              aria-label={`第${i + 1}个条件的类型`}
              style={{ width: 200 }}
              value={c.kind}
              options={kinds.map((k) => ({ value: k, label: conditionKindLabels[k] }))}
              onChange={(k) => set(i, defaults(k, value))}
            />
            {c.kind === "corrected" ? (
              <Select
                aria-label="改正方式"
                style={{ width: 220 }}
                value={c.how}
                onChange={(how) => set(i, { ...c, how })}
                options={[
                  { value: "any", label: "及时改正（当场或限期内）" },
                  { value: "on_spot", label: "当场改正" },
                  { value: "within_deadline", label: "责令限期改正后在期限内改正" },
                ]}
              />
            ) : null}
            {c.kind === "harm" ? (
              <Select
                aria-label="危害后果"
                style={{ width: 200 }}
                value={c.atMost}
                onChange={(atMost) => set(i, { ...c, atMost })}
                options={[
                  { value: "none", label: "没有造成危害后果" },
                  { value: "minor", label: "危害后果轻微" },
                ]}
              />
            ) : null}
            {c.kind === "subjectCategoryNotIn" || c.kind === "subjectCategoryIn" ? (
              <Select
                aria-label="行业类别"
                mode="multiple"
                style={{ minWidth: 260, flex: 1 }}
                value={c.categories}
                onChange={(categories) => set(i, { ...c, categories })}
                options={categoryOptions}
              />
            ) : null}
            {c.kind === "question" ? (
              <>
                <Input
                  aria-label="问题内容"
                  style={{ minWidth: 240, flex: 1 }}
                  placeholder="如：有证据证明开展了隐患排查治理工作"
                  value={c.text}
                  onChange={(e) => set(i, { ...c, text: e.target.value })}
                />
                <Radio.Group
                  value={c.expected}
                  onChange={(e) => set(i, { ...c, expected: e.target.value as boolean })}
                  options={[
                    { value: true, label: "回答“是”时满足" },
                    { value: false, label: "回答“否”时满足" },
                  ]}
                />
              </>
            ) : null}
            {c.kind === "repeatOffence" ? (
              <InputNumber
                aria-label="月数"
                min={1}
                max={120}
                addonAfter="个月内"
                value={c.withinMonths}
                onChange={(v) => set(i, { ...c, withinMonths: Number(v ?? 1) })}
              />
            ) : null}
            <Button aria-label="删除条件" icon={<DeleteOutlined />} danger type="text" onClick={() => onChange?.(value.filter((_, k) => k !== i))} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 6 }}>
            {describeCondition(c) || "（请填写问题内容）"}
          </Typography.Text>
        </Card>
      ))}
      {errors.length > 0 ? <Typography.Text type="danger">{errors.join("；")}</Typography.Text> : null}
      <Button
        icon={<PlusOutlined />}
        onClick={() => onChange?.([...value, defaults(kinds.find((k) => !value.some((c) => c.kind === k)) ?? "question", value)])}
      >
        添加条件
      </Button>
    </Flex>
  );
}
