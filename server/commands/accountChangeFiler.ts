import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest } from '../errors';
import { now } from '../lib/clock';
import { countyDate } from '../lib/countyDate';
import { AccountChange, User } from '../models';
import { CHANGE_KIND_LABELS } from '../models/AccountChange';
import { applyChanges, changeableAccount, kindsOf } from '../registry/accountChangeSteps';
import { ChangeReportInput } from '../routes/accounts/schema';
import { sequelize } from '../storage/database';

function checkChangedOn(changedOn: string): void {
  if (changedOn > countyDate(now())) throw badRequest('变更日期（changedOn）不能晚于今天');
}

/**
 * Records a change of a registered account. With new values it is filed at once (applied, with the
 * replaced values kept); without, it is reported as pending: the change is known and its
 * 7-working-day filing deadline runs from `changedOn`.
 */
export async function accountChangeFiler(user: User, accountId: number, input: ChangeReportInput, actor: AuditActor): Promise<AccountChange> {
  checkChangedOn(input.changedOn);
  if (!input.changes && !input.kinds) throw badRequest('须填写变更内容（changes），或先登记变更事项（kinds）');
  if (input.changes && input.kinds) {
    const derived = kindsOf(input.changes);
    if (derived.join() !== [...new Set(input.kinds)].sort().join()) {
      throw badRequest(`变更事项（kinds）与变更内容不符：变更内容涉及${derived.map((k) => CHANGE_KIND_LABELS[k]).join('、')}`);
    }
  }
  return sequelize().transaction(async (transaction) => {
    const account = await changeableAccount(user, accountId, transaction);
    const at = now();
    const applied = input.changes ? await applyChanges(account, input.changes, transaction) : null;
    const change = await AccountChange.create(
      {
        accountId,
        kinds: (input.changes ? kindsOf(input.changes) : [...new Set(input.kinds!)].sort()).join(','),
        state: applied ? 'filed' : 'pending',
        changedOn: input.changedOn,
        reason: input.reason || null,
        ownerOpinion: input.ownerOpinion ?? null,
        beforeValues: applied ? JSON.stringify(applied.before) : null,
        afterValues: applied ? JSON.stringify(applied.after) : null,
        reportedBy: user.id,
        reportedAt: at,
        filedBy: applied ? user.id : null,
        filedAt: applied ? at : null,
      },
      { transaction },
    );
    await recordAudit(
      actor,
      { eventType: applied ? 'account.change.file' : 'account.change.report', objectType: 'account', objectId: accountId, outcome: 'success', detail: { changeId: change.id, kinds: change.kinds, changedOn: input.changedOn } },
      transaction,
    );
    return change;
  });
}
