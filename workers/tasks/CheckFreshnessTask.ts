import { Op, QueryTypes } from 'sequelize';
import { now } from '../../server/lib/clock';
import { logger } from '../../server/logger';
import { AccountFreshness } from '../../server/models';
import { accountFreshness } from '../../server/queries/accountFreshness';
import { FreshnessAnnouncer } from '../../server/realtime/freshnessAnnouncer';
import { sequelize } from '../../server/storage/database';

/**
 * Compares every 正常 account's freshness level with the level last announced and announces the
 * crossings (ok → warning → alert → overdue, and back after a publication). The announcement is
 * claimed by a conditional write on `account_freshness`, so with several monitoring processes each
 * crossing is announced exactly once. Accounts that stop being 正常 are forgotten.
 */
export class CheckFreshnessTask {
  constructor(private readonly announcer: FreshnessAnnouncer) {}

  async run(): Promise<{ checked: number; announced: number }> {
    const { items } = await accountFreshness(null);
    const known = new Map((await AccountFreshness.findAll()).map((row) => [row.accountId, row]));
    const at = now();
    let announced = 0;
    for (const item of items) {
      const previous = known.get(item.accountId);
      known.delete(item.accountId);
      if (previous?.level === item.level) continue;
      // Claim the crossing: only the process whose write changes the row announces it.
      const [, claimed] = previous
        ? await sequelize().query('UPDATE account_freshness SET level = ?, days = ?, checked_at = ? WHERE account_id = ? AND level = ?', {
            replacements: [item.level, item.days, at, item.accountId, previous.level],
            type: QueryTypes.UPDATE,
          })
        : await sequelize().query('INSERT IGNORE INTO account_freshness (account_id, level, days, checked_at) VALUES (?, ?, ?, ?)', {
            replacements: [item.accountId, item.level, item.days, at],
            type: QueryTypes.INSERT,
          });
      if (!claimed) continue;
      // A newly watched account that is fine is not news.
      if (!previous && item.level === 'ok') continue;
      this.announcer.announce({
        accountId: item.accountId,
        unitId: item.unitId,
        name: item.name,
        platformLabel: item.platformLabel,
        level: item.level,
        levelLabel: item.levelLabel,
        previousLevel: previous?.level ?? null,
        days: item.days,
        lastPublishedAt: item.lastPublishedAt?.toISOString() ?? null,
        at: at.toISOString(),
      });
      announced++;
    }
    if (known.size) await AccountFreshness.destroy({ where: { accountId: { [Op.in]: [...known.keys()] } } });
    if (announced) logger.info({ announced }, 'freshness changes announced');
    return { checked: items.length, announced };
  }
}
