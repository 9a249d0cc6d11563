import { isAdminRole, STAFF_ROLES } from '../auth/roles';
import { User } from '../models';
import { Role } from '../models/User';

/**
 * Who manages which accounts (三员分立). The system admin manages editors and reviewers in the
 * console; the three admin accounts are created and reset by the operator on the server
 * (`admin user:create`, `admin user:reset-password`), so that no admin can mint or take over
 * another admin's account and act in that role.
 */

/** Why this admin may not manage this account (403), or null. */
export function accountManagementRefusal(admin: User, target: User): string | null {
  if (admin.role !== 'sysadmin') return '只有系统管理员可以管理用户账户';
  if (admin.id === target.id) return '不能在用户管理中修改自己的账户（修改密码请在个人设置中进行）';
  if (isAdminRole(target.role)) return '管理员账户只能由运维人员在服务器上管理（三员分立），控制台不能修改';
  return null;
}

/** Why the console may not give an account this role (403), or null. */
export function roleAssignmentRefusal(role: Role): string | null {
  if (!(STAFF_ROLES as readonly string[]).includes(role)) {
    return '控制台只能创建编辑和审核员账户；管理员账户由运维人员在服务器上创建（三员分立）';
  }
  return null;
}
