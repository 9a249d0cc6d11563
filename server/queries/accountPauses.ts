import { Op } from 'sequelize';
import { countyDate } from '../lib/countyDate';
import { AccountLifecycleRecord } from '../models';
import type { Pause } from '../registry/updateGaps';

/**
 * The suspensions (暂停) of each account up to an instant, as county dates: from the day it was
 * suspended to the day it was resumed (null when it was still suspended then). An approved pause
 * is not a silence, so the update figures leave these days out.
 */
export async function pausesOf(accountIds: number[], until: Date): Promise<Map<number, Pause[]>> {
  const pauses = new Map<number, Pause[]>();
  if (!accountIds.length) return pauses;
  const steps = await AccountLifecycleRecord.findAll({
    where: { accountId: accountIds, kind: ['suspension', 'resumption'], createdAt: { [Op.lt]: until } },
    attributes: ['accountId', 'kind', 'createdAt'],
    order: [['createdAt', 'ASC'], ['id', 'ASC']],
  });
  for (const step of steps) {
    const accountId = Number(step.accountId);
    const own = pauses.get(accountId) ?? [];
    const open = own.at(-1)?.to === null ? own.at(-1) : undefined;
    if (step.kind === 'suspension' && !open) own.push({ from: countyDate(step.createdAt), to: null });
    if (step.kind === 'resumption' && open) open.to = countyDate(step.createdAt);
    pauses.set(accountId, own);
  }
  return pauses;
}
