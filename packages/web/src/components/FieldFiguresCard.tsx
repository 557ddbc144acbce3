// 执法检查与隐患整改 (issue 10 §8): the inspections of the year (planned, done, on time), the key units
// covered, the hazards found, rectified and overdue and the 整改率 next to the reference of seed 003
// (87 %). Every number opens its records: the hazard ledger with the matching filter, or the inspections.
import { Card, Col, Row, Statistic, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { hazardApi, type FieldFigures } from "../services/field";

/** 整改率 of seed 003 (571 found, 496 rectified). */
export const referenceRectificationRate = 87;

function Figure({ label, value, to, danger }: { label: string; value: number | string; to: string; danger?: boolean }) {
  return (
    <Col xs={12} sm={8} md={6} lg={3}>
      <Link to={to} aria-label={`${label} ${value}，查看记录`}>
        <Card size="small" hoverable>
          <Statistic title={label} value={value} valueStyle={danger && typeof value === "number" && value > 0 ? { color: "#cf1322" } : undefined} />
        </Card>
      </Link>
    </Col>
  );
}

export default function FieldFiguresCard({ year }: { year: number }) {
  const [figures, setFigures] = useState<FieldFigures | null>(null);
  useEffect(() => {
    void hazardApi.figures(year).then(setFigures);
  }, [year]);
  const f = figures;
  const links = f?.links ?? {};
  const ledger = links.found ?? `/hazards?year=${year}`;
  const inspectionsTo = links.inspections ?? "/inspections/field";
  const rate = f?.hazards.rectificationRate;
  return (
    <Card title={`执法检查与隐患整改（${year}年）`} size="small" style={{ marginBottom: 16 }} data-testid="field-figures" loading={!f}>
      {f && (
        <>
          <Row gutter={[8, 8]}>
            <Figure label="计划检查" value={f.inspections.planned} to={inspectionsTo} />
            <Figure label="已检查" value={f.inspections.done} to={inspectionsTo} />
            <Figure label="按期完成" value={f.inspections.doneOnTime} to={inspectionsTo} />
            <Figure
              label={`重点单位覆盖（${f.keyUnits.covered}/${f.keyUnits.keyUnits}）`}
              value={f.keyUnits.percent === null ? "—" : `${f.keyUnits.percent}%`}
              to={links.keyUnits ?? `/inspections/units?uncoveredIn=${year}`}
            />
            <Figure label="发现隐患" value={f.hazards.found} to={ledger} />
            <Figure label="已整改" value={f.hazards.rectified} to={links.rectified ?? ledger} />
            <Figure label="逾期未整改" value={f.hazards.overdue} to={links.overdue ?? `${ledger}&overdue=true`} danger />
            <Figure label="整改率" value={rate === null || rate === undefined ? "—" : `${rate}%`} to={ledger} />
          </Row>
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 8 }}>
            整改率 = 已整改 ÷ 发现隐患；参考值：种子数据003 为 {referenceRectificationRate}%。
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
