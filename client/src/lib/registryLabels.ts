/** Words for the account registry, publications, reports and the audit log, as the county's forms say them. */

export const PLATFORM_LABELS: Record<string, string> = {
  weibo: '微博',
  wechat_service: '微信服务号',
  wechat_subscription: '微信订阅号',
  wechat_mini: '微信小程序',
  wechat: '微信',
  weishi: '微视',
  app: '移动客户端（APP）',
  toutiao: '今日头条',
  douyin: '抖音',
  kuaishou: '快手',
  other: '其他',
};

export const ACCOUNT_STATUS_LABELS: Record<string, string> = {
  normal: '正常',
  suspended: '暂停',
  deregistered: '注销',
  shutdown: '关停',
  pending: '待审批',
  refused: '未通过',
};

/** The status steps a system admin records from each status (the server refuses the rest with 409). */
export const STATUS_STEPS: Record<string, Array<{ to: string; label: string }>> = {
  normal: [
    { to: 'suspended', label: '暂停' },
    { to: 'deregistered', label: '注销' },
    { to: 'shutdown', label: '关停' },
  ],
  suspended: [
    { to: 'normal', label: '恢复正常' },
    { to: 'deregistered', label: '注销' },
    { to: 'shutdown', label: '关停' },
  ],
};

export const OPERATION_MODE_LABELS: Record<string, string> = { self: '自主运营', purchased: '购买服务' };
export const REMEDIAL_MEASURE_LABELS: Record<string, string> = { keep: '保留', change: '变更', shutdown: '关停', deregister: '注销' };

export const CHANGE_KIND_LABELS: Record<string, string> = {
  name: '名称变更',
  platform_account_id: '账号ID变更',
  team: '管理团队变更',
  maintenance: '运维安排变更',
};

export const FRESHNESS_LABELS: Record<string, string> = { ok: '正常更新', warning: '预警', alert: '告警', overdue: '超期未更新' };

export const OUTCOME_LABELS: Record<string, string> = { success: '成功', denied: '被拒绝', failure: '失败' };

/** Audit event types in words; a type not listed shows as it is. */
export const EVENT_LABELS: Record<string, string> = {
  'login.success': '登录成功',
  'login.failure': '登录失败',
  'login.locked': '账户锁定',
  'login.unlock': '解除锁定',
  logout: '退出登录',
  'password.change': '修改密码',
  'password.reset': '重置密码',
  'totp.enable': '绑定动态口令',
  'totp.disable': '解除动态口令',
  'totp.reset': '重置动态口令',
  'policy.totp': '动态口令要求',
  'access.denied': '越权访问被拒绝',
  rate_limited: '请求过于频繁',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'unit.create': '创建单位',
  'unit.update': '修改单位',
  'unit.review_policy': '修改审核策略',
  'draft.submit': '提交稿件',
  'draft.revise': '修改后重新提交',
  'draft.claim': '领取审核',
  'draft.claim_release': '释放领取',
  'draft.publish': '登记发布',
  'review.approve': '审核通过',
  'review.return': '退回修改',
  'review.reject': '否决',
  'rescreen.start': '开始重新筛查',
  'rule.create': '新增规则',
  'rule.update': '修改规则',
  'rule.enable': '启用规则',
  'rule.disable': '停用规则',
  'rule.delete': '删除规则',
  'rule.import': '导入规则',
  'rule.export': '导出规则',
  'term.create': '新增敏感词',
  'term.update': '修改敏感词',
  'term.enable': '启用敏感词',
  'term.disable': '停用敏感词',
  'term.delete': '删除敏感词',
  'term.import': '导入敏感词',
  'term.export': '导出敏感词',
  'allow_word.create': '新增白名单词',
  'allow_word.update': '修改白名单词',
  'allow_word.enable': '启用白名单词',
  'allow_word.disable': '停用白名单词',
  'allow_word.delete': '删除白名单词',
  'allow_word.import': '导入白名单',
  'allow_word.export': '导出白名单',
  'account.apply': '提交开设申请',
  'account.approve': '批准开设',
  'account.refuse': '不批准开设',
  'account.register': '直接备案',
  'account.update': '修改备案信息',
  'account.menus': '修改菜单',
  'account.qr_code': '修改二维码',
  'account.suspension': '暂停账号',
  'account.resumption': '恢复账号',
  'account.deregistration': '注销账号',
  'account.shutdown': '关停账号',
  'account.change.report': '报告变更',
  'account.change.file': '变更备案',
  'account.import': '导入排查表',
  'account.interaction': '填报互动数据',
  'registry.export': '导出备案表格',
  'registry.calendar': '修改工作日历',
  'registry.freshness_thresholds': '修改更新预警阈值',
  'audit.export': '导出审计日志',
  'audit.purge': '清理过期审计记录',
};

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? type;
}

/** Today's month as YYYY-MM and the month before it (the spot-check looks back at a finished month). */
export function previousMonth(today = new Date()): string {
  const year = today.getFullYear();
  const month = today.getMonth(); // 0-based: the previous month's number
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}
