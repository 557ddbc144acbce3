import ModulePlaceholder from "../../components/ModulePlaceholder";

export default function CasesPage() {
  return (
    <ModulePlaceholder
      title="案件办理"
      description="依据清单对违法行为进行研判，宽严相济、过罚相当地办理案件。"
      features={[
        "对照清单研判：不予行政处罚、减轻行政处罚、从轻行政处罚、依法处罚或从重处罚",
        "首次被发现、危害后果轻微并及时改正的，适用轻微告诫改正",
        "简易程序、普通程序、案件移送与行刑衔接",
        "法制审核、集体讨论、送达、回访与复查",
        "案卷归档，全过程记录",
      ]}
    />
  );
}
