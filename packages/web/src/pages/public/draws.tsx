// 一公开: the public page of the 双随机 draws (no login, no personal data, readable on a phone).
// /public/draws lists an organisation's draws; /public/draws/:id shows one with the pool hash, the
// pool file, the seed inputs and the selection, and how to re-run it with scripts/verify-draw.mjs,
// then the 检查结果公示 (DrawResults.tsx) with its summary at the top.
import { Alert, Button, Card, ConfigProvider, Descriptions, Empty, List, Select, Space, Spin, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { industryLabels, riskLevelLabels } from "@kuanyan/domain/inspections";
import { getPublicDraw, listPublicDraws, publicDrawJsonUrl, publicPoolUrl, type PublicDraw, type PublicDrawList } from "../../services/inspections";
import { ResultsSection, ResultsSummary } from "./DrawResults";

const mono = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", wordBreak: "break-all" as const };
const kindLabel = (k: "annual" | "periodic") => (k === "annual" ? "年度计划抽取" : "季度/专项抽取");

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { fontSize: 15 } }}>
      <div style={{ maxWidth: 1080, margin: "0 auto", padding: "16px 12px 40px" }}>{children}</div>
    </ConfigProvider>
  );
}

function DrawList() {
  const [org, setOrg] = useState<string | undefined>();
  const [data, setData] = useState<PublicDrawList | null>(null);
  // Another organisation: forget the list shown (adjusted while rendering), then fetch it in the effect.
  const [listedFor, setListedFor] = useState(org);
  if (listedFor !== org) {
    setListedFor(org);
    setData(null);
  }
  useEffect(() => {
    document.title = "双随机抽查抽取公开";
    void listPublicDraws(org).then(setData, () => setData({ items: [], organisations: [] }));
  }, [org]);
  return (
    <Frame>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        “双随机、一公开”抽取公告与结果
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        每次抽取前冻结检查对象名录库并公布其SHA-256摘要、服务器密钥的承诺值和将采用的公开随机数；抽取后公布底库文件、公开随机数、服务器密钥、种子和抽取结果。任何人都可以用公开的底库文件和种子独立重算抽取结果。
      </Typography.Paragraph>
      <Select
        allowClear
        placeholder="选择组织抽取的单位"
        aria-label="组织抽取的单位"
        style={{ width: "100%", maxWidth: 360, marginBottom: 16 }}
        value={org}
        onChange={setOrg}
        options={(data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      {data === null ? (
        <Spin style={{ display: "block", margin: "10vh auto" }} />
      ) : data.items.length === 0 ? (
        <Empty description="暂无公开的抽取" />
      ) : (
        <List
          dataSource={data.items}
          renderItem={(d) => (
            <List.Item key={d.id} data-testid="public-draw">
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={`/public/draws/${d.id}`}>{d.title}</Link>
                    <Tag color={d.status === "drawn" ? "green" : "gold"}>{d.status === "drawn" ? "已抽取" : "已公告，待抽取"}</Tag>
                  </Space>
                }
                description={
                  <span>
                    {d.organisationName} · {d.drawNo} · {kindLabel(d.kind)} · 公告日 {d.announcedOn}
                    {d.drawnOn ? ` · 抽取日 ${d.drawnOn}` : ` · 公开随机数 ${d.publicValueDate} 产生`}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Frame>
  );
}

function DrawDetail({ id }: { id: string }) {
  const [d, setD] = useState<PublicDraw | null | undefined>();
  useEffect(() => {
    void getPublicDraw(id).then(
      (r) => {
        setD(r);
        document.title = `${r.title}（${r.drawNo}）抽取公开`;
      },
      () => setD(null),
    );
  }, [id]);
  if (d === undefined) return <Spin style={{ display: "block", margin: "30vh auto" }} />;
  if (d === null)
    return (
      <Frame>
        <Empty description="该抽取不存在" />
      </Frame>
    );
  return (
    <Frame>
      <Link to="/public/draws">← 全部抽取</Link>
      <Typography.Title level={3} style={{ margin: "8px 0 4px" }}>
        {d.title}
      </Typography.Title>
      <Space wrap size={4} style={{ marginBottom: 12 }}>
        <Tag color={d.status === "drawn" ? "green" : "gold"}>{d.status === "drawn" ? "已抽取" : "已公告，待抽取"}</Tag>
        <Tag>{d.organisationName}</Tag>
        <Tag>{kindLabel(d.kind)}</Tag>
        <Typography.Text type="secondary">抽取编号 {d.drawNo}</Typography.Text>
      </Space>
      {d.redrawOf ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`本次为重新抽取，替代 ${d.redrawOf}。理由：${d.redrawReason ?? ""}`} />
      ) : null}
      {d.status === "drawn" && d.results.length > 0 ? <ResultsSummary d={d} /> : null}
      <Card size="small" title="公告（抽取前公布）" style={{ marginBottom: 12 }}>
        <Descriptions column={1} size="small" bordered labelStyle={{ width: 150 }}>
          <Descriptions.Item label="公告日期">{d.announcedOn}</Descriptions.Item>
          <Descriptions.Item label="抽取底库SHA-256">
            <span style={mono} data-testid="pool-sha256">
              {d.poolSha256}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="底库文件">
            <Space wrap>
              <Button size="small" href={publicPoolUrl(d.id)} data-testid="pool-download">
                下载底库文件（{d.poolBytes} 字节，{d.objectCount} 个检查对象）
              </Button>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="服务器密钥承诺值">
            <span style={mono}>{d.commitment}</span>
          </Descriptions.Item>
          <Descriptions.Item label="公开随机数来源">
            {d.publicSource}（{d.publicValueDate} 产生）
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {d.status === "drawn" && d.selection ? (
        <>
          <Card size="small" title="抽取（种子的输入）" style={{ marginBottom: 12 }}>
            <Descriptions column={1} size="small" bordered labelStyle={{ width: 150 }}>
              <Descriptions.Item label="抽取日期">{d.drawnOn}</Descriptions.Item>
              <Descriptions.Item label="公开随机数">
                <span style={mono} data-testid="public-value">
                  {d.publicValue}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="服务器密钥">
                <span style={mono}>{d.secret}</span>
              </Descriptions.Item>
              <Descriptions.Item label="种子">
                <span style={mono} data-testid="seed">
                  {d.seed}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="抽取结果文件">
                <Button size="small" href={publicDrawJsonUrl(d.id)} data-testid="draw-download">
                  下载抽取结果文件
                </Button>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              自行核对：下载两个文件后运行 <Typography.Text code>node scripts/verify-draw.mjs 底库文件.json 抽取结果文件.json</Typography.Text>
              （脚本见本项目代码库，算法见 docs/inspections/draw.md），脚本重算种子和抽取结果并与公布结果比对。
            </Typography.Paragraph>
          </Card>
          <Card size="small" title={`抽取结果（${d.selection.objects.length} 个检查对象）`} style={{ marginBottom: 12 }}>
            {d.selection.strata.length ? (
              <Typography.Paragraph type="secondary">
                分层：
                {d.selection.strata
                  .map((s) => `${industryLabels[s.industry]}/${riskLevelLabels[s.riskLevel]} ${s.size}家抽${s.drawn}家（${s.percent}%）`)
                  .join("；")}
              </Typography.Paragraph>
            ) : null}
            <Table
              size="small"
              rowKey="creditCode"
              pagination={false}
              scroll={{ x: true }}
              dataSource={d.selection.objects}
              onRow={() => ({ "data-testid": "selection-row" }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: "序号", render: (_v, _r, i) => i + 1, width: 60 },
                { title: "统一社会信用代码", dataIndex: "creditCode", render: (v: string) => <span style={mono}>{v}</span> },
                { title: "单位名称", dataIndex: "unitName" },
                ...(d.kind === "annual"
                  ? [{ title: "列入方式", dataIndex: "reason", render: (v: string | null) => (v === "key" ? "重点单位" : "抽中") }]
                  : [{ title: "执法人员", dataIndex: "inspectorCount", render: (v: number) => `${v}名` }]),
              ]}
            />
          </Card>
          {d.results.length > 0 ? <ResultsSection d={d} /> : null}
        </>
      ) : (
        <Alert type="info" showIcon message={`公开随机数将于${d.publicValueDate}产生，届时录入并完成抽取后在此公布结果。`} />
      )}
    </Frame>
  );
}

export default function PublicDrawsPage() {
  const { id } = useParams();
  return id ? <DrawDetail id={id} /> : <DrawList />;
}
