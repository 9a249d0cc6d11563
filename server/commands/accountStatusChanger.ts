import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../errors';
import { Account, AccountLifecycleRecord, Publication, User } from '../models';
import { accountStatusLabel, AccountStatus } from '../models/Account';
import { LifecycleKind } from '../models/AccountLifecycleRecord';
import { isRegistrar } from '../policies/registryPolicy';
import { sequelize } from '../storage/database';

export interface StatusChangeInput {
  status: 'normal' | 'suspended' | 'deregistered' | 'shutdown';
  reason: string;
  mergedIntoAccountId?: number | null;
}

/** Which lifecycle step leads from a registered status to another. */
const STEPS: Record<string, Extract<LifecycleKind, 'suspension' | 'resumption' | 'deregistration' | 'shutdown'>> = {
  'normal>suspended': 'suspension',
  'suspended>normal': 'resumption',
  'normal>deregistered': 'deregistration',
  'suspended>deregistered': 'deregistration',
  'normal>shutdown': 'shutdown',
  'suspended>shutdown': 'shutdown',
};

/**
 * Records a suspension, resumption, deregistration or shutdown, with its reason. Closing an account
 * (注销, 关停) needs a closing notice (停更公告) recorded as published on that account first, so that
 * the public learns where to go; a merge names the account that continues.
 */
export async function accountStatusChanger(admin: User, accountId: number, input: StatusChangeInput, actor: AuditActor): Promise<Account> {
  if (!isRegistrar(admin)) throw forbidden('账号的暂停、恢复、注销和关停由系统管理员（主管单位）登记');
  return sequelize().transaction(async (transaction) => {
    const account = await Account.findByPk(accountId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!account) throw notFound('找不到该账号');
    const from = account.status as AccountStatus;
    const label = (s: AccountStatus) => accountStatusLabel(s);
    if (from === 'pending' || from === 'refused') throw conflict(`该账号尚未备案（当前：${label(from)}），不能变更运营状态`);
    if (from === input.status) throw conflict(`账号已是“${label(from)}”状态`);
    const kind = STEPS[`${from}>${input.status}`];
    if (!kind) throw conflict(`账号已${label(from)}，不能再改为“${label(input.status)}”`);

    const closing = input.status === 'deregistered' || input.status === 'shutdown';
    if (input.mergedIntoAccountId !== undefined && input.mergedIntoAccountId !== null) {
      if (!closing) throw badRequest('只有注销或关停时才能指定合并到的账号');
      if (input.mergedIntoAccountId === account.id) throw badRequest('不能合并到账号自身');
      const target = await Account.findByPk(input.mergedIntoAccountId, { transaction });
      if (!target || target.status !== 'normal') throw badRequest('合并到的账号须为状态“正常”的已备案账号');
    }
    let notice: Publication | null = null;
    if (closing) {
      notice = await Publication.findOne({ where: { accountId, kind: 'closing_notice' }, order: [['publishedAt', 'DESC']], transaction });
      if (!notice) {
        throw new HttpError(409, 'closing_notice_required', `${label(input.status)}账号前，须先在该账号发布停更公告并登记发布`);
      }
    }
    await account.update({ status: input.status, mergedIntoAccountId: closing ? input.mergedIntoAccountId ?? null : account.mergedIntoAccountId }, { transaction });
    await AccountLifecycleRecord.create(
      {
        accountId,
        kind,
        fromStatus: from,
        toStatus: input.status,
        reason: input.reason,
        opinion: null,
        publicationId: notice?.id ?? null,
        mergedIntoAccountId: closing ? input.mergedIntoAccountId ?? null : null,
        actorId: admin.id,
      },
      { transaction },
    );
    await recordAudit(actor, { eventType: `account.${kind}`, objectType: 'account', objectId: accountId, outcome: 'success', detail: { from, to: input.status } }, transaction);
    return account;
  });
}
