// 隐患台账: filters (status, level, overdue, year, unit), masked responsible person, the figures
// (each number opens its records), and a hazard's 整改 → 复查 → 销号 in a drawer.
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { formatDateTime, todayInChina, yearInChina } from "../../utils/time";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { hazardLevelLabels, hazardStatusLabels, type HazardLevel, type HazardStatus } from "@kuanyan/domain/hazards";
import PageContainer from "../../components/PageContainer";
import { hazardApi, type FieldFigures, type HazardDetail, type HazardList } from "../../services/field";

const statusColors: Record<HazardStatus, string> = { open: "orange", rectification_reported: "blue", review_passed: "cyan", closed: "green" };
const eventLabels: Record<string, string> = { registered: "登记隐患", rectification_reported: "登记整改情况", reviewed: "复查", closed: "销号" };

function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).split(",")[1]);
    r.onerror = () => reject(new Error("无法读取文件"));
    r.readAsDataURL(file);
  });
}

export default function HazardsPage() {
  const [params, setParams] = useSearchParams();
  const [list, setList] = useState<HazardList | null>(null);
  const [figures, setFigures] = useState<FieldFigures | null>(null);
  // The list's filters (opening a hazard changes only ?open=, which reloads nothing).
  const filterKeys = ["year", "status", "level", "overdue", "rectified", "q", "page"] as const;
  const filters = JSON.stringify(filterKeys.map((k) => params.get(k)));
  const query = useMemo(() => {
    const [y, status, level, overdue, rectified, q, page] = (JSON.parse(filters) as (string | null)[]).map((v) => v ?? undefined);
    return { year: Number(y ?? yearInChina()), status, level, overdue, rectified, q, page: Number(page ?? 1) };
  }, [filters]);
  const year = query.year;
  // The drawer's hazard is in the address (?open=…), so a unit's 档案 can link to a ledger entry.
  const open = params.get("open");
  const setOpen = (id: string | null) => {
    const p = new URLSearchParams(params);
    if (id) p.set("open", id);
    else p.delete("open");
    setParams(p);
  };
  // The list and the figures are fetched again for other filters or when `load()` bumps `reloads`.
  const [reloads, setReloads] = useState(0);
  const load = useCallback(() => setReloads((n) => n + 1), []);
  useEffect(() => {
    void hazardApi.list(query).then(setList);
    void hazardApi.figures(query.year).then(setFigures);
  }, [query, reloads]);
  const set = (k: string, v: string | undefined) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    p.delete("page");
    setParams(p);
  };
  const f = figures?.hazards;
  const fig = (title: string, value: number | string, link: Record<string, string | undefined>) => (
    <Col xs={12} sm={8} md={4}>
      <Card
        size="small"
        hoverable
        onClick={() =>
          setParams(
            new URLSearchParams({ year: String(year), ...(Object.fromEntries(Object.entries(link).filter(([, v]) => v)) as Record<string, string>) }),
          )
        }
      >
        <Statistic title={title} value={value} />
      </Card>
    </Col>
  );
  return (
    <PageContainer title="隐患台账" description="现场检查发现的隐患：整改期限、复查、销号；逾期按日期计算。整改责任人在列表中遮蔽。">
      {f && (
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          {fig("发现", f.found, {})}
          {fig("整改中", f.open, { status: "open" })}
          {fig("待复查", f.awaitingReview, { status: "rectification_reported" })}
          {fig("已整改", f.rectified, { rectified: "true" })}
          {fig("逾期", f.overdue, { overdue: "true" })}
          {fig("整改率", f.rectificationRate === null ? "—" : `${f.rectificationRate}%`, {})}
        </Row>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 110 }}
          value={year}
          onChange={(v) => set("year", String(v))}
          options={[0, 1, 2].map((d) => ({ value: yearInChina() - d, label: `${yearInChina() - d}年` }))}
          aria-label="年度"
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 150 }}
          value={query.status}
          onChange={(v) => set("status", v)}
          options={Object.entries(hazardStatusLabels).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="等级"
          style={{ width: 140 }}
          value={query.level}
          onChange={(v) => set("level", v)}
          options={Object.entries(hazardLevelLabels).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="逾期"
          style={{ width: 110 }}
          value={query.overdue}
          onChange={(v) => set("overdue", v)}
          options={[{ value: "true", label: "只看逾期" }]}
        />
        <Input.Search
          allowClear
          placeholder="单位名称或统一社会信用代码"
          defaultValue={query.q}
          onSearch={(v) => set("q", v || undefined)}
          style={{ width: 260 }}
        />
      </Space>
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 900 }}
        dataSource={list?.items ?? []}
        pagination={{
          current: query.page,
          pageSize: 50,
          total: list?.total ?? 0,
          onChange: (p) => setParams(new URLSearchParams({ ...Object.fromEntries(params), page: String(p) })),
        }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: "pointer" } })}
        columns={[
          {
            title: "单位",
            dataIndex: "unitName",
            fixed: "left",
            width: 180,
            render: (v: string, r) =>
              r.unitId ? (
                <Link to={`/inspections/units/${r.unitId}`} title="单位档案" onClick={(e) => e.stopPropagation()}>
                  {v}
                </Link>
              ) : (
                v
              ),
          },
          {
            title: "等级",
            dataIndex: "level",
            width: 110,
            render: (v: HazardLevel) => <Tag color={v === "major" ? "red" : "default"}>{hazardLevelLabels[v]}</Tag>,
          },
          { title: "隐患", dataIndex: "description", ellipsis: true },
          { title: "整改期限", dataIndex: "deadline", width: 110 },
          { title: "责任人", dataIndex: "responsiblePersonMasked", width: 80 },
          {
            title: "状态",
            dataIndex: "status",
            width: 170,
            render: (v: HazardStatus, r) => (
              <Space size={4} wrap>
                <Tag color={statusColors[v]}>{hazardStatusLabels[v]}</Tag>
                {r.overdue && (
                  <Tag color={r.escalation === "supervision" ? "red" : "volcano"}>
                    {r.escalation === "supervision" ? `逾期${r.daysOverdue}天·督办` : `逾期${r.daysOverdue}天`}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: "执法主体", dataIndex: "organisationName", width: 160 },
        ]}
      />
      <HazardDrawer id={open} onClose={() => setOpen(null)} onChanged={load} />
    </PageContainer>
  );
}

function HazardDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const [h, setH] = useState<HazardDetail | null>(null);
  const [on, setOn] = useState(todayInChina());
  const [note, setNote] = useState("");
  const [passed, setPassed] = useState(true);
  const [newDeadline, setNewDeadline] = useState<string | undefined>();
  // Another hazard: forget the one shown (adjusted while rendering), then fetch it in the effect.
  const [shownFor, setShownFor] = useState(id);
  if (shownFor !== id) {
    setShownFor(id);
    setH(null);
  }
  useEffect(() => {
    if (id) void hazardApi.get(id).then(setH);
  }, [id]);
  const done = (x: HazardDetail) => {
    setH(x);
    setNote("");
    onChanged();
    message.success("已保存");
  };
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title="隐患" width={Math.min(560, window.innerWidth)}>
      {h && (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="单位">{h.unitName}</Descriptions.Item>
            <Descriptions.Item label="等级">{hazardLevelLabels[h.level]}</Descriptions.Item>
            {h.criterion && <Descriptions.Item label="判定依据">{h.criterion}</Descriptions.Item>}
            <Descriptions.Item label="隐患">{h.description}</Descriptions.Item>
            <Descriptions.Item label="整改责任人">{h.responsiblePerson}</Descriptions.Item>
            <Descriptions.Item label="发现日期">{h.foundOn}</Descriptions.Item>
            <Descriptions.Item label="整改期限">
              {h.deadline}
              {h.previousDeadlines.length > 0 && `（原期限${h.previousDeadlines.join("、")}）`}
            </Descriptions.Item>
            <Descriptions.Item label="状态">{hazardStatusLabels[h.status]}</Descriptions.Item>
            <Descriptions.Item label="整改证据">{h.evidenceFiles.length ? `${h.evidenceFiles.length}份` : "无"}</Descriptions.Item>
          </Descriptions>
          <Timeline
            items={h.events.map((e) => ({
              children: `${formatDateTime(e.at)} ${eventLabels[e.kind] ?? e.kind}${e.actorName ? ` · ${e.actorName}` : ""}`,
            }))}
          />
          {h.status === "open" && (
            <Card size="small" title="登记整改情况（须附整改证据）">
              <Space direction="vertical" style={{ width: "100%" }}>
                <input
                  type="file"
                  accept="image/*,application/pdf"
                  aria-label="上传整改证据"
                  onChange={async (e) => {
                    const file = e.target.files?.[0];
                    if (!file) return;
                    await hazardApi.uploadEvidence(h.id, await fileToBase64(file));
                    setH(await hazardApi.get(h.id));
                  }}
                />
                <DatePicker value={dayjs(on)} onChange={(v) => v && setOn(v.format("YYYY-MM-DD"))} aria-label="整改完成日期" />
                <Input.TextArea placeholder="整改情况" value={note} onChange={(e) => setNote(e.target.value)} />
                <Button
                  type="primary"
                  onClick={() =>
                    void hazardApi.rectify(h.id, { on, evidence: h.evidenceFiles.map((x) => x.sha256), note: note || undefined }).then(done)
                  }
                >
                  登记整改情况
                </Button>
              </Space>
            </Card>
          )}
          {h.status === "rectification_reported" && (
            <Card size="small" title="复查">
              <Space direction="vertical" style={{ width: "100%" }}>
                <Radio.Group value={passed} onChange={(e) => setPassed(e.target.value as boolean)}>
                  <Radio value={true}>合格</Radio>
                  <Radio value={false}>不合格</Radio>
                </Radio.Group>
                {!passed && <DatePicker placeholder="重新确定的整改期限" onChange={(v) => setNewDeadline(v?.format("YYYY-MM-DD"))} />}
                <Input.TextArea placeholder="复查意见" value={note} onChange={(e) => setNote(e.target.value)} />
                <Button type="primary" onClick={() => void hazardApi.review(h.id, { passed, note, ...(passed ? {} : { newDeadline }) }).then(done)}>
                  提交复查
                </Button>
              </Space>
            </Card>
          )}
          {h.status === "review_passed" && (
            <Button type="primary" onClick={() => void hazardApi.close(h.id).then(done)}>
              销号
            </Button>
          )}
          <Typography.Text type="secondary">整改责任人属于个人信息，仅在详情中显示。</Typography.Text>
        </Space>
      )}
    </Drawer>
  );
}
