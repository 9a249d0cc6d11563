import type { Role } from './lib/types';

/**
 * What each role finds in the menu. Pages of the admin roles are added here as their APIs
 * land (word lists, users and units, accounts, the audit log); the first entry is the home page.
 */
export interface NavItem {
  to: string;
  label: string;
}

export const NAVIGATION: Record<Role, NavItem[]> = {
  editor: [
    { to: '/drafts', label: '我的稿件' },
    { to: '/drafts/new', label: '写新稿件' },
    { to: '/dashboard', label: '数据看板' },
  ],
  reviewer: [
    { to: '/queue', label: '审核队列' },
    { to: '/drafts', label: '本单位稿件' },
    { to: '/dashboard', label: '数据看板' },
  ],
  secadmin: [
    { to: '/rescreens', label: '重新筛查' },
    { to: '/dashboard', label: '数据看板' },
  ],
  sysadmin: [{ to: '/dashboard', label: '数据看板' }],
  auditor: [{ to: '/dashboard', label: '数据看板' }],
};

export function homeOf(role: Role): string {
  return NAVIGATION[role][0]!.to;
}
