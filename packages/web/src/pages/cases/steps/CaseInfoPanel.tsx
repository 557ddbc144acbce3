// 案件信息: the party, the matter, the inspection with its officers and the facts, as registered.
import { Card, Descriptions, Space } from "antd";
import { Link } from "react-router-dom";
import { industryCategoryLabels, type IndustryCategory } from "@kuanyan/domain/lists";
import type { CaseFile } from "../../../services/cases";

export default function CaseInfoPanel({ file }: { file: CaseFile }) {
  const c = file.case;
  return (
    <Card title="案件信息" size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="当事人">
          <Space size={12} wrap>
            {c.partyName}
            {file.poolUnit ? (
              <Link to={`/inspections/units/${file.poolUnit.id}`} data-testid="pool-unit-link">
                检查对象档案
              </Link>
            ) : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={c.partyType === "enterprise" ? "统一社会信用代码" : "身份证号码"}>
          {c.partyCreditCode ?? c.partyIdNumberMasked}
        </Descriptions.Item>
        <Descriptions.Item label="地址">{c.partyAddress}</Descriptions.Item>
        <Descriptions.Item label="行业类别">{industryCategoryLabels[c.industryCategory as IndustryCategory] ?? c.industryCategory}</Descriptions.Item>
        <Descriptions.Item label="执法事项">
          {c.matterName}（{c.matterCode}）
        </Descriptions.Item>
        <Descriptions.Item label="违法行为发生日期">{c.actDate}</Descriptions.Item>
        <Descriptions.Item label="发现日期">{c.discoveredOn}</Descriptions.Item>
        <Descriptions.Item label="检查">
          {c.inspection.date} {c.inspection.place}；{(c.inspection.officers ?? []).map((o) => `${o.name}（${o.licenceNo}）`).join("、")}
        </Descriptions.Item>
        <Descriptions.Item label="违法事实">{c.facts}</Descriptions.Item>
        {c.correctionDue ? (
          <Descriptions.Item label="改正期限">
            {c.correctionDue}
            {c.correctedOn ? `，已于 ${c.correctedOn} 改正` : ""}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
