import { LawLibrary } from "./library";
import { assignStatuses, parseLawMarkdown } from "./parse";

/** Small laws shaped like the real ones, for unit tests that must not depend on the shipped seed. */
export const SAFETY_LAW_MD = `# 中华人民共和国安全生产法

2021年6月10日 修正

<!-- INFO END -->

## 第一章 总则

第一条 为了加强安全生产工作，制定本法。

第二条 生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款:

（一）未按照规定设置安全生产管理机构或者配备安全生产管理人员、注册安全工程师的；

（二）未如实记录安全生产教育和培训情况的；

（三）未将事故隐患排查治理情况如实记录或者未向从业人员通报的。

第三条 有下列情形之一的，应当及时修订：

（一）法律发生重大变化；

（二）风险发生重大变化。

有下列情形之一的，应当报告：

（一）发生事故；

（二）发生险情。
`;

export const OLD_SAFETY_LAW_MD = `# 中华人民共和国安全生产法

<!-- INFO END -->

第一条 旧版本第一条。
`;

export const REGULATION_MD = `# 生产安全事故应急条例

<!-- INFO END -->

第一条 为了规范生产安全事故应急工作，制定本条例。

第二条 生产经营单位未将生产安全事故应急救援预案报送备案的，责令限期改正；逾期未改正的，处3万元以上5万元以下的罚款。

预案应当定期修订。
`;

export function fixtureLibrary(): LawLibrary {
  return new LawLibrary(
    assignStatuses([
      parseLawMarkdown(OLD_SAFETY_LAW_MD, "安全生产法(2014-08-31).md"),
      parseLawMarkdown(SAFETY_LAW_MD, "安全生产法(2021-06-10).md"),
      parseLawMarkdown(REGULATION_MD, "生产安全事故应急条例(2019-02-17).md"),
    ]),
  );
}
