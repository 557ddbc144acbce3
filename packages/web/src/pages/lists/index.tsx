import ModulePlaceholder from "../../components/ModulePlaceholder";

export default function ListsPage() {
  return (
    <ModulePlaceholder
      title="清单管理"
      description="编制和维护本单位的柔性执法事项清单，依法依规动态调整。"
      features={[
        "不予行政处罚事项清单、减轻行政处罚事项清单、从轻行政处罚事项清单、不予行政强制事项清单",
        "从重行政处罚事项清单（负面清单）",
        "事项的情形、依据与配套监管措施，逐条引用法律法规条款",
        "法制审核（合法性审核）、司法局备案、向社会公布",
        "乡镇（街道）认领赋权事项，法律法规立改废释后及时调整",
      ]}
    />
  );
}
