import { Role } from '../models/User';

/** The three separate admins (三员分立): system admin, security admin, auditor. */
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

/** The roles a system admin hands out in the console; admin accounts are created by the operator on the server. */
export const STAFF_ROLES: readonly Role[] = ['editor', 'reviewer'];

export function isAdminRole(role: string): boolean {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  editor: '编辑',
  reviewer: '审核员',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '安全审计员',
};
