import { Model } from 'sequelize';
import { AuditActor } from '../audit/auditRecorder';
import { notFound } from '../errors';
import { clashOf } from './ruleConflicts';
import { validatedEntry } from './ruleEntryValidation';
import { versionedRuleChange } from './ruleChange';
import { changedFields, modelOf, RuleFields, rowOf, RuleTable, sameFields, storedEntry } from './ruleTables';

/**
 * The security admin changes some fields of one rule. The result is validated as a whole (a
 * regex must still compile, an ad helper category must still have no severity …) and checked for
 * clashes with the other entries. Changing nothing writes nothing.
 */
export async function ruleEntryUpdater(
  table: RuleTable,
  id: number,
  changes: RuleFields,
  actor: AuditActor,
): Promise<{ row: Model; version: number }> {
  const { result, version } = await versionedRuleChange(table.kind, actor, async (transaction) => {
    const row = await modelOf(table).findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw notFound(`找不到${table.label}中编号为 ${id} 的规则`);
    const before = storedEntry(table, row);
    const after = validatedEntry(table, { ...before, ...changes });
    if (sameFields(table, before, after)) return { result: row, audit: [] };
    const clash = await clashOf(table, after, Boolean(row.get('enabled')), transaction, id);
    if (clash) throw clash;
    const { origin: _origin, ...attributes } = rowOf(table, after, String(row.get('origin')));
    await row.update(attributes, { transaction });
    return {
      result: row,
      audit: [{ eventType: 'rule.update', objectType: 'rule', objectId: `${table.kind}-${id}`, outcome: 'success', detail: { id, ...changedFields(table, before, after) } }],
    };
  });
  return { row: result, version };
}
