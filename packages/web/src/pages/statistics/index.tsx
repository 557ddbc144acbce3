import { Table, Typography } from "antd";
import { statisticsColumnInfo } from "@kuanyan/domain/measures";
import ModulePlaceholder from "../../components/ModulePlaceholder";

export default function StatisticsPage() {
  return (
    <ModulePlaceholder
      title="统计报表"
      description="按期填报和汇总柔性执法统计报表，形成数据驾驶舱。"
      features={[
        "柔性执法统计报表的填报、审核与上报",
        "按地区、领域、时间汇总，数据驾驶舱图表展示",
        "由案件办理数据自动生成报表初稿",
      ]}
    >
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        报表栏目
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="column"
        dataSource={[...statisticsColumnInfo]}
        scroll={{ x: true }}
        columns={[
          { title: "序号", key: "index", width: 64, render: (_v, _r, i) => i + 1 },
          { title: "栏目", dataIndex: "label" },
          { title: "计量单位", dataIndex: "unit", width: 96 },
        ]}
      />
    </ModulePlaceholder>
  );
}
