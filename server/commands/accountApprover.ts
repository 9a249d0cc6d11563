import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { now } from '../lib/clock';
import { Account, AccountLifecycleRecord, User } from '../models';
import { accountStatusLabel } from '../models/Account';
import { isRegistrar } from '../policies/registryPolicy';
import { sequelize } from '../storage/database';

export interface ApprovalInput {
  decision: 'approve' | 'refuse';
  opinion: string;
}

/** The supervising office decides an opening application, with its opinion (主管单位意见). */
export async function accountApprover(admin: User, accountId: number, input: ApprovalInput, actor: AuditActor): Promise<Account> {
  if (!isRegistrar(admin)) throw forbidden('开设申请由系统管理员（主管单位）审批');
  if (input.decision === 'refuse' && !input.opinion) throw badRequest('不予批准须写明理由：请填写主管单位意见（opinion）');
  return sequelize().transaction(async (transaction) => {
    const account = await Account.findByPk(accountId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!account) throw notFound('找不到该账号');
    if (account.status !== 'pending') throw conflict(`该账号不在待审批状态（当前：${accountStatusLabel(account.status)}）`);
    const approved = input.decision === 'approve';
    await account.update(
      approved
        ? { status: 'normal', registeredAt: now(), supervisorOpinion: input.opinion || null }
        : { status: 'refused', supervisorOpinion: input.opinion },
      { transaction },
    );
    await AccountLifecycleRecord.create(
      { accountId, kind: approved ? 'approval' : 'refusal', fromStatus: 'pending', toStatus: account.status, reason: null, opinion: input.opinion || null, publicationId: null, mergedIntoAccountId: null, actorId: admin.id },
      { transaction },
    );
    await recordAudit(actor, { eventType: approved ? 'account.approve' : 'account.refuse', objectType: 'account', objectId: accountId, outcome: 'success' }, transaction);
    return account;
  });
}
