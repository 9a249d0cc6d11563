import { countyToday } from './countyTime';

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

/** The month before today's in the county, as YYYY-MM (the spot-check looks back at a finished month). */
export function previousMonth(today = countyToday()): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
