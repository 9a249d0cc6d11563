import type { Role } from './lib/types';

/** What each role finds in the menu; the first entry is the home page. */
export interface NavItem {
  to: string;
  label: string;
}

export const NAVIGATION: Record<Role, NavItem[]> = {
  editor: [
    { to: '/drafts', label: '我的稿件' },
    { to: '/drafts/new', label: '写新稿件' },
    { to: '/publications', label: '发布登记' },
    { to: '/accounts', label: '本单位账号' },
    { to: '/reports/monthly', label: '月度抽查' },
    { to: '/dashboard', label: '数据看板' },
  ],
  reviewer: [
    { to: '/queue', label: '审核队列' },
    { to: '/drafts', label: '本单位稿件' },
    { to: '/reports/monthly', label: '月度抽查' },
    { to: '/dashboard', label: '数据看板' },
  ],
  secadmin: [
    { to: '/wordlists', label: '词库管理' },
    { to: '/rules', label: '筛查规则' },
    { to: '/review-policy', label: '审核策略' },
    { to: '/rescreens', label: '重新筛查' },
    { to: '/dashboard', label: '数据看板' },
  ],
  sysadmin: [
    { to: '/users', label: '用户管理' },
    { to: '/units', label: '单位管理' },
    { to: '/accounts', label: '账号备案' },
    { to: '/reports/monthly', label: '月度抽查' },
    { to: '/settings', label: '系统设置' },
    { to: '/dashboard', label: '数据看板' },
  ],
  auditor: [
    { to: '/audit', label: '审计日志' },
    { to: '/accounts', label: '账号备案' },
    { to: '/reports/monthly', label: '月度抽查' },
    { to: '/dashboard', label: '数据看板' },
  ],
};

export function homeOf(role: Role): string {
  return NAVIGATION[role][0]!.to;
}
