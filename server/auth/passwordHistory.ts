import { Transaction } from 'sequelize';
import { PasswordHistory } from '../models';
import { passwordPolicy } from './passwordPolicy';
import { verifyPassword } from './passwords';

/** Rows kept per user: the largest history the configuration allows, so raising it later still has data. */
const KEPT = 24;

/** Whether the password is one of the user's most recent ones (the current one included). */
export async function isRecentPassword(userId: number, password: string, count = passwordPolicy().history): Promise<boolean> {
  const recent = await PasswordHistory.findAll({ where: { userId }, order: [['id', 'DESC']], limit: count });
  for (const entry of recent) {
    if (await verifyPassword(entry.passwordHash, password)) return true;
  }
  return false;
}

/** Records a newly set password (its hash) and forgets those beyond what any policy could ask about. */
export async function rememberPassword(userId: number, passwordHash: string, transaction: Transaction): Promise<void> {
  await PasswordHistory.create({ userId, passwordHash }, { transaction });
  const stale = await PasswordHistory.findAll({ where: { userId }, order: [['id', 'DESC']], offset: KEPT, attributes: ['id'], transaction });
  if (stale.length) await PasswordHistory.destroy({ where: { id: stale.map((s) => s.id) }, transaction });
}
