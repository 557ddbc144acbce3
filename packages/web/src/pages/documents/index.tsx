import ModulePlaceholder from "../../components/ModulePlaceholder";

export default function DocumentsPage() {
  return (
    <ModulePlaceholder
      title="文书"
      description="按模板生成执法文书，统一编号，留存送达记录。"
      features={[
        "文书模板：责令限期改正通知书、不予行政处罚决定书、行政告诫书、行政提示书等",
        "按单位和年度自动编号",
        "生成 PDF 与 Word 文书，电子签章",
        "送达回证与送达记录",
      ]}
    />
  );
}
