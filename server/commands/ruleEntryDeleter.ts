import { AuditActor } from '../audit/auditRecorder';
import { notFound } from '../errors';
import { versionedRuleChange } from './ruleChange';
import { modelOf, RuleTable, storedEntry } from './ruleTables';

/**
 * The security admin deletes one rule. The audit record keeps the whole entry, so a deleted rule
 * can be read back and restored by hand. Deleting every rule of a table leaves it empty: the
 * shipped defaults are seeded only once per installation.
 */
export async function ruleEntryDeleter(table: RuleTable, id: number, actor: AuditActor): Promise<{ version: number }> {
  const { version } = await versionedRuleChange(table.kind, actor, async (transaction) => {
    const row = await modelOf(table).findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw notFound(`找不到${table.label}中编号为 ${id} 的规则`);
    const before = { ...storedEntry(table, row), enabled: Boolean(row.get('enabled')), origin: String(row.get('origin')) };
    await row.destroy({ transaction });
    return {
      result: undefined,
      audit: [{ eventType: 'rule.delete', objectType: 'rule', objectId: `${table.kind}-${id}`, outcome: 'success', detail: { id, before } }],
    };
  });
  return { version };
}
