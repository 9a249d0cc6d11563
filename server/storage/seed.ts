import { ruleKinds } from '../../workers/rules';
import { logger } from '../logger';
import { initModels, Unit } from '../models';
import { DEFAULT_UNIT_CODE } from '../models/Unit';
import { sequelize } from './database';

/**
 * First-start data: the default unit, and the shipped rule sets imported into their tables.
 * Each rule kind is seeded once per installation (while it has no version yet), so this is safe
 * on every start and a table that the security admin emptied stays empty.
 */
export async function seedDatabase(): Promise<void> {
  initModels();
  await Unit.findOrCreate({ where: { code: DEFAULT_UNIT_CODE }, defaults: { code: DEFAULT_UNIT_CODE, name: '默认单位' } });
  for (const kind of ruleKinds) {
    const started = Date.now();
    await sequelize().transaction((transaction) => kind.seedDatabase(transaction));
    logger.debug({ kind: kind.kind, ms: Date.now() - started }, 'rule set seeded');
  }
}
