import ModulePlaceholder from "../../components/ModulePlaceholder";

export default function SupervisionPage() {
  return (
    <ModulePlaceholder
      title="监督检查"
      description="规范涉企检查，开展行政执法监督。"
      features={[
        "双随机一公开：检查对象名录库、执法检查人员名录库、随机抽取",
        "检查表与综合查一次，减少对企业的重复检查",
        "隐患整改跟踪与整改率统计",
        "司法局对清单执行和案件办理的执法监督",
        "检查结果公示",
      ]}
    />
  );
}
