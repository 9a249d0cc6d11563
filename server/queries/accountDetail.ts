import { Account, AccountChange, AccountLifecycleRecord, AccountQrCode, Publication, Unit } from '../models';
import { AccountDetailParts } from '../presenters/presentAccount';
import { presentAccountChange } from '../presenters/presentAccountChange';
import { loadMenus, loadTeam } from '../registry/accountParts';
import { changeTimings } from '../registry/changeDeadlines';

/** Everything the registration record shows: form, team, menu, history, last publications. */
export async function loadAccountDetail(account: Account): Promise<AccountDetailParts> {
  const [unit, team, menus, qr, lifecycle, changes, last, notice] = await Promise.all([
    Unit.findByPk(account.unitId),
    loadTeam(account.id),
    loadMenus(account.id),
    AccountQrCode.count({ where: { accountId: account.id } }),
    AccountLifecycleRecord.findAll({ where: { accountId: account.id }, order: [['id', 'ASC']] }),
    AccountChange.findAll({ where: { accountId: account.id }, order: [['id', 'ASC']] }),
    Publication.max<Date | null, Publication>('publishedAt', { where: { accountId: account.id } }),
    Publication.max<Date | null, Publication>('publishedAt', { where: { accountId: account.id, kind: 'closing_notice' } }),
  ]);
  const timings = await changeTimings(changes);
  return {
    account,
    unit,
    team,
    menus,
    hasQrCode: qr > 0,
    lifecycle,
    changes: changes.map((change) => presentAccountChange(change, timings.get(change.id)!)),
    lastPublishedAt: last ?? null,
    closingNoticePublishedAt: notice ?? null,
  };
}
