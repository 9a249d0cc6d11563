import { Model } from 'sequelize';
import { AuditActor } from '../audit/auditRecorder';
import { clashOf } from './ruleConflicts';
import { versionedRuleChange } from './ruleChange';
import { modelOf, RuleTable, storedEntry } from './ruleTables';
import { goneEntry } from './goneEntry';

/**
 * The security admin enables or disables one rule. A disabled rule stays in the table (and in
 * exports) but no checker reads it; a disabled privacy policy turns that kind of number off.
 * Enabling a wording rule whose period overlaps another enabled rule of the same wrong form is a 409.
 */
export async function ruleEntryStatusChanger(
  table: RuleTable,
  id: number,
  enabled: boolean,
  actor: AuditActor,
): Promise<{ row: Model; version: number }> {
  const { result, version } = await versionedRuleChange(table.kind, actor, async (transaction) => {
    const row = await modelOf(table).findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw goneEntry('规则');
    const was = Boolean(row.get('enabled'));
    if (was === enabled) return { result: row, audit: [] };
    if (enabled) {
      const clash = await clashOf(table, storedEntry(table, row), true, transaction, id);
      if (clash) throw clash;
    }
    await row.update({ enabled }, { transaction });
    return {
      result: row,
      audit: [
        {
          eventType: enabled ? 'rule.enable' : 'rule.disable',
          objectType: 'rule',
          objectId: `${table.kind}-${id}`,
          outcome: 'success',
          detail: { id, before: { enabled: was }, after: { enabled } },
        },
      ],
    };
  });
  return { row: result, version };
}
