import { countyTimeText } from './countyTime';
import type { DraftStatus, Role, Severity, Verdict } from './types';

/** Every word the console shows for a code, in the words county staff use. */
export const STATUS_LABELS: Record<DraftStatus, string> = {
  screening: '机器预审中',
  returned: '已退回修改',
  in_review: '审核中',
  approved: '已通过',
  rejected: '已否决',
  published: '已发布',
};

export const ROLE_LABELS: Record<Role, string> = {
  editor: '编辑',
  reviewer: '审核员',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '安全审计员',
};

export const VERDICT_LABELS: Record<Verdict, string> = { pass: '机器通过', review: '需人工关注', block: '机器拦截' };

export const SEVERITY_LABELS: Record<Severity, string> = { block: '拦截', review: '需审核', notice: '提示' };

export const CHECKER_LABELS: Record<string, string> = {
  sensitive: '敏感词',
  source: '转载来源',
  ad: '广告与链接',
  secrecy: '涉密标识',
  privacy: '个人信息',
  wording: '规范表述',
  system: '系统',
};

/** Finding categories the checkers use; a category not listed (e.g. a word-list category) shows as it is. */
export const CATEGORY_LABELS: Record<string, string> = {
  political: '政治',
  leader: '领导人姓名',
  cult: '邪教',
  vulgar: '低俗辱骂',
  porn: '色情',
  gambling: '赌博',
  drugs: '毒品',
  fraud: '诈骗',
  'violent-terror': '暴恐',
  uncategorised: '未分类',
  repost_source: '转载来源',
  source_whitelist: '来源白名单',
  commercial_link: '商业链接',
  unknown_link: '未知链接',
  account_link: '公众号文章链接',
  service_mini_program_link: '公共服务小程序',
  ad_absolute: '绝对化用语',
  ad_call_to_action: '招揽用语',
  ad_contact: '联系方式',
  ad_price: '价格促销',
  ad_selling_signals: '推销信号集中',
  secrecy_classification: '密级标识',
  secrecy_handling: '保密提示',
  secrecy_internal: '内部资料',
  secrecy_word: '涉密词语',
  personal_id_card: '身份证号',
  personal_mobile: '手机号码',
  personal_bank_card: '银行卡号',
  personal_address: '家庭住址',
  wording_formulation: '重要表述',
  wording_institution: '机构名称',
  wording_typo: '错别字',
  wording_usage: '用语',
  wording_typo_guess: '疑似错别字',
  wording_punctuation: '标点',
};

/** Categories of link rules (wordlists/links.tsv), which findings do not carry. */
export const LINK_CATEGORY_LABELS: Record<string, string> = {
  ecommerce: '电商',
  shortener: '短链接',
  payment: '支付',
  coupon: '优惠券',
  app_download: '应用下载',
  miniprogram: '小程序',
  public_service: '公共服务',
};

/** Categories of important formulations (wordlists/formulations.tsv). */
export const FORMULATION_CATEGORY_LABELS: Record<string, string> = {
  political: '党的理论与重要论述',
  policy: '政策表述',
  institution: '机构名称',
};

/** The checkers' prefixes of a finding's category (secrecy_ and the rule's own category). */
const FINDING_PREFIX = /^(?:secrecy|wording|ad)_/;

/** A category's Chinese name; a category of the county's own (a Chinese name, or a code) shows without the checker's prefix. */
export function categoryLabel(category: string | null | undefined): string {
  if (!category) return '';
  return CATEGORY_LABELS[category] ?? category.replace(FINDING_PREFIX, '');
}

export const FIELD_LABELS: Record<string, string> = { title: '标题', body: '正文', sourceName: '来源名称', sourceUrl: '原文链接' };

export const DECISION_LABELS: Record<string, string> = { approve: '通过', return: '退回修改', reject: '否决' };

export const CHECKS: Array<{ key: string; label: string; hint: string }> = [
  { key: 'political', label: '政治关', hint: '政治立场、提法、地图、领导人信息准确' },
  { key: 'legal', label: '法律关', hint: '不违反法律法规，不侵犯他人权益' },
  { key: 'policy', label: '政策关', hint: '与现行政策一致，表述不越权' },
  { key: 'secrecy', label: '保密关', hint: '不含国家秘密、工作秘密和个人信息' },
  { key: 'wording', label: '文字关', hint: '无错别字、病句和标点错误' },
];

export function levelLabel(level: number | null | undefined): string {
  if (!level) return '';
  return ({ 1: '初审', 2: '复审', 3: '终审' } as Record<number, string>)[level] ?? `第 ${level} 级审核`;
}

export function statusText(status: DraftStatus, level: number | null): string {
  return status === 'in_review' && level ? `${levelLabel(level)}中` : STATUS_LABELS[status];
}

export function personName(person: { username: string | null; displayName: string | null } | null | undefined): string {
  if (!person) return '系统';
  return person.displayName || person.username || '—';
}

/** "3 小时 12 分" from seconds. */
export function durationText(seconds: number): string {
  if (seconds < 60) return '不到 1 分钟';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} 小时 ${minutes % 60} 分`;
  return `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
}

/** An instant as the console shows it, in Beijing time (see countyTime). */
export function timeText(iso: string | null | undefined): string {
  if (!iso) return '';
  return countyTimeText(iso);
}
