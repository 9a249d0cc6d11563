import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { now } from '../lib/clock';
import { countyDate } from '../lib/countyDate';
import { Account, AccountInteraction, User } from '../models';
import { accountEditRefusal } from '../policies/registryPolicy';
import { sequelize } from '../storage/database';

export interface InteractionInput {
  month: string;
  received: number;
  answered: number;
  answeredLate: number;
  note?: string | null;
}

/** Enters (or corrects) an account's 互动回应 figures of one month: messages received and answered. */
export async function interactionRecorder(user: User, accountId: number, input: InteractionInput, actor: AuditActor): Promise<AccountInteraction> {
  if (input.answered > input.received) throw badRequest('已回复数不能大于收到的留言数');
  if (input.answeredLate > input.answered) throw badRequest('超时回复数不能大于已回复数');
  if (input.month > countyDate(now()).slice(0, 7)) throw badRequest('不能填报尚未开始的月份');
  return sequelize().transaction(async (transaction) => {
    const account = await Account.findByPk(accountId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!account) throw notFound('找不到该账号');
    const refusal = accountEditRefusal(user, account);
    if (refusal) throw forbidden(refusal.replace('修改账号备案信息', '填报互动回应数据'));
    if (account.status === 'pending' || account.status === 'refused') throw conflict('账号尚未备案，不能填报互动回应数据');
    const values = { received: input.received, answered: input.answered, answeredLate: input.answeredLate, note: input.note || null, updatedBy: user.id };
    const existing = await AccountInteraction.findOne({ where: { accountId, period: input.month }, transaction });
    const saved = existing ? await existing.update(values, { transaction }) : await AccountInteraction.create({ accountId, period: input.month, ...values }, { transaction });
    await recordAudit(actor, { eventType: 'account.interaction', objectType: 'account', objectId: accountId, outcome: 'success', detail: { month: input.month, ...values } }, transaction);
    return saved;
  });
}
