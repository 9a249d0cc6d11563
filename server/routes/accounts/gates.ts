import { RequestHandler } from 'express';
import { forbidden } from '../../errors';
import { Role } from '../../models/User';

/**
 * Role gates of the registry's routes: a role that may never do something is refused (403) before
 * any object is looked up; whether the object is within the user's unit is asked after (404).
 */
export const REGISTRY_READERS: Role[] = ['editor', 'reviewer', 'sysadmin', 'auditor'];
export const ACCOUNT_KEEPERS: Role[] = ['editor', 'sysadmin'];

export function gate(roles: readonly Role[], message: string): RequestHandler {
  return (req, _res, next) => next(req.user && roles.includes(req.user.role) ? undefined : forbidden(message));
}

export const readers = gate(REGISTRY_READERS, '安全管理员不参与账号备案、发布登记和抽查');
export const keepers = gate(ACCOUNT_KEEPERS, '只有本单位的编辑或系统管理员可以修改账号备案信息');
export const registrar = gate(['sysadmin'], '此操作由系统管理员（主管单位）办理');
export const editors = gate(['editor'], '此操作由本单位的编辑办理');
