import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, conflict, notFound } from '../errors';
import { now } from '../lib/clock';
import { AccountChange, User } from '../models';
import { CHANGE_KIND_LABELS } from '../models/AccountChange';
import { applyChanges, changeableAccount, kindsOf } from '../registry/accountChangeSteps';
import { ChangeFilingInput } from '../routes/accounts/schema';
import { sequelize } from '../storage/database';

/** Files a pending change: the new values are applied and the filing date decides lateness. */
export async function accountChangeCompleter(user: User, accountId: number, changeId: number, input: ChangeFilingInput, actor: AuditActor): Promise<AccountChange> {
  return sequelize().transaction(async (transaction) => {
    const account = await changeableAccount(user, accountId, transaction);
    const change = await AccountChange.findOne({ where: { id: changeId, accountId }, transaction, lock: transaction.LOCK.UPDATE });
    if (!change) throw notFound('找不到该变更记录');
    if (change.state !== 'pending') throw conflict('该变更已备案');
    const kinds = kindsOf(input.changes);
    const missing = change.kindList.filter((kind) => !kinds.includes(kind));
    if (missing.length) throw badRequest(`变更内容须包括登记的事项：${missing.map((k) => CHANGE_KIND_LABELS[k]).join('、')}`);
    const applied = await applyChanges(account, input.changes, transaction);
    await change.update(
      {
        kinds: [...new Set([...change.kindList, ...kinds])].sort().join(','),
        state: 'filed',
        reason: input.reason ?? change.reason,
        ownerOpinion: input.ownerOpinion ?? change.ownerOpinion,
        beforeValues: JSON.stringify(applied.before),
        afterValues: JSON.stringify(applied.after),
        filedBy: user.id,
        filedAt: now(),
      },
      { transaction },
    );
    await recordAudit(actor, { eventType: 'account.change.file', objectType: 'account', objectId: accountId, outcome: 'success', detail: { changeId: change.id, kinds: change.kinds } }, transaction);
    return change;
  });
}
