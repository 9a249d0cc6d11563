import { OPERATION_MODE_LABELS, OperationMode, PLATFORM_LABELS, Platform, REGISTERED_STATUSES, RegisteredStatus, REMEDIAL_MEASURE_LABELS, RemedialMeasure, ACCOUNT_STATUS_LABELS } from '../models/Account';

/**
 * The columns of the county's inventory table (排查及清理整合情况表), in its order, with the
 * account id added last so that a re-import finds the same accounts. Export and import share it.
 */
export const INVENTORY_COLUMNS = [
  { key: 'index', header: '序号', width: 6 },
  { key: 'name', header: '账号名称', width: 24 },
  { key: 'certifiedSubject', header: '认证主体', width: 20 },
  { key: 'ownerUnit', header: '主办单位', width: 20 },
  { key: 'ownerLeader', header: '主办单位联系人', width: 12 },
  { key: 'ownerContact', header: '主办单位联系电话', width: 16 },
  { key: 'operatorUnit', header: '承办单位', width: 20 },
  { key: 'operatorLeader', header: '承办单位联系人', width: 12 },
  { key: 'operatorContact', header: '承办单位联系电话', width: 16 },
  { key: 'operationMode', header: '运维方式（自主运营/购买服务）', width: 14 },
  { key: 'yearlyBudget', header: '年度经费预算（万元）', width: 12 },
  { key: 'followers', header: '粉丝数', width: 10 },
  { key: 'readCount', header: '阅读量', width: 10 },
  { key: 'postingFrequency', header: '更新频率', width: 12 },
  { key: 'openedOn', header: '开设时间', width: 12 },
  { key: 'staffCount', header: '运维人员数', width: 10 },
  { key: 'status', header: '运营状态', width: 10 },
  { key: 'basicFunctions', header: '基本功能', width: 24 },
  { key: 'platform', header: '平台类型', width: 14 },
  { key: 'remedialMeasure', header: '整改措施（保留/变更/关停/注销）', width: 14 },
  { key: 'platformAccountId', header: '账号ID', width: 18 },
] as const;
export type InventoryKey = (typeof INVENTORY_COLUMNS)[number]['key'];

export const INVENTORY_TITLE = '政务新媒体排查及清理整合情况表';
export const INVENTORY_SHEET = '排查及清理整合情况表';

const invert = <K extends string>(labels: Record<K, string>) => new Map(Object.entries(labels).map(([code, label]) => [label as string, code as K]));

const PLATFORM_ALIASES: Record<string, Platform> = {
  ...Object.fromEntries(Object.entries(PLATFORM_LABELS).map(([code, label]) => [label, code as Platform])),
  新浪微博: 'weibo',
  服务号: 'wechat_service',
  微信公众号服务号: 'wechat_service',
  订阅号: 'wechat_subscription',
  微信公众号订阅号: 'wechat_subscription',
  微信公众号: 'wechat',
  小程序: 'wechat_mini',
  移动客户端: 'app',
  客户端: 'app',
  APP: 'app',
  App: 'app',
  app: 'app',
  头条: 'toutiao',
  头条号: 'toutiao',
  抖音号: 'douyin',
  快手号: 'kuaishou',
};

/** A platform as written in the table; unknown names become `other` with the name kept. */
export function parsePlatform(text: string): { platform: Platform; platformOther: string | null } {
  const key = text.replace(/[\s（）()]/g, '');
  const known = PLATFORM_ALIASES[text] ?? PLATFORM_ALIASES[key];
  if (known) return { platform: known, platformOther: null };
  return { platform: 'other', platformOther: text.slice(0, 50) };
}

const STATUS_BY_LABEL = new Map(REGISTERED_STATUSES.map((s) => [ACCOUNT_STATUS_LABELS[s], s as RegisteredStatus]));
export function parseStatus(text: string): RegisteredStatus | undefined {
  return STATUS_BY_LABEL.get(text.replace(/\s/g, ''));
}

const MODES = invert<OperationMode>(OPERATION_MODE_LABELS);
MODES.set('自主', 'self').set('自营', 'self').set('购买', 'purchased').set('外包', 'purchased');
export function parseOperationMode(text: string): OperationMode | undefined {
  return MODES.get(text.replace(/\s/g, ''));
}

const MEASURES = invert<RemedialMeasure>(REMEDIAL_MEASURE_LABELS);
export function parseRemedialMeasure(text: string): RemedialMeasure | undefined {
  return MEASURES.get(text.replace(/\s/g, ''));
}
