/**
 * Chinese labels of the audit event types the server records (审计日志) and of the kinds of
 * records they concern. packages/server/src/audit/labels.test.ts collects every event type the
 * server writes and fails when one has no label here.
 */

export const auditActionLabels: Readonly<Record<string, string>> = {
  // 认证与账号
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.login_failed": "登录失败",
  "auth.locked": "账号锁定",
  "user.created": "新建用户",
  "user.updated": "修改用户",
  "user.password_changed": "修改密码",
  "organisation.created": "新建组织机构",
  "organisation.updated": "修改组织机构",
  "demo.created": "创建演示数据",
  // 清单
  "list.created": "新建清单",
  "list.draft_saved": "保存清单草稿",
  "list.claimed": "认领清单",
  "list.demo_created": "创建演示清单",
  "list.submit": "提交合法性审核",
  "list.approve": "合法性审核通过",
  "list.return": "退回修改",
  "list.publish": "发布清单",
  "list.file": "报司法局备案",
  "list.recordEvaluation": "记录清单评估结果",
  "list.revise": "修订清单（新建版本）",
  "list.repeal": "废止清单",
  // 案件
  "case.opened": "登记案件",
  "case.updated": "更新案件",
  "case.evaluated": "裁量评估",
  "case.decided": "确认处理决定",
  "case.decided_with_departure": "确认处理决定（偏离建议）",
  "case.route_set": "确定办理程序",
  "case.review_approved": "法制审核通过",
  "case.review_returned": "法制审核退回",
  "case.party_accepted_soft": "当事人接受柔性处理",
  "case.party_chose_ordinary": "当事人选择普通程序",
  "case.correction_ordered": "责令改正",
  "case.reinspected": "复查",
  "case.follow_up_scheduled": "安排回访",
  "case.follow_up_recorded": "记录回访",
  "case.measure_recorded": "记录柔性措施",
  "case.measure_cancelled": "撤销柔性措施",
  "case.evidence_uploaded": "上传证据",
  "case.soft_enforcement_terminated": "终止柔性执法",
  "case.closed": "办结归档",
  "case.reopened": "重新开启案件",
  "case.cancelled": "撤销立案",
  // 文书
  "document.issued": "签发文书",
  "document.superseded": "文书被更正取代",
  "document.cancelled": "作废文书",
  "document.delivered": "记录送达",
  "document_template.saved": "保存文书模板",
  "documents.number_pattern_set": "设置文书编号格式",
  "documents.seal_uploaded": "上传电子印章",
  // 统计报表
  "statistics.report_submitted": "报送统计报表",
  "statistics.report_corrected": "更正统计报表",
  // 个人信息的查阅与下载（只记录谁、何时、哪条记录，不记录内容）
  "case.viewed": "查看案件详情",
  "evidence.downloaded": "下载证据文件",
  "archive.downloaded": "下载案卷 PDF",
  "document.downloaded": "下载文书",
  "export.downloaded": "导出含个人信息的文件",
  "users.listed": "查看用户列表",
};

/** The events that record a read of personal data (not a change): kept out of a case's timeline. */
export const auditReadActions: readonly string[] = [
  "case.viewed",
  "evidence.downloaded",
  "archive.downloaded",
  "document.downloaded",
  "export.downloaded",
  "users.listed",
];

export const auditEntityTypeLabels: Readonly<Record<string, string>> = {
  organisation: "组织机构",
  user: "用户",
  installation: "系统安装",
  session: "会话",
  list: "清单",
  list_version: "清单版本",
  list_claim: "清单认领",
  matter: "事项",
  case: "案件",
  evidence: "证据",
  document: "文书",
  document_template: "文书模板",
  statisticsForm: "统计报表",
  statistics_report: "统计报表报送",
};

/** The Chinese label of an event type; an unknown type is shown as it is. */
export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}
