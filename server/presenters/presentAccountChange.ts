import { AccountChange } from '../models';
import { CHANGE_KIND_LABELS } from '../models/AccountChange';
import type { ChangeTiming } from '../registry/changeDeadlines';

const parsed = (json: string | null) => (json ? (JSON.parse(json) as Record<string, unknown>) : null);

/** A change record with its deadline and whether it is (or was filed) late. */
export function presentAccountChange(change: AccountChange, timing: ChangeTiming, account?: { name: string; unitId: number }) {
  return {
    id: change.id,
    accountId: change.accountId,
    accountName: account?.name,
    unitId: account?.unitId,
    kinds: change.kindList,
    kindLabels: change.kindList.map((kind) => CHANGE_KIND_LABELS[kind]),
    state: change.state,
    changedOn: String(change.changedOn).slice(0, 10),
    dueOn: timing.dueOn,
    late: timing.late,
    workingDaysLate: timing.workingDaysLate,
    reason: change.reason,
    ownerOpinion: change.ownerOpinion,
    before: parsed(change.beforeValues),
    after: parsed(change.afterValues),
    reportedBy: change.reportedBy,
    reportedAt: change.reportedAt,
    filedBy: change.filedBy,
    filedAt: change.filedAt,
  };
}
