/** Words of the monthly spot-check (月度抽查) as the county's checklist says them. */

export const REPORT_ITEMS = ['content', 'updates', 'interaction'] as const;
export type ReportItem = (typeof REPORT_ITEMS)[number];
export const REPORT_ITEM_LABELS: Record<ReportItem, string> = { content: '信息规范', updates: '内容更新', interaction: '互动回应' };

export const CHECKER_LABELS: Record<string, string> = {
  sensitive: '敏感词',
  source: '转载来源',
  ad: '广告与链接',
  secrecy: '涉密标识',
  privacy: '个人信息',
  wording: '文字表述',
};

export const SEVERITY_LABELS: Record<string, string> = { block: '拦截', review: '需复核', notice: '提示' };

/**
 * Findings that stand for a single-item veto (单项否决) in inspections: a serious wording error,
 * a leak of secrets or personal data, harmful content. Only `block` severity of these checkers.
 */
const VETO_CHECKERS = new Set(['sensitive', 'secrecy', 'privacy', 'wording']);
export function isVetoFinding(finding: { checker: string; severity: string }): boolean {
  return finding.severity === 'block' && VETO_CHECKERS.has(finding.checker);
}
